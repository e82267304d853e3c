/** @odoo-module **/

import { registry } from "@web/core/registry";

// An operator records a traineeship that began last month (so its first month can be
// attended), starts it and records that month's attendance from the register: 65 of
// 100 hours, below the regional 70%, so nothing is due for the month.
function usDate(day) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${pad(day.getMonth() + 1)}/${pad(day.getDate())}/${day.getFullYear()}`;
}
const today = new Date();
const start = new Date(today.getFullYear(), today.getMonth() - 1, 1);
const end = new Date(today.getFullYear(), today.getMonth() + 2, 0);

registry.category("web_tour.tours").add("ixl_internship_rules_tour", {
    steps: () => [
        {
            content: "New internship",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The trainee",
            trigger: ".o_field_widget[name='beneficiary_id'] input",
            run: "edit Tiziana",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tiziana)",
            run: "click",
        },
        {
            content: "The host company",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Tour Officina",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Officina)",
            run: "click",
        },
        {
            content: "Starts on the first day of last month",
            trigger: ".o_field_widget[name='date_start'] input",
            run: `edit ${usDate(start)} && press Escape`,
        },
        {
            content: "Ends three months later",
            trigger: ".o_field_widget[name='date_end'] input",
            run: `edit ${usDate(end)} && press Escape`,
        },
        {
            content: "Monthly indemnity: at least the regional 450 EUR",
            trigger: ".o_field_widget[name='monthly_indemnity'] input",
            run: "edit 500",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Start it",
            trigger: ".o_form_saved button[name='action_start']",
            run: "click",
        },
        {
            content: "Record the attendance of its first month",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Ongoing)",
        },
        {
            trigger: ".o_field_widget[name='month_ids'] .o_data_row:first button[name='action_open_attendance']",
            run: "click",
        },
        {
            content: "Hours planned for the month",
            trigger: ".modal .o_field_widget[name='hours_planned'] input",
            run: "edit 100",
        },
        {
            content: "Hours attended",
            trigger: ".modal .o_field_widget[name='hours_attended'] input",
            run: "edit 65",
        },
        {
            content: "Record",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "65% attendance: below the threshold, no indemnity due for the month",
            trigger: "body:not(:has(.modal)) .o_field_widget[name='month_ids'] .o_data_row:first td[name='attendance_percent']:contains(65.00)",
        },
    ],
});
