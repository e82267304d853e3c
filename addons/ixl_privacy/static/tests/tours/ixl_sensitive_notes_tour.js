/** @odoo-module **/

import { registry } from "@web/core/registry";

// An operator opens a person: the sensitive notes are not on the form; the button
// "Show sensitive notes" opens them in a dialog (and the opening is logged).
registry.category("web_tour.tours").add("ixl_sensitive_notes_tour", {
    steps: () => [
        {
            content: "The form shows the person but not the notes",
            trigger: ".o_form_view .o_field_widget[name=first_name] input",
        },
        {
            content: "Open the sensitive notes tab",
            trigger: ".o_notebook .nav-link:contains(Sensitive notes)",
            run: "click",
        },
        {
            trigger: "button[name=action_show_sensitive_notes]",
            run: "click",
        },
        {
            content: "The dialog shows the health and fragility notes",
            trigger: ".modal .o_field_widget[name=fragility_notes]:contains(Needs a quiet workplace)",
        },
        {
            trigger: ".modal .modal-footer button:contains(Close)",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
