from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .res_config_settings import DEFAULT_RETENTION_YEARS, RETENTION_PARAM


class IxlPrivacyRetentionRun(models.Model):
    """What one run of the retention job did: people anonymised and people kept
    because a legal obligation applies (with the reasons)."""

    _name = "ixl.privacy.retention.run"
    _description = "Retention run"
    _order = "date desc, id desc"
    _rec_name = "date"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    cutoff = fields.Datetime(string="Out of protocol before", readonly=True)
    retention_years = fields.Integer(readonly=True)
    anonymised_count = fields.Integer(string="Anonymised", readonly=True)
    blocked_count = fields.Integer(string="Kept (legal obligation)", readonly=True)
    anonymised = fields.Text(string="IXL codes anonymised", readonly=True)
    blocked = fields.Text(string="Kept, with the reasons", readonly=True)

    @api.model
    def _cron_retention(self):
        """Daily job: anonymise the people out of protocol for longer than the retention
        period of the settings, except those a legal obligation keeps; report it."""
        years = int(self.env["ir.config_parameter"].sudo().get_param(
            RETENTION_PARAM, DEFAULT_RETENTION_YEARS) or DEFAULT_RETENTION_YEARS)
        cutoff = fields.Datetime.now() - relativedelta(years=years)
        Beneficiary = self.env["ixl.beneficiary"].sudo()
        anonymised, blocked = [], []
        for person in Beneficiary._privacy_retention_candidates(cutoff):
            reasons = person._privacy_erasure_blockers()
            if reasons:
                blocked.append(f"{person.reference}: {' '.join(reasons)}")
                continue
            person._privacy_anonymise(
                origin="retention",
                reason=self.env._("Out of protocol for more than %s years", years))
            anonymised.append(person.reference)
        return self.sudo().create({
            "cutoff": cutoff, "retention_years": years,
            "anonymised_count": len(anonymised), "blocked_count": len(blocked),
            "anonymised": "\n".join(anonymised), "blocked": "\n".join(blocked),
        })
