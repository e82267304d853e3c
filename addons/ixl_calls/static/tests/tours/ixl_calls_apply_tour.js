/** @odoo-module **/

import { registry } from "@web/core/registry";

// An APL agency applies to an open call on the portal: from the portal home to the
// list of open calls, the application form, then the page of the application.
registry.category("web_tour.tours").add("ixl_calls_apply_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the calls",
            trigger: ".o_portal_index_card a[href$='/my/ixl/calls']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Apply to the APL call",
            trigger: ".o_ixl_call:contains(Tour APL call) a.ixl_apply",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Project title",
            trigger: "#ixl_apply_form input[name='project_title']",
            run: "edit Tour reemployment project",
        },
        {
            content: "Project description",
            trigger: "#ixl_apply_form textarea[name='project_description']",
            run: "edit Coaching and job search for 20 registrants",
        },
        {
            content: "Project budget",
            trigger: "#ixl_apply_form input[name='project_budget']",
            run: "edit 60000",
        },
        {
            content: "Funding requested",
            trigger: "#ixl_apply_form input[name='amount_requested']",
            run: "edit 35000",
        },
        {
            content: "Project start",
            trigger: "#ixl_apply_form input[name='date_start']",
            // hoot's "edit" cannot read an empty date input: set the value directly
            run() {
                this.anchor.value = "2030-03-01";
            },
        },
        {
            content: "Project end",
            trigger: "#ixl_apply_form input[name='date_end']",
            run() {
                this.anchor.value = "2031-02-28";
            },
        },
        {
            content: "Submit the application",
            trigger: "#ixl_apply_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The application page confirms it",
            trigger: ".alert-success:contains(Your application was submitted.)",
        },
        {
            content: "with the call and the project",
            trigger: "#ixl_application_details:contains(Tour reemployment project)",
        },
    ],
});
