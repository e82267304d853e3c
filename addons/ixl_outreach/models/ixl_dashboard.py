from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt

from .ixl_beneficiary import CONTRACT_TYPES, OFFER_BANDS, YES_NO


class IxlDashboard(models.AbstractModel):
    """Answers to the follow-up survey of people out of protocol, in the programme in
    numbers (the latest answer of each person, by the date it was given). Archived
    people count too: archiving somebody does not change a past figure."""

    _inherit = "ixl.dashboard"

    @dt.section("followup", dt.PEOPLE, 60)
    def _dashboard_followup(self, period):
        _ = self.env._
        model = "ixl.beneficiary"
        base = period.date_domain("followup_date") + [("active", "in", [True, False])]
        groups = self.env[model]._read_group(
            base, ["followup_working", "followup_contract_type", "followup_offers"],
            ["__count"])
        # _marginals reads the keys by position: working, offers (contract apart)
        groups_wo = [(working, offers, count) for working, _c, offers, count in groups]
        sums = self._marginals(groups_wo, ("followup_working", "followup_offers"))
        total = sum(count for *_keys, count in groups)
        working = sums["followup_working"].get("yes", 0)
        working_base = base + [("followup_working", "=", "yes")]

        def items(field, selection, counts):
            labels = self._selection_labels(model, field)
            rows = [(labels[key], counts.get(key, 0), [(field, "=", key)])
                    for key, _label in selection]
            rows.append((_("No answer"), counts.get(False, 0), [(field, "=", False)]))
            return rows

        working_sums = self._followup_contracts(groups)
        return {"title": _("Out of protocol: follow-up"), "blocks": [
            dt.block(_("Follow-up survey answers"), [_("People"), "%"], [
                dt.row(_("Answers received in the period"), dt.count_cell(total, model, base),
                       dt.pct_cell(dt.percent(total, total))),
                *dt.share_rows(items("followup_working", YES_NO, sums["followup_working"]),
                               total, model, base),
            ]),
            dt.block(_("Working: contract"), [_("People"), "%"], dt.share_rows(
                items("followup_contract_type", CONTRACT_TYPES, working_sums), working, model,
                working_base)),
            dt.block(_("Job offers received"), [_("People"), "%"], dt.share_rows(
                items("followup_offers", OFFER_BANDS, sums["followup_offers"]), total, model,
                base)),
        ]}

    @staticmethod
    def _followup_contracts(groups):
        """Contract of the people working (answer "yes")."""
        counts = {}
        for working, contract, _offers, count in groups:
            if working == "yes":
                counts[contract] = counts.get(contract, 0) + count
        return counts
