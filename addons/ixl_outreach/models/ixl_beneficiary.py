from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES as PLACEMENT_CONTRACTS

AGE_BANDS = [
    ("lt30", "Under 30"),
    ("30_39", "30-39"),
    ("40_49", "40-49"),
    ("50_plus", "50 and over"),
]
# Lower and upper bound (excluded) in years of each age band.
AGE_BOUNDS = {"lt30": (0, 30), "30_39": (30, 40), "40_49": (40, 50), "50_plus": (50, None)}
YES_NO = [("yes", "Yes"), ("no", "No")]
# The follow-up survey asks for the contracts of the placements, or another one.
CONTRACT_TYPES = [*PLACEMENT_CONTRACTS, ("other", "Other")]
OFFER_BANDS = [("0", "0"), ("1", "1"), ("2", "2"), ("3+", "3 or more")]
# Copied from the person's latest follow-up answer: written only by the answer.
FOLLOWUP_FIELDS = {"followup_date", "followup_working", "followup_contract_type",
                   "followup_offers", "followup_comment"}


class IxlBeneficiary(models.Model):
    """Outreach on beneficiaries: mass mailings (the model is mailable through its
    partner), consent to communications and the follow-up survey answers (copied from
    the answers only; the free-text comment is for operators)."""

    _name = "ixl.beneficiary"
    _inherit = ["ixl.beneficiary", "ixl.workflow.mixin"]
    _mailing_enabled = True

    communication_consent = fields.Boolean(
        string="Communications consent", default=True, tracking=True, copy=False,
        help="Unticked when the person withdrew the consent to receive communications: "
        "mass mailings and surveys skip them.",
    )
    consent_withdrawn_date = fields.Date(
        string="Consent withdrawn on", tracking=True, copy=False)
    age_band = fields.Selection(
        AGE_BANDS, compute="_compute_age_band", search="_search_age_band")
    followup_answer_ids = fields.One2many(
        "survey.user_input", "beneficiary_id", string="Follow-up answers",
        groups="ixl_beneficiary.group_ixl_operator")
    followup_date = fields.Date(string="Last follow-up answer", readonly=True, copy=False)
    followup_working = fields.Selection(
        YES_NO, string="Working (follow-up)", readonly=True, copy=False)
    followup_contract_type = fields.Selection(
        CONTRACT_TYPES, string="Contract type (follow-up)", readonly=True, copy=False)
    followup_offers = fields.Selection(
        OFFER_BANDS, string="Job offers received (follow-up)", readonly=True, copy=False)
    followup_comment = fields.Text(string="Follow-up comment", readonly=True, copy=False,
                                   groups="ixl_beneficiary.group_ixl_operator")

    # ------------------------------------------------------------------ age bands
    @api.depends("birthdate_date")
    @api.depends_context("date")
    def _compute_age_band(self):
        today = fields.Date.context_today(self)
        for rec in self:
            age = rec._age_at(today)
            rec.age_band = age is not None and next(
                (band for band, (low, high) in AGE_BOUNDS.items()
                 if age >= low and (high is None or age < high)), False)

    def _search_age_band(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the age band."))
        bands = [value] if isinstance(value, str) else list(value or [])
        today = fields.Date.context_today(self)
        domains = []
        for band in bands:
            low, high = AGE_BOUNDS.get(band, (0, 0))
            band_domain = [("birthdate_date", "<=", today - relativedelta(years=low))]
            if high is not None:
                band_domain.append(("birthdate_date", ">", today - relativedelta(years=high)))
            domains.append(band_domain)
        domain = expression.OR(domains) if domains else expression.FALSE_DOMAIN
        if operator in ("!=", "not in"):
            return expression.OR([[("birthdate_date", "=", False)],
                                  expression.distribute_not(["!", *domain])])
        return domain

    # ------------------------------------------------------------ follow-up lock
    @api.model_create_multi
    def create(self, vals_list):
        if not self._ixl_in_transition():
            for vals in vals_list:
                given = {name for name in FOLLOWUP_FIELDS if vals.get(name)}
                if given:
                    self._ixl_refuse_locked(given)
        return super().create(vals_list)

    def _ixl_frozen_fields(self):
        """The follow-up answers (besides what ixl_beneficiary locks itself)."""
        return super()._ixl_frozen_fields() | FOLLOWUP_FIELDS

    # -------------------------------------------------------------------- consent
    def write(self, vals):
        if vals.get("communication_consent") is False and "consent_withdrawn_date" not in vals:
            vals["consent_withdrawn_date"] = fields.Date.context_today(self)
        elif vals.get("communication_consent") is True:
            vals.setdefault("consent_withdrawn_date", False)
        return super().write(vals)

    # ------------------------------------------------------------- mass mailing
    @api.model
    def _mailing_get_default_domain(self, mailing):
        """Only people who did not withdraw their consent (blacklisted emails are
        added by mass_mailing itself, through the partner's is_blacklisted)."""
        return [("communication_consent", "=", True)]

    @api.model
    def _mailing_get_opt_out_list(self, mailing):
        """Emails opted out of the mailing lists the mailing is tagged with."""
        if not mailing.contact_list_ids:
            return set()
        subscriptions = self.env["mailing.subscription"].sudo().search([
            ("list_id", "in", mailing.contact_list_ids.ids), ("opt_out", "=", True)])
        return set(subscriptions.contact_id.mapped("email_normalized")) - {False}

    def action_ixl_mailing_selected(self):
        """Open a new mailing addressed to the selected beneficiaries."""
        if not self:
            raise UserError(self.env._("Select the beneficiaries to write to."))
        mailing = self.env["mailing.mailing"].create({
            "subject": self.env._("Insieme per il lavoro"),
            "mailing_type": "mail",
            "mailing_model_id": self.env["ir.model"]._get_id("ixl.beneficiary"),
            "mailing_domain": repr([("id", "in", self.ids), ("communication_consent", "=", True)]),
        })
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mailing"),
            "res_model": "mailing.mailing",
            "res_id": mailing.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_ixl_followup_campaign(self):
        """Open a new follow-up campaign for the selected people out of protocol."""
        people = self.filtered(lambda b: b.state == "out_of_protocol")
        if not people:
            raise UserError(self.env._("Select people out of protocol."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-up campaign"),
            "res_model": "ixl.followup.campaign",
            "view_mode": "form",
            "target": "current",
            "context": {"default_beneficiary_ids": people.ids},
        }

    # ---------------------------------------------------------------- privacy hooks
    @api.model
    def _privacy_consent_fields(self):
        return {**super()._privacy_consent_fields(), "communications": "communication_consent"}

    def _privacy_outreach_records(self):
        """Survey answers, mailing traces and event registrations of the people."""
        return (
            self.env["survey.user_input"].sudo().search([("beneficiary_id", "in", self.ids)]),
            self.env["mailing.trace"].sudo().search(
                [("model", "=", self._name), ("res_id", "in", self.ids)]),
            self.env["event.registration"].sudo().with_context(active_test=False).search(
                [("beneficiary_id", "in", self.ids)]),
        )

    def _privacy_related_records(self):
        answers, traces, registrations = self._privacy_outreach_records()
        return super()._privacy_related_records() + [
            answers, answers.user_input_line_ids, traces, registrations]

    def _privacy_anonymise_related(self):
        res = super()._privacy_anonymise_related()
        answers, traces, registrations = self._privacy_outreach_records()
        answers.write({"email": False, "nickname": False, "ixl_comment": False})
        answers.user_input_line_ids.filtered(
            lambda line: line.answer_type in ("char_box", "text_box")).write(
            {"value_char_box": False, "value_text_box": False})
        traces.write({"email": False})
        for registration in registrations:
            registration.write({
                "name": self.env._("Anonymised %s", registration.beneficiary_id.reference),
                "email": False, "phone": False})
        self.sudo().write({"followup_comment": False})
        return res
