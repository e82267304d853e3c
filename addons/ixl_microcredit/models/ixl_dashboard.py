from collections import defaultdict

from odoo import api, models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt
from odoo.addons.ixl_beneficiary.models.tools import local_today

from .ixl_selfemployment_project import SE_STATES
from .ixl_social_project import SOCIAL_STATES


class IxlDashboard(models.AbstractModel):
    """Projects (for operators), project funding and the guarantee fund (for finance
    and coordinators) in the programme in numbers."""

    _inherit = "ixl.dashboard"

    @api.model
    def _dashboard_sections(self):
        return super()._dashboard_sections() + [
            {"key": "projects", "kind": "people", "sequence": 70,
             "method": "_dashboard_projects"},
            {"key": "project_funding", "kind": "funds", "sequence": 110,
             "method": "_dashboard_project_funding"},
            {"key": "guarantee_fund", "kind": "funds", "sequence": 120,
             "method": "_dashboard_guarantee_fund"},
        ]

    def _state_block(self, title, model, base, selection):
        counts = dict(self.env[model]._read_group(base, ["state"], ["__count"]))
        total = sum(counts.values())
        labels = self._selection_labels(model, "state")
        return dt.block(title, [self.env._("Projects"), "%"], [
            dt.row(self.env._("Total"), dt.count_cell(total, model, base),
                   dt.pct_cell(dt.percent(total, total))),
            *dt.share_rows([(labels[key], counts.get(key, 0), [("state", "=", key)])
                            for key, _label in selection], total, model, base),
        ])

    def _dashboard_projects(self, period):
        _ = self.env._
        return {"title": _("Projects"), "blocks": [
            self._state_block(_("Self-employment projects proposed in the period, by state"),
                              "ixl.selfemployment.project",
                              period.date_domain("date_proposed"), SE_STATES),
            self._state_block(_("Social-innovation projects evaluated in the period, by "
                                "state"), "ixl.social.project",
                              period.date_domain("evaluation_date"), SOCIAL_STATES),
        ]}

    def _dashboard_project_funding(self, period):
        _ = self.env._
        projects = period.date_domain("evaluation_date") + [("funding_approved", ">", 0)]
        payments = period.date_domain("date")
        approved = self.env["ixl.social.project"]._read_group(
            projects, [], ["funding_approved:sum", "__count"])[0]
        paid = self.env["ixl.social.project.payment"]._read_group(
            payments, [], ["amount:sum", "__count"])[0]
        loans = "ixl.loan"
        approved_loans = period.date_domain("date_approved") + [
            ("selfemployment_project_id", "!=", False)]
        disbursed_loans = period.date_domain("date_disbursed") + [
            ("selfemployment_project_id", "!=", False)]
        loan_approved = self.env[loans]._read_group(
            approved_loans, [], ["amount_approved:sum", "__count"])[0]
        loan_disbursed = self.env[loans]._read_group(
            disbursed_loans, [], ["amount_disbursed:sum", "__count"])[0]
        return {"title": _("Project funding"), "blocks": [
            dt.block(_("Social-innovation projects"), [_("Amount"), _("Records")], [
                dt.row(_("Funding approved (projects evaluated in the period)"),
                       dt.money_cell(approved[0], "ixl.social.project", projects),
                       dt.count_cell(approved[1], "ixl.social.project", projects)),
                dt.row(_("Funding paid in the period"),
                       dt.money_cell(paid[0], "ixl.social.project.payment", payments),
                       dt.count_cell(paid[1], "ixl.social.project.payment", payments)),
            ]),
            dt.block(_("Credito Sociale loans to self-employment projects"),
                     [_("Amount"), _("Loans")], [
                dt.row(_("Approved in the period"),
                       dt.money_cell(loan_approved[0], loans, approved_loans),
                       dt.count_cell(loan_approved[1], loans, approved_loans)),
                dt.row(_("Disbursed in the period"),
                       dt.money_cell(loan_disbursed[0], loans, disbursed_loans),
                       dt.count_cell(loan_disbursed[1], loans, disbursed_loans)),
            ]),
        ]}

    def _dashboard_guarantee_fund(self, period):
        """Each fund as of the end of the period (today for the current period), with
        the movements of the period. Archived funds keep their past figures."""
        _ = self.env._
        Move = self.env["ixl.fund.move"]
        as_of = min(period.date_to, local_today())
        until = [("date", "<=", as_of.isoformat())]
        within = period.date_domain("date")
        moved = defaultdict(float)
        for fund, effect, amount in Move._read_group(
                within, ["fund_id", "effect_type"], ["amount:sum"]):
            moved[fund.id, effect] = amount
        funds = self.env["ixl.guarantee.fund"].union(
            *(fund for fund, in Move._read_group(until, ["fund_id"])))
        position = funds._ledger_figures(as_of)
        blocks = [self._fund_block(fund, position[fund.id], moved, until, within)
                  for fund in funds.sorted("name")]
        return {"title": _("Guarantee fund"), "blocks": blocks}

    def _fund_block(self, fund, figures, moved, until, within):
        _ = self.env._
        model = "ixl.fund.move"
        mine = [("fund_id", "=", fund.id)]

        def effect(name):
            return mine + [("effect_type", "=", name)]

        def in_period(name, sign=1):
            return dt.money_cell(sign * moved.get((fund.id, name), 0.0), model,
                                 within + effect(name))

        return dt.block(fund.name, [_("Amount")], [
            dt.row(_("Ceiling at the end of the period"),
                   dt.money_cell(figures["ceiling"], model, until + effect("ceiling"))),
            dt.row(_("Used at the end of the period (committed + net losses)"),
                   dt.money_cell(figures["used"], model, until + mine)),
            dt.row(_("Free capacity at the end of the period"),
                   dt.money_cell(figures["free_capacity"], model, until + mine)),
            dt.row(_("Utilisation at the end of the period (%)"),
                   dt.pct_cell(dt.round_half_up(figures["used"], figures["ceiling"], 100))),
            dt.row(_("Guarantees committed in the period"), in_period("committed")),
            dt.row(_("Guarantees released in the period"), in_period("released", -1)),
            dt.row(_("Guarantees called (losses) in the period"), in_period("called", -1)),
            dt.row(_("Recovered in the period"), in_period("recovery")),
        ])
