/** @odoo-module **/

import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { formatFloat } from "@web/core/utils/numbers";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { IxlDashboardChart } from "./ixl_dashboard_chart";

/**
 * "Programme in numbers": the sections returned by ixl.dashboard.get_dashboard for a
 * period, as tables of figures (and, for the blocks with a `chart` hint, a chart above the
 * table); each figure drawn from records, and each element of a chart, opens them.
 */
export class IxlDashboard extends Component {
    static template = "ixl_beneficiary.Dashboard";
    static props = { ...standardActionServiceProps };
    static components = { IxlDashboardChart };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        const year = new Date().getFullYear();
        this.state = useState({
            year,
            dateFrom: `${year}-01-01`,
            dateTo: `${year}-12-31`,
            data: null,
            loading: false,
            showCharts: true,
        });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.loading = true;
        try {
            this.state.data = await this.orm.call("ixl.dashboard", "get_dashboard", [
                this.state.dateFrom,
                this.state.dateTo,
            ]);
        } finally {
            this.state.loading = false;
        }
    }

    onYearChange(ev) {
        const year = parseInt(ev.target.value, 10);
        if (!year) {
            return;
        }
        this.state.year = year;
        this.state.dateFrom = `${year}-01-01`;
        this.state.dateTo = `${year}-12-31`;
        this.load();
    }

    onDateChange(field, ev) {
        this.state[field] = ev.target.value;
    }

    apply() {
        if (this.state.dateFrom && this.state.dateTo) {
            this.load();
        }
    }

    formatCell(cell) {
        if (cell.value === null || cell.value === undefined) {
            return "-";
        }
        switch (cell.type) {
            case "pct":
                return `${formatFloat(cell.value, { digits: [false, 1] })} %`;
            case "float":
                return formatFloat(cell.value, { digits: [false, 1] });
            case "money":
                return formatFloat(cell.value, { digits: [false, 2] });
            case "int":
                return formatFloat(cell.value, { digits: [false, 0] });
            default:
                return String(cell.value);
        }
    }

    toggleCharts() {
        this.state.showCharts = !this.state.showCharts;
    }

    openCell(section, block, row, cell) {
        this.openAction(section, block, row, cell.action);
    }

    openAction(section, block, row, action) {
        if (!action) {
            return;
        }
        this.actionService.doAction({
            type: "ir.actions.act_window",
            name: `${section.title} - ${block.title}: ${row.label}`,
            res_model: action.model,
            domain: action.domain,
            views: [
                [false, "list"],
                [false, "form"],
            ],
            target: "current",
        });
    }

    async exportXlsx(fundsOnly = false) {
        const action = await this.orm.call("ixl.dashboard", "action_export_xlsx", [
            this.state.dateFrom,
            this.state.dateTo,
            fundsOnly,
        ]);
        await this.actionService.doAction(action);
    }

    async printYear() {
        const action = await this.orm.call("ixl.dashboard", "action_print_year", [
            this.state.year,
        ]);
        await this.actionService.doAction(action);
    }
}

registry.category("actions").add("ixl_dashboard", IxlDashboard);
