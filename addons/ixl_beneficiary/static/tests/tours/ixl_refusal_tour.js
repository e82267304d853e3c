/** @odoo-module **/

import { registry } from "@web/core/registry";

// An operator on a person's form: the person did not come to the meeting of the
// activity (one click in the chatter), then refused a proposal, recorded with its reason.
registry.category("web_tour.tours").add("ixl_refusal_tour", {
    steps: () => [
        {
            content: "The meeting is in the person's activities",
            trigger: ".o-mail-Activity:contains(Colloquio di orientamento)",
        },
        {
            content: "The person did not come",
            trigger: ".o-mail-Activity:contains(Colloquio di orientamento) .o-ixl-Activity-didNotCome",
            run: "click",
        },
        {
            content: "The activity is closed and the history says it",
            trigger: "body:not(:has(.o-mail-Activity:contains(Colloquio di orientamento))) .o-mail-Message:contains(Did not come)",
        },
        {
            content: "The missed appointment is counted on the person",
            trigger: "button[name='action_view_missed_appointments'] .o_stat_value:contains(1)",
        },
        {
            content: "Record a refusal",
            trigger: ".o_form_view button[name='action_record_refusal']",
            run: "click",
        },
        {
            content: "Distance / transport",
            trigger: ".modal .o_field_widget[name='reason'] input[data-value='distance']",
            run: "click",
        },
        {
            content: "What the person said",
            trigger: ".modal .o_field_widget[name='note'] textarea",
            run: "edit Troppo lontano senza auto",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The refusal is on the history",
            trigger: "body:not(:has(.modal)) .o-mail-Message:contains(Distance / transport)",
        },
    ],
});

// The same from the activity popover of the list of people.
registry.category("web_tour.tours").add("ixl_did_not_come_list_tour", {
    steps: () => [
        {
            content: "Open the activities of the person in the list",
            trigger: ".o_data_row:contains(Rita Rifiuto) .o-mail-ActivityButton",
            run: "click",
        },
        {
            content: "The person did not come",
            trigger: ".o-mail-ActivityListPopoverItem:contains(Colloquio di verifica) .o-ixl-ActivityListPopoverItem-didNotCome",
            run: "click",
        },
        {
            content: "The activity is closed",
            trigger: "body:not(:has(.o-mail-ActivityListPopoverItem:contains(Colloquio di verifica)))",
        },
    ],
});
