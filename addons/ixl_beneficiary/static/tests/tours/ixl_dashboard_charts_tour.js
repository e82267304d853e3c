/** @odoo-module **/
/* global Chart */

import { registry } from "@web/core/registry";

const BAR_CANVAS = ".o_ixl_section_registrations .o_ixl_dashboard_chart.o_ixl_chart_bar canvas";

/** Click on the bar of ``label`` of the first dataset, where Chart.js drew it. */
function clickBar(canvas, label) {
    const chart = Chart.getChart(canvas);
    const index = chart.data.labels.findIndex((text) => text.startsWith(label));
    if (index < 0) {
        throw new Error(`No bar for ${label} in ${chart.data.labels}`);
    }
    const bar = chart.getDatasetMeta(0).data[index];
    const rect = canvas.getBoundingClientRect();
    const init = {
        bubbles: true,
        clientX: rect.left + bar.x,
        clientY: rect.top + (bar.y + bar.base) / 2,
    };
    canvas.dispatchEvent(new MouseEvent("mousemove", init));
    canvas.dispatchEvent(new MouseEvent("click", init));
}

// An operator opens "Programme in numbers", moves to 2023, sees the registrations per
// month as bars (the table stays below) and opens the people registered in May 2023 by
// clicking the bar of May.
registry.category("web_tour.tours").add("ixl_dashboard_charts_tour", {
    url: "/odoo/action-ixl_beneficiary.ixl_dashboard_action",
    steps: () => [
        {
            content: "The registrations per month are drawn as bars",
            trigger: BAR_CANVAS,
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
            content: "The table is still there, under the chart",
            trigger: ".o_ixl_dashboard_chart + table a.o_ixl_dashboard_figure",
        },
        {
            content: "Tables only: the charts go away",
            trigger: ".o_ixl_dashboard_toggle_charts",
            run: "click",
        },
        {
            content: "No chart, the tables stay",
            trigger: ".o_ixl_dashboard:not(:has(canvas)) .o_ixl_dashboard_figure",
        },
        {
            content: "Show the charts again",
            trigger: ".o_ixl_dashboard_toggle_charts",
            run: "click",
        },
        {
            content: "Click the bar of May 2023",
            trigger: BAR_CANVAS,
            run() {
                clickBar(this.anchor, "May");
            },
        },
        {
            content: "The list shows the person registered in May 2023",
            trigger: ".o_list_view .o_data_row:contains(Dora Dashboard)",
        },
        {
            content: "and not the one registered in 2024",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Ugo Other)))",
        },
        {
            content: "The breadcrumb names the bar",
            trigger: ".o_breadcrumb:contains(Registrations per month)",
        },
    ],
});
