/** @odoo-module **/

import { registry } from "@web/core/registry";

// A contact of a Board company asks for personnel on the portal: from the portal
// home to the new request form, then the page of the request just sent.
registry.category("web_tour.tours").add("ixl_portal_request_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the personnel requests",
            trigger: ".o_portal_index_card a[href$='/my/ixl/requests']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start a new request",
            trigger: "a#ixl_new_request",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Role",
            trigger: "#ixl_request_form input[name='name']",
            run: "edit Tour forklift driver",
        },
        {
            content: "Positions",
            trigger: "#ixl_request_form input[name='positions']",
            run: "edit 2",
        },
        {
            content: "Workplace municipality",
            trigger: "#ixl_request_form select[name='municipality_id']",
            run: "selectByLabel Casalecchio di Reno",
        },
        {
            content: "Tick a required skill",
            trigger: "#ixl_request_form .form-check:contains(Forklift operation) input[type='checkbox']",
            run: "check",
        },
        {
            content: "Send the request",
            trigger: "#ixl_request_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request page shows the new request",
            trigger: "#ixl_request_details:contains(Casalecchio di Reno)",
        },
        {
            content: "with its role and the confirmation",
            trigger: "h3:contains(Tour forklift driver)",
        },
    ],
});
