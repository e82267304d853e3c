from collections import defaultdict

from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt
from odoo.addons.ixl_beneficiary.models.dashboard_tools import WITH_ARCHIVED

from .ixl_selfemployment_project import SE_STATES
from .ixl_social_project import SOCIAL_STATES


class IxlDashboard(models.AbstractModel):
    """Projects (for operators), project funding and the guarantee fund (for finance
    and coordinators) in the programme in numbers."""

    _inherit = "ixl.dashboard"

    def _state_block(self, title, model, base, selection):
        counts = dict(self.env[model]._read_group(base, ["state"], ["__count"]))
        total = sum(counts.values())
        labels = self._selection_labels(model, "state")
        return dt.block(title, [self.env._("Projects"), "%"], dt.split_rows(
            self.env._("Total"), [(labels[key], counts.get(key, 0), [("state", "=", key)])
                                  for key, _label in selection], total, model, base),
            chart="doughnut")

    @dt.section("projects", dt.PEOPLE, 70)
    def _dashboard_projects(self, period):
        _ = self.env._
        return {"title": _("Projects"), "blocks": [
            self._selfemployment_proposals(period),
            self._state_block(_("Self-employment projects proposed in the period, by state"),
                              "ixl.selfemployment.project",
                              period.date_domain("date_proposed"), SE_STATES),
            self._committee_decisions(period),
            self._state_block(_("Social-innovation projects evaluated in the period, by "
                                "state"), "ixl.social.project",
                              period.date_domain("evaluation_date"), SOCIAL_STATES),
        ]}

    def _selfemployment_proposals(self, period):
        """Projects proposed in the period and the people behind them (each once)."""
        _ = self.env._
        model = "ixl.selfemployment.project"
        base = period.date_domain("date_proposed")
        count, people = self.env[model]._read_group(
            base, [], ["__count", "beneficiary_id:count_distinct"])[0]
        return dt.block(_("Self-employment proposals"), [_("Value")], [
            dt.row(_("Projects proposed in the period"), dt.count_cell(count, model, base)),
            dt.row(_("People proposing them"), dt.count_cell(
                people, "ixl.beneficiary",
                WITH_ARCHIVED + [("selfemployment_project_ids", "any", base)])),
        ])

    def _committee_decisions(self, period):
        """The evaluation committee's decisions taken in the period (on the evaluation
        date, which the decision freezes), whatever the project became afterwards."""
        _ = self.env._
        model = "ixl.social.project"
        base = period.date_domain("evaluation_date") + [("decision", "!=", False)]
        counts = dict(self.env[model]._read_group(base, ["decision"], ["__count"]))
        total = sum(counts.values())
        return dt.block(_("Social-innovation projects: committee decisions in the period"),
                        [_("Projects"), "%"], dt.split_rows(_("Evaluated (decided)"), [
            (_("Selected"), counts.get("selected", 0), [("decision", "=", "selected")]),
            (_("Rejected"), counts.get("rejected", 0), [("decision", "=", "rejected")]),
        ], total, model, base), chart="doughnut")

    def _loan_sums(self, domain):
        """(amount, count) of the Credito Sociale loans of ``domain``."""
        return self.env["ixl.loan"]._read_group(domain, [], ["amount_disbursed:sum",
                                                             "__count"])[0]

    def _loan_block(self, title, project_field, period):
        """Approved and disbursed in the period, loans to the projects of ``project_field``."""
        _ = self.env._
        loans = "ixl.loan"
        linked = [(project_field, "!=", False)]
        approved = period.date_domain("date_approved") + linked
        disbursed = period.date_domain("date_disbursed") + linked
        approved_sums = self.env[loans]._read_group(
            approved, [], ["amount_approved:sum", "__count"])[0]
        disbursed_sums = self._loan_sums(disbursed)
        return dt.block(title, [_("Amount"), _("Loans")], [
            dt.row(_("Approved in the period"),
                   dt.money_cell(approved_sums[0], loans, approved),
                   dt.count_cell(approved_sums[1], loans, approved)),
            dt.row(_("Disbursed in the period"),
                   dt.money_cell(disbursed_sums[0], loans, disbursed),
                   dt.count_cell(disbursed_sums[1], loans, disbursed)),
        ])

    def _loans_disbursed(self, period):
        """Every loan disbursed in the period, by what it finances (a loan of both kinds
        of project counts with the self-employment projects)."""
        _ = self.env._
        loans = "ixl.loan"
        base = period.date_domain("date_disbursed")
        no_se = [("selfemployment_project_id", "=", False)]
        parts = [
            (_("Self-employment projects"), [("selfemployment_project_id", "!=", False)]),
            (_("Social-innovation projects"), no_se + [("social_project_id", "!=", False)]),
            (_("Other loans"), no_se + [("social_project_id", "=", False)]),
        ]
        sums = [self._loan_sums(base + extra) for _label, extra in parts]
        rows = [dt.row(_("Total"),
                       dt.money_cell(sum(amount for amount, _c in sums), loans, base),
                       dt.count_cell(sum(count for _a, count in sums), loans, base),
                       total=True)]
        rows += [dt.row(label, dt.money_cell(amount, loans, base + extra),
                        dt.count_cell(count, loans, base + extra))
                 for (label, extra), (amount, count) in zip(parts, sums, strict=True)]
        return dt.block(_("Credito Sociale loans disbursed in the period"),
                        [_("Amount"), _("Loans")], rows, chart="doughnut")

    @dt.section("project_funding", dt.FUNDS, 110)
    def _dashboard_project_funding(self, period):
        _ = self.env._
        projects = period.date_domain("evaluation_date") + [("funding_approved", ">", 0)]
        payments = period.date_domain("date")
        approved = self.env["ixl.social.project"]._read_group(
            projects, [], ["funding_approved:sum", "__count"])[0]
        paid = self.env["ixl.social.project.payment"]._read_group(
            payments, [], ["amount:sum", "__count"])[0]
        return {"title": _("Project funding"), "blocks": [
            dt.block(_("Social-innovation projects"), [_("Amount"), _("Records")], [
                dt.row(_("Funding approved (projects evaluated in the period)"),
                       dt.money_cell(approved[0], "ixl.social.project", projects),
                       dt.count_cell(approved[1], "ixl.social.project", projects)),
                dt.row(_("Funding paid in the period"),
                       dt.money_cell(paid[0], "ixl.social.project.payment", payments),
                       dt.count_cell(paid[1], "ixl.social.project.payment", payments)),
            ]),
            self._loan_block(_("Credito Sociale loans to self-employment projects"),
                             "selfemployment_project_id", period),
            self._loan_block(_("Credito Sociale loans to social-innovation projects"),
                             "social_project_id", period),
            self._loans_disbursed(period),
        ]}

    @dt.section("guarantee_fund", dt.FUNDS, 120)
    def _dashboard_guarantee_fund(self, period):
        """Each fund as of the end of the period (today for the current period), with
        the movements of the period. Archived funds keep their past figures."""
        _ = self.env._
        Move = self.env["ixl.fund.move"]
        as_of = period.last_day_so_far()
        until = [("date", "<=", as_of.isoformat())]
        within = period.date_domain("date")
        moved = defaultdict(float)
        for fund, effect, amount in Move._read_group(
                within, ["fund_id", "effect_type"], ["amount:sum"]):
            moved[fund.id, effect] = amount
        # The same queries whatever the period holds (none, one or every fund): all the
        # funds with their currency, then the ledger's sums up to the end of the period.
        every_fund = self.env["ixl.guarantee.fund"].with_context(active_test=False).search_fetch(
            [], ["name", "currency_id"], order="name")
        every_fund.currency_id.fetch(["rounding"])
        sums = defaultdict(float)
        for fund, effect, amount in Move._read_group(
                until, ["fund_id", "effect_type"], ["amount:sum"]):
            sums[fund.id, effect] = amount
        with_moves = {fund_id for fund_id, _effect in sums}
        funds = every_fund.filtered(lambda fund: fund.id in with_moves)
        blocks = [self._fund_block(fund, fund._figures_from_sums(sums), moved, until, within)
                  for fund in funds]
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
            dt.row(_("Guarantees committed at the end of the period"),
                   dt.money_cell(figures["committed"], model, until + mine + [
                       ("effect_type", "in", ("committed", "released", "called"))])),
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
