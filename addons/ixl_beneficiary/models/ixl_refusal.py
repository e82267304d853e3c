"""Refusals by the person: of a CV sending to a company, of a job offer, of a proposal.

A dated record on the person's history (a message in the chatter and a list on the
form), with what was refused, the reason's category and a note, and a generic origin
(``res_model``/``res_id``: a candidature of the Board, an offer...). The origin's model
may define ``_ixl_refusal_recorded(refusal)`` to follow up (the wizard calls it).
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from .tools import local_today

COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"

REFUSAL_KINDS = [
    ("cv_sending", "Sending of the CV to a company"),
    ("job_offer", "Job offer"),
    ("proposal", "Other proposal (training, internship...)"),
]
REFUSAL_REASONS = [
    ("contract", "Contract"),
    ("hours", "Hours / shifts"),
    ("distance", "Distance / transport"),
    ("pay", "Pay"),
    ("health", "Health"),
    ("family", "Family / care"),
    ("sector", "Not interested in the sector"),
    ("other", "Other"),
]


def origin_record(env, res_model, res_id):
    """The refused record (None when there is none, empty when it was deleted)."""
    if not res_model or res_model not in env or not res_id:
        return None
    return env[res_model].browse(res_id).exists()


def origin_label(origin):
    """The refused record's name as Odoo shows a many2one (superuser), once the user may
    read it; False otherwise."""
    readable = origin and origin.has_access("read")
    return origin.sudo().display_name if readable else False


class IxlRefusal(models.Model):
    """The person refused something the programme proposed."""

    _name = "ixl.refusal"
    _description = "Refusal by the person"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date desc, id desc"
    # who recorded it is the user who did; whose refusal and of what never changes after
    _ixl_locked_fields = ("user_id",)

    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="cascade",
                                     index=True)
    date = fields.Date(required=True, index=True, default=lambda self: local_today(),
                       help="The day of the refusal (Bologna).")
    kind = fields.Selection(REFUSAL_KINDS, string="What was refused", required=True)
    reason = fields.Selection(REFUSAL_REASONS, required=True)
    note = fields.Text()
    user_id = fields.Many2one("res.users", string="Recorded by", readonly=True,
                              default=lambda self: self.env.user)
    res_model = fields.Char(string="Origin model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Origin", model_field="res_model", readonly=True)
    origin_name = fields.Char(string="Refused", compute="_compute_origin_name")

    def _ixl_frozen_fields(self):
        # operators add to the note; what, when and why (the history's message, the
        # figures) only a coordinator corrects
        frozen = {"beneficiary_id", "res_model", "res_id"}
        if not self.env.user.has_group(COORDINATOR):
            frozen |= {"date", "kind", "reason"}
        return frozen

    @api.depends("kind", "beneficiary_id", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for rec in self:
            rec.display_name = f"{kinds.get(rec.kind, '')} - {rec.beneficiary_id.name or ''}"

    @api.depends("res_model", "res_id")
    def _compute_origin_name(self):
        for rec in self:
            rec.origin_name = origin_label(rec._origin_record())

    @api.constrains("date")
    def _check_date(self):
        today = local_today()
        if any(rec.date > today for rec in self):
            raise ValidationError(self.env._("A refusal cannot be dated in the future."))

    @api.constrains("res_model", "res_id", "beneficiary_id")
    def _check_origin(self):
        for rec in self.filtered("res_model"):
            if rec.res_model not in self.env or not rec.res_id:
                raise ValidationError(self.env._("The origin of the refusal is not valid."))
            origin = rec._origin_record()
            if origin and origin._name == "ixl.beneficiary":
                person = origin
            elif origin and "beneficiary_id" in origin._fields:
                person = origin.sudo().beneficiary_id
            else:
                person = None
            if person != rec.beneficiary_id:
                raise ValidationError(self.env._(
                    "The origin of the refusal is not a record of %(name)s.",
                    name=rec.beneficiary_id.name))

    # ------------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        reasons = dict(self._fields["reason"]._description_selection(self.env))
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for rec in records:
            what = kinds[rec.kind]
            if rec.origin_name:
                what = f"{what} ({rec.origin_name})"
            rec.beneficiary_id.message_post(body=self.env._(
                "Refused: %(what)s on %(date)s. Reason: %(reason)s.",
                what=what, date=format_date(self.env, rec.date), reason=reasons[rec.reason]))
        return records

    # -------------------------------------------------------------------- ACTIONS
    def action_open_origin(self):
        self.ensure_one()
        origin = self._origin_record()
        if not origin:
            return False
        return {"type": "ir.actions.act_window", "res_model": origin._name, "res_id": origin.id,
                "view_mode": "form", "views": [(False, "form")]}

    def _origin_record(self):
        self.ensure_one()
        return origin_record(self.env, self.res_model, self.res_id)
