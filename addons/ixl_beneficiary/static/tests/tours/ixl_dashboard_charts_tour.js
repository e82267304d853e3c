/** @odoo-module **/
/* global Chart */

import { registry } from "@web/core/registry";

/** The canvas of the block titled ``title`` in the section ``key``. */
function canvasOf(key, title) {
    return `.o_ixl_section_${key} .o_ixl_dashboard_block:has(.card-header:contains(${title})) canvas`;
}

const BAR_CANVAS = canvasOf("registrations", "Registrations per month");

/**
 * Click where Chart.js drew the element (bar, slice or point) of ``label`` in the
 * dataset ``datasetIndex``: the centre of the element from getDatasetMeta.
 */
function clickElement(canvas, label, datasetIndex = 0) {
    const chart = Chart.getChart(canvas);
    const index = chart.data.labels.findIndex((text) => text.startsWith(label));
    if (index < 0) {
        throw new Error(`No ${label} in ${chart.data.labels}`);
    }
    const { x, y } = chart.getDatasetMeta(datasetIndex).data[index].getCenterPoint();
    const rect = canvas.getBoundingClientRect();
    const init = { bubbles: true, clientX: rect.left + x, clientY: rect.top + y };
    canvas.dispatchEvent(new MouseEvent("mousemove", init));
    canvas.dispatchEvent(new MouseEvent("click", init));
}

function chooseYear(year) {
    return [
        { content: `Choose ${year}`, trigger: "input.o_ixl_dashboard_year", run: `edit ${year}` },
        { content: "Apply", trigger: ".o_ixl_dashboard_apply", run: "click" },
        {
            content: `The period is ${year}`,
            trigger: `.o_ixl_dashboard_period:contains(${year}-01-01):contains(${year}-12-31)`,
        },
    ];
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
        ...chooseYear(2023),
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
                clickElement(this.anchor, "May");
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

const SLICES = canvasOf("chart_tour", "Placements by type");
const TREND = canvasOf("chart_tour", "Trend");

// A slice of the placements by type opens the placements of that type; a point of the
// "% permanent" line of the trend opens the permanent placements of that year.
registry.category("web_tour.tours").add("ixl_dashboard_charts_slice_point_tour", {
    url: "/odoo/action-ixl_beneficiary.ixl_dashboard_action",
    steps: () => [
        ...chooseYear(2024),
        {
            content: "Click the slice of the internships",
            trigger: SLICES,
            run() {
                clickElement(this.anchor, "Internship");
            },
        },
        {
            content: "The internship of 2024 is listed",
            trigger: ".o_list_view .o_data_row:contains(Bruno Look)",
        },
        {
            content: "and not the hire",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Anna Look)))",
        },
        { content: "Back to the dashboard", trigger: ".o_back_button", run: "click" },
        ...chooseYear(2024),
        {
            content: "Click the point of 2024 on the % permanent line",
            trigger: TREND,
            run() {
                clickElement(this.anchor, "2024", 1); // the line: the second dataset
            },
        },
        {
            content: "The permanent placement of 2024 is listed",
            trigger: ".o_list_view .o_data_row:contains(Anna Look)",
        },
        {
            content: "not the one of 2023, nor the internship",
            trigger:
                ".o_list_view:not(:has(.o_data_row:contains(Dario Look))):not(:has(.o_data_row:contains(Bruno Look)))",
        },
    ],
});
