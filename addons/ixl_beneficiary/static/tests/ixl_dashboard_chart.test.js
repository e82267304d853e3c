/** @odoo-module **/

import { describe, expect, test } from "@odoo/hoot";
import {
    chartConfig,
    chartSeries,
    previousOf,
} from "@ixl_beneficiary/dashboard/ixl_dashboard_chart_data";

const action = (label) => ({ model: "ixl.placement", domain: [["name", "=", label]] });
const count = (value, label, extra = {}) => ({ value, type: "int", action: action(label), ...extra });
const pct = (value) => ({ value, type: "pct" });

describe.current.tags("headless");

describe("IXL dashboard charts", () => {
    test("bar: one bar per row, the total row left out, each bar opens its cell", () => {
        const block = {
            title: "Per month",
            chart: "bar",
            columns: ["Placements", "%"],
            rows: [
                { label: "January", cells: [count(3, "jan"), pct(60)] },
                { label: "February", cells: [count(2, "feb"), pct(40)] },
                { label: "Total", total: true, cells: [count(5, "all"), pct(100)] },
            ],
        };
        const series = chartSeries(block);
        expect(series.length).toBe(1);
        expect(series[0].points.map((p) => p.value)).toEqual([3, 2]);
        expect(series[0].points[1].action).toEqual(action("feb"));
        const config = chartConfig(block, series);
        expect(config.type).toBe("bar");
        expect(config.data.labels).toEqual(["January", "February"]);
        expect(config.options.indexAxis).toBe("x");
        expect(config.options.plugins.legend.display).toBe(false);
    });

    test("trend: the last column as a line on a second axis, opening the figure on its left", () => {
        const block = {
            title: "Trend",
            chart: "trend",
            columns: ["Placements", "Permanent", "% permanent"],
            rows: [2023, 2024].map((year) => ({
                label: String(year),
                cells: [count(10, `all${year}`), count(4, `perm${year}`), pct(40)],
            })),
        };
        const series = chartSeries(block);
        expect(series.map((s) => s.column)).toEqual([0, 2]);
        expect(series[1].points[0].value).toBe(40);
        expect(series[1].points[0].action).toEqual(action("perm2023"));
        const [bars, line] = chartConfig(block, series).data.datasets;
        expect(bars.yAxisID).toBe("y");
        expect(line.type).toBe("line");
        expect(line.yAxisID).toBe("y1");
    });

    test("hbar and doughnut", () => {
        const rows = [
            { label: "A", cells: [count(5, "a")] },
            { label: "B", cells: [count(3, "b")] },
        ];
        const hbar = { title: "Ranking", chart: "hbar", columns: ["Hires"], rows };
        expect(chartConfig(hbar, chartSeries(hbar)).options.indexAxis).toBe("y");
        const doughnut = { title: "Split", chart: "doughnut", columns: ["People"], rows };
        const config = chartConfig(doughnut, chartSeries(doughnut));
        expect(config.type).toBe("doughnut");
        expect(config.data.datasets[0].backgroundColor.length).toBe(2);
        expect(config.options.plugins.legend.display).toBe(true);
        expect(config.options.plugins.legend.position).toBe("right");
        const long = { ...doughnut, rows: [{ label: "First interview by the end of the period", cells: [count(1, "x")] }] };
        expect(chartConfig(long, chartSeries(long)).options.plugins.legend.position).toBe("bottom");
    });

    test("previous values, when the cells carry them, are a second dataset", () => {
        const block = {
            title: "Per month",
            chart: "bar",
            columns: ["Placements"],
            rows: [
                { label: "January", cells: [count(3, "jan", { previous: 1 })] },
                {
                    label: "February",
                    cells: [count(2, "feb", { previous: { value: 4, action: action("old") } })],
                },
            ],
        };
        const series = chartSeries(block);
        expect(series.length).toBe(2);
        expect(series[1].points.map((p) => p.value)).toEqual([1, 4]);
        expect(series[1].points[1].action).toEqual(action("old"));
        expect(series[1].points[0].action).toBe(undefined);
        expect(previousOf({ value: 1 })).toBe(null);
    });

    test("no hint, no chart", () => {
        expect(chartSeries({ title: "T", columns: ["A"], rows: [] })).toEqual([]);
    });
});
