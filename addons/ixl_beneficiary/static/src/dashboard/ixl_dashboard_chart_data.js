/** @odoo-module **/

import { _t } from "@web/core/l10n/translation";
import { getColor } from "@web/core/colors/colors";

/**
 * From a dashboard block with a `chart` hint to what Chart.js draws. Pure functions (no
 * Chart.js, no DOM) so they are unit-tested alone.
 *
 * A series is one dataset: the first column of the rows not marked `total`; for "trend"
 * also the last column (a %) as a line on a second axis; for "bar" and "hbar", when the
 * cells carry a `previous` value (year over year), the previous period as a second
 * dataset. Each point keeps its row and the `action` ({model, domain}) it opens: its own
 * cell's, or for a figure without one (a %) the nearest figure on its left that has one
 * (the "% permanent" point opens the permanent placements of that year).
 */

export const CHART_TYPES = ["bar", "doughnut", "hbar", "trend"];

/** The `previous` of a cell as {value, action?}, whether given as a number or a dict. */
export function previousOf(cell) {
    if (!cell || cell.previous === undefined || cell.previous === null) {
        return null;
    }
    return typeof cell.previous === "object" ? cell.previous : { value: cell.previous };
}

function actionNear(row, column) {
    for (let pos = column; pos >= 0; pos--) {
        const action = row.cells[pos] && row.cells[pos].action;
        if (action) {
            return action;
        }
    }
    return null;
}

function point(row, column, previous) {
    const cell = row.cells[column];
    if (previous) {
        const prev = previousOf(cell);
        return { row, value: prev ? prev.value ?? null : null, action: prev && prev.action };
    }
    return { row, value: cell ? cell.value ?? null : null, action: actionNear(row, column) };
}

/** The datasets of a block: [{label, column, line, previous, points: [{row, value, action}]}]. */
export function chartSeries(block) {
    if (!CHART_TYPES.includes(block.chart) || !block.columns.length) {
        return [];
    }
    const rows = block.rows.filter((row) => !row.total);
    const last = block.columns.length - 1;
    const series = [{ label: block.columns[0], column: 0, line: false, previous: false }];
    if (block.chart === "trend" && last > 0) {
        series.push({ label: block.columns[last], column: last, line: true, previous: false });
    } else if (block.chart !== "doughnut" && rows.some((row) => previousOf(row.cells[0]))) {
        series.push({ label: _t("Previous period"), column: 0, line: false, previous: true });
    }
    return series.map((serie) => ({
        ...serie,
        points: rows.map((row) => point(row, serie.column, serie.previous)),
    }));
}

function dataset(block, serie, index, colorScheme) {
    const count = serie.points.length;
    const data = serie.points.map((p) => p.value);
    if (block.chart === "doughnut") {
        const colors = serie.points.map((p, pos) => getColor(pos, colorScheme, count));
        return { label: serie.label, data, backgroundColor: colors };
    }
    const color = getColor(index, colorScheme, "odoo");
    const result = { label: serie.label, data, backgroundColor: color, borderColor: color };
    if (serie.line) {
        Object.assign(result, {
            type: "line", yAxisID: "y1", order: 0, fill: false, tension: 0,
            borderWidth: 2, pointRadius: 5, pointHoverRadius: 7,
        });
    } else if (block.chart === "trend") {
        Object.assign(result, { yAxisID: "y", order: 1 });
    }
    return result;
}

/** Counts: whole numbers on the value axis (no "2.5 placements"). */
const COUNT_AXIS = { beginAtZero: true, ticks: { precision: 0 } };

function scales(block) {
    switch (block.chart) {
        case "doughnut":
            return {};
        case "hbar":
            return { x: COUNT_AXIS, y: { ticks: { autoSkip: false } } };
        case "trend":
            return {
                y: { ...COUNT_AXIS, position: "left" },
                y1: {
                    beginAtZero: true,
                    position: "right",
                    grid: { drawOnChartArea: false },
                    ticks: { callback: (value) => `${value} %` },
                },
            };
        default:
            return { y: COUNT_AXIS };
    }
}

/** Long labels do not fit beside a doughnut: its legend then goes below it. */
export const LEGEND_BESIDE_MAX = 18;

export function legendBelow(block) {
    return block.chart === "doughnut" && block.rows.some(
        (row) => !row.total && String(row.label).length > LEGEND_BESIDE_MAX
    );
}

/** The Chart.js configuration of a block (without the click handler). */
export function chartConfig(block, series, colorScheme = "light") {
    const doughnut = block.chart === "doughnut";
    return {
        type: doughnut ? "doughnut" : "bar",
        data: {
            labels: series.length ? series[0].points.map((p) => p.row.label) : [],
            datasets: series.map((serie, index) => dataset(block, serie, index, colorScheme)),
        },
        options: {
            animation: false,
            maintainAspectRatio: false,
            indexAxis: block.chart === "hbar" ? "y" : "x",
            plugins: {
                legend: {
                    display: doughnut || series.length > 1,
                    labels: { boxWidth: 12 },
                    position: doughnut ? (legendBelow(block) ? "bottom" : "right") : "top",
                },
            },
            scales: scales(block),
        },
    };
}
