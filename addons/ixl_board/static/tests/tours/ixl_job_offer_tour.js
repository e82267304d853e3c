/** @odoo-module **/

import { registry } from "@web/core/registry";

// An operator records a job offer found online, sees the people it fits (ranked and
// explained) and emails it to the one picked.
registry.category("web_tour.tours").add("ixl_job_offer_tour", {
    steps: () => [
        {
            content: "New job offer",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Title",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Tour forklift driver",
        },
        {
            content: "Employer as published",
            trigger: ".o_field_widget[name='employer_name'] input",
            run: "edit Magazzini Tour Srl",
        },
        {
            content: "Link of the offer",
            trigger: ".o_field_widget[name='url'] input",
            run: "edit https://www.example.com/tour-offer",
        },
        {
            content: "Job area",
            trigger: ".o_field_widget[name='job_area_id'] input",
            run: "edit Logistics",
        },
        {
            content: "Pick the job area",
            trigger: ".o-autocomplete--dropdown-item a:contains(Logistics and warehouse)",
            run: "click",
        },
        {
            content: "Workplace",
            trigger: ".o_field_widget[name='municipality_id'] input",
            run: "edit Imola",
        },
        {
            content: "Pick the workplace",
            trigger: ".o-autocomplete--dropdown-item a:contains(Imola)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Find the people it fits",
            trigger: ".o_form_saved button[name='action_match']",
            run: "click",
        },
        {
            content: "The person is proposed, with the reason",
            trigger: ".o_data_row:contains(Tina Tourperson):contains(interest: Logistics and warehouse)",
        },
        {
            content: "Pick the person",
            trigger: ".o_data_row:contains(Tina Tourperson) .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Send the offer to the selected",
            trigger: "button[name='action_send_offer']",
            run: "click",
        },
        {
            content: "Confirm the sending",
            trigger: ".modal .o_field_widget[name='beneficiary_ids']:contains(Tina Tourperson)",
        },
        {
            content: "Send",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Staff are told it was sent",
            trigger: ".o_notification:contains(Offer emailed to 1 people)",
        },
    ],
});
