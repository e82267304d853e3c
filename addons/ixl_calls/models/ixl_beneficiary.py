from dateutil.relativedelta import relativedelta

from odoo import fields, models

# Supporting documents of public grants are kept ten years (art. 2220 of the Civil
# Code; audits of the funding bodies): the hired person must stay identifiable.
GRANT_RETENTION_YEARS = 10


class IxlBeneficiary(models.Model):
    """Privacy hooks of the calls: the hires (and their grants) the person is in."""

    _inherit = "ixl.beneficiary"

    def _privacy_hires(self):
        """The hires of the people, verified or only claimed by their fiscal code."""
        codes = [code.upper() for code in self.sudo().mapped("fiscal_code") if code]
        return self.env["ixl.call.hire"].sudo().search(
            ["|", ("beneficiary_id", "in", self.ids), ("fiscal_code", "in", codes)])

    def _privacy_grants(self):
        return self.env["ixl.call.grant"].sudo().search(
            [("hire_id", "in", self._privacy_hires().ids)])

    def _privacy_related_records(self):
        grants = self._privacy_grants()
        return super()._privacy_related_records() + [
            self._privacy_hires(), grants, grants.payment_ids]

    def _privacy_erasure_blockers(self):
        reasons = super()._privacy_erasure_blockers()
        grants = self._privacy_grants()
        limit = fields.Date.context_today(self) - relativedelta(years=GRANT_RETENTION_YEARS)
        open_grants = grants.filtered(lambda g: g.to_pay > 0)
        recent = grants.filtered(lambda g: any(p.date >= limit for p in g.payment_ids))
        if open_grants | recent:
            reasons.append(self.env._(
                "Grants of the calls were paid (or are still to pay) for the person's hire "
                "within the last %(years)s years (%(grants)s): the records of public funding "
                "must be kept for audits.",
                years=GRANT_RETENTION_YEARS,
                grants=", ".join((open_grants | recent).mapped("display_name"))))
        return reasons

    def _privacy_anonymise_related(self):
        res = super()._privacy_anonymise_related()
        self._privacy_grants().write({"note": False})
        return res
