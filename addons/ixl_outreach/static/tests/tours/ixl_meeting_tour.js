/** @odoo-module **/

import { registry } from "@web/core/registry";

// A coordinator opens the planned quarterly Tavolo tecnico, writes its agenda, then,
// after the meeting, its minutes, and records it as held.
registry.category("web_tour.tours").add("ixl_meeting_tour", {
    url: "/odoo/action-ixl_outreach.ixl_meeting_action",
    steps: () => [
        {
            content: "Open the planned meeting of the Tavolo tecnico",
            trigger: ".o_list_view .o_data_row:contains(Tavolo tecnico Tour) td[name='table_id']",
            run: "click",
        },
        {
            content: "Write the agenda",
            trigger: ".o_field_widget[name='agenda'] .odoo-editor-editable",
            run: "editor Quarterly figures and the new call",
        },
        {
            content: "Open the minutes",
            trigger: ".o_notebook a[name='minutes']",
            run: "click",
        },
        {
            content: "Write the minutes",
            trigger: ".o_field_widget[name='minutes'] .odoo-editor-editable",
            run: "editor The table approved the quarterly report",
        },
        {
            content: "Record it as held (the form is saved first)",
            trigger: ".o_form_view button[name='action_hold']",
            run: "click",
        },
        {
            content: "The meeting is held",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Held)",
        },
    ],
});
