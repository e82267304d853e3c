/** @odoo-module **/

import { registry } from "@web/core/registry";

// An operator opens "Programme in numbers", moves to 2023 and opens the people
// registered that year from the figure.
registry.category("web_tour.tours").add("ixl_dashboard_tour", {
    url: "/odoo/action-ixl_beneficiary.ixl_dashboard_action",
    steps: () => [
        {
            content: "The dashboard shows the current year",
            trigger: ".o_ixl_dashboard .o_ixl_section_registrations",
        },
        {
            content: "Choose 2023",
            trigger: "input.o_ixl_dashboard_year",
            run: "edit 2023",
        },
        {
            content: "Apply",
            trigger: ".o_ixl_dashboard_apply",
            run: "click",
        },
        {
            content: "The period is 2023",
            trigger: ".o_ixl_dashboard_period:contains(2023-01-01):contains(2023-12-31)",
        },
        {
            content: "Open the registrations of 2023",
            trigger: ".o_ixl_section_registrations a.o_ixl_dashboard_figure[data-cell='0-0-0']:contains(1)",
            run: "click",
        },
        {
            content: "The list shows the person registered in 2023",
            trigger: ".o_list_view .o_data_row:contains(Dora Dashboard)",
        },
        {
            content: "and not the one registered in 2024",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Ugo Other)))",
        },
    ],
});
