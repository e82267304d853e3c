from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ixl_training_agreement import INDICATORS

SNAPSHOT_FIELDS = ["total_cost", "risk_share", "indicator", "target_value",
                   "indicator_value"]
STATES = [("draft", "Draft"), ("confirmed", "Confirmed"), ("reversed", "Reversed")]


class IxlTrainingSettlement(models.Model):
    """Risk-sharing settlement of a course edition with its training provider.

    With C the total cost of the edition, s the risk share of the agreement (%), I the
    value of the agreement indicator and T its target:

    * guaranteed to the provider = C x (100 - s) / 100
    * at risk = C x s / 100
    * earned from the at-risk part = at risk x min(I / T, 1) (proportional, capped at
      100%)
    * retained by IXL = at risk - earned
    * due to the provider = guaranteed + earned

    The figures are taken from the edition while the settlement is a draft. Once a
    coordinator confirms it, it is locked: it can be neither edited nor deleted.
    Changing it means reversing it: a reversal settlement with the opposite amounts
    points to the original, and a new draft is opened.
    """

    _name = "ixl.training.settlement"
    _description = "Risk-sharing settlement"
    _inherit = ["mail.thread"]
    _order = "edition_id, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    edition_id = fields.Many2one("ixl.course.edition", required=True,
                                 ondelete="restrict", index=True)
    provider_id = fields.Many2one(related="edition_id.provider_id", store=True,
                                  string="Training provider")
    state = fields.Selection(STATES, default="draft", required=True, readonly=True,
                             copy=False, tracking=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    currency_id = fields.Many2one(related="edition_id.currency_id")
    total_cost = fields.Monetary(readonly=True)
    risk_share = fields.Float(string="Risk share (%)", readonly=True)
    indicator = fields.Selection(INDICATORS, readonly=True)
    target_value = fields.Float(string="Target (%)", readonly=True)
    indicator_value = fields.Float(string="Indicator value (%)", digits=(16, 1),
                                   readonly=True)
    achievement = fields.Float(string="Achievement (%)", digits=(16, 1),
                               compute="_compute_amounts", store=True,
                               help="min(indicator / target, 1), as a percentage.")
    amount_guaranteed = fields.Monetary(string="Guaranteed to the provider",
                                        compute="_compute_amounts", store=True)
    amount_at_risk = fields.Monetary(string="At risk", compute="_compute_amounts", store=True)
    amount_earned = fields.Monetary(string="Earned from the at-risk part",
                                    compute="_compute_amounts", store=True)
    amount_retained = fields.Monetary(string="Retained by IXL", compute="_compute_amounts",
                                      store=True)
    amount_due = fields.Monetary(string="Due to the provider", compute="_compute_amounts",
                                 store=True)
    is_reversal = fields.Boolean(readonly=True, copy=False)
    reversed_settlement_id = fields.Many2one(
        "ixl.training.settlement", string="Reverses", readonly=True, copy=False,
        ondelete="restrict", help="The confirmed settlement this reversal cancels.")
    reversal_id = fields.Many2one("ixl.training.settlement", string="Reversed by",
                                  readonly=True, copy=False, ondelete="restrict")
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_on = fields.Datetime(readonly=True, copy=False)
    note = fields.Text()

    @api.depends("edition_id.name", "is_reversal")
    def _compute_name(self):
        for rec in self:
            prefix = self.env._("Reversal") if rec.is_reversal else self.env._("Settlement")
            rec.name = f"{prefix} {rec.edition_id.name or ''}".strip()

    @api.depends("total_cost", "risk_share", "target_value", "indicator_value")
    def _compute_amounts(self):
        for rec in self:
            cur = rec.currency_id or self.env.ref("base.EUR")
            ratio = min(rec.indicator_value / rec.target_value, 1.0) if rec.target_value else 1.0
            ratio = max(ratio, 0.0)
            at_risk = cur.round(rec.total_cost * rec.risk_share / 100)
            earned = cur.round(at_risk * ratio)
            rec.achievement = round(ratio * 100, 1)
            rec.amount_at_risk = at_risk
            rec.amount_guaranteed = rec.total_cost - at_risk
            rec.amount_earned = earned
            rec.amount_retained = at_risk - earned
            rec.amount_due = rec.total_cost - at_risk + earned

    @api.model
    def _snapshot_values(self, edition):
        agreement = edition.agreement_id
        if not agreement:
            raise UserError(self.env._(
                "%(edition)s has no agreement with its provider: the settlement needs "
                "the risk share, the indicator and the target.", edition=edition.name))
        return {
            "total_cost": edition.total_cost,
            "risk_share": agreement.risk_share,
            "indicator": agreement.indicator,
            "target_value": agreement.target_value,
            "indicator_value": edition.indicator_value(agreement.indicator),
        }

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("edition_id") and not vals.get("is_reversal"):
                edition = self.env["ixl.course.edition"].browse(vals["edition_id"])
                vals.update(self._snapshot_values(edition))
        return super().create(vals_list)

    def write(self, vals):
        # The only change of a locked settlement: marking it reversed by its reversal.
        reversing = set(vals) == {"state", "reversal_id"} and vals["state"] == "reversed"
        if not reversing and self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._(
                "A confirmed settlement is locked: reverse it to change it."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._(
                "A confirmed settlement is locked and cannot be deleted."))

    @api.constrains("edition_id", "state", "is_reversal")
    def _check_one_open(self):
        for rec in self.filtered(lambda r: not r.is_reversal and r.state != "reversed"):
            if self.search_count([("edition_id", "=", rec.edition_id.id), ("id", "!=", rec.id),
                                  ("is_reversal", "=", False), ("state", "!=", "reversed")]):
                raise ValidationError(self.env._(
                    "%(edition)s already has a settlement: reverse it to settle again.",
                    edition=rec.edition_id.name))

    def _check_coordinator(self):
        if not self.env.user.has_group("ixl_beneficiary.group_ixl_coordinator"):
            raise AccessError(self.env._("Only a coordinator can confirm or reverse a "
                                         "settlement."))

    def action_refresh(self):
        """Take the figures again from the edition (drafts only)."""
        for rec in self:
            rec.write(self._snapshot_values(rec.edition_id))

    def action_confirm(self):
        self._check_coordinator()
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only a draft settlement can be confirmed."))
        self.write({"state": "confirmed", "confirmed_by_id": self.env.user.id,
                    "confirmed_on": fields.Datetime.now()})

    def action_reverse(self):
        """Reverse a confirmed settlement and open a new draft; returns the draft."""
        self.ensure_one()
        self._check_coordinator()
        if self.state != "confirmed" or self.is_reversal:
            raise UserError(self.env._("Only a confirmed settlement can be reversed."))
        values = {name: self[name] for name in SNAPSHOT_FIELDS}
        values["total_cost"] = -self.total_cost
        reversal = self.create({
            **values, "edition_id": self.edition_id.id, "is_reversal": True,
            "reversed_settlement_id": self.id, "state": "confirmed",
            "confirmed_by_id": self.env.user.id, "confirmed_on": fields.Datetime.now(),
        })
        self.write({"state": "reversed", "reversal_id": reversal.id})
        return self.create({"edition_id": self.edition_id.id})

    def action_reverse_and_open(self):
        draft = self.action_reverse()
        return {"type": "ir.actions.act_window", "res_model": self._name,
                "res_id": draft.id, "view_mode": "form"}
