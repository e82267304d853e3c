/** @odoo-module **/
/* global Chart */

import { Component, onWillStart, onWillUnmount, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { cookie } from "@web/core/browser/cookie";
import { chartConfig, chartSeries, legendBelow } from "./ixl_dashboard_chart_data";

/**
 * One dashboard block drawn as its `chart` hint says, with the Chart.js that Odoo's graph
 * view loads (bundle web.chartjs_lib). A click on a bar, a slice or a point calls
 * `onOpen(row, action)` with the records behind it, as the table's figures do.
 */
export class IxlDashboardChart extends Component {
    static template = "ixl_beneficiary.DashboardChart";
    static props = { block: Object, onOpen: Function };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        this.series = [];
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => this.renderChart(),
            () => [this.props.block]
        );
        onWillUnmount(() => this.destroyChart());
    }

    get height() {
        const block = this.props.block;
        const rows = block.rows.filter((row) => !row.total).length;
        let rem = 14;
        if (block.chart === "hbar") {
            rem = Math.max(14, rows * 1.8 + 3);
        } else if (legendBelow(block)) {
            rem = 14 + rows * 1.3; // one legend line per slice under the doughnut
        }
        return `height: ${rem}rem;`;
    }

    destroyChart() {
        if (this.chart) {
            this.chart.destroy();
            this.chart = null;
        }
    }

    renderChart() {
        this.destroyChart();
        this.series = chartSeries(this.props.block);
        const config = chartConfig(this.props.block, this.series, cookie.get("color_scheme"));
        config.options.onClick = (ev, elements) => this.onChartClick(elements);
        config.options.onHover = (ev, elements) => {
            const target = ev.native && ev.native.target;
            if (target) {
                target.style.cursor = this.pointsAt(elements).length ? "pointer" : "default";
            }
        };
        this.chart = new Chart(this.canvasRef.el, config);
    }

    pointsAt(elements) {
        return elements
            .map(({ datasetIndex, index }) => this.series[datasetIndex]?.points[index])
            .filter((point) => point && point.action);
    }

    onChartClick(elements) {
        const [point] = this.pointsAt(elements);
        if (point) {
            this.props.onOpen(point.row, point.action);
        }
    }
}
