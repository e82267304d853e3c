/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// An operator opens the intake kanban, finds a person waiting for the first
// interview and records its outcome: in target, strong profile, ready.
registry.category("web_tour.tours").add("ixl_interview_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Insieme per il lavoro",
            trigger: ".o_app[data-menu-xmlid='ixl_beneficiary.menu_ixl_root']",
            run: "click",
        },
        {
            content: "Open the intake kanban",
            trigger: ".o_main_navbar button:contains(Beneficiaries), .o_main_navbar a:contains(Beneficiaries)",
            run: "click",
        },
        {
            trigger: ".dropdown-menu a[data-menu-xmlid='ixl_beneficiary.menu_ixl_intake']",
            run: "click",
        },
        {
            content: "The person waits in the Registered column",
            trigger: ".o_kanban_group:contains(Registered) .o_kanban_record:contains(Teresa Tour)",
            run: "click",
        },
        {
            content: "Record the interview outcome",
            trigger: ".o_form_view button[name='action_record_interview']",
            run: "click",
        },
        {
            content: "In target",
            trigger: ".modal .o_field_widget[name='outcome'] input[data-value='in_target']",
            run: "click",
        },
        {
            content: "Vulnerability score",
            trigger: ".modal .o_field_widget[name='vulnerability_score'] input",
            run: "edit 7 && press Tab",
        },
        {
            content: "The profile is strong",
            trigger: ".modal .o_field_widget[name='profile_preview']:contains(Strong)",
        },
        {
            content: "Ready for placement",
            trigger: ".modal .o_field_widget[name='readiness'] input[data-value='ready']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The form shows the new state",
            trigger: "body:not(:has(.modal)) .o_statusbar_status button.o_arrow_button_current:contains(In target)",
        },
        {
            content: "And the strong profile",
            trigger: ".o_field_widget[name='profile_type']:contains(Strong)",
        },
    ],
});
