from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES, PLACEMENT_TYPES
from odoo.addons.ixl_beneficiary.models.tools import local_today

from ..models.ixl_job_offer import ANSWERS


class IxlJobOfferSend(models.TransientModel):
    """Send a job offer by email to the people staff picked, in one go."""

    _name = "ixl.job.offer.send"
    _description = "Send a job offer"

    offer_id = fields.Many2one("ixl.job.offer", required=True, ondelete="cascade")
    beneficiary_ids = fields.Many2many(
        "ixl.beneficiary", string="People", domain=[("is_admitted", "=", True)])
    blocked_note = fields.Text(string="Not emailed", compute="_compute_blocked_note")

    @api.depends("beneficiary_ids", "offer_id")
    def _compute_blocked_note(self):
        for wizard in self:
            people = wizard.beneficiary_ids - wizard.offer_id.line_ids.beneficiary_id
            blocked = people._origin._ixl_offer_mail_blockers()
            wizard.blocked_note = "\n".join(
                f"{person.name}: {why}" for person, why in blocked.items()) or False

    def action_confirm(self):
        self.ensure_one()
        if not self.beneficiary_ids:
            raise UserError(self.env._("Pick the people to send the offer to."))
        lines, skipped = self.offer_id._send_to(self.beneficiary_ids)
        message = self.offer_id._sending_summary(lines, skipped)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Job offer sent"),
                "message": message,
                "type": "warning" if skipped else "success",
                "sticky": bool(skipped),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }


class IxlJobOfferAnswer(models.TransientModel):
    """Record a person's answer to an offer; "hired" links a placement (picked or new)."""

    _name = "ixl.job.offer.answer"
    _description = "Answer to a job offer"

    line_id = fields.Many2one("ixl.job.offer.line", required=True, ondelete="cascade")
    beneficiary_id = fields.Many2one(related="line_id.beneficiary_id")
    answer = fields.Selection([a for a in ANSWERS if a[0] != "none"], required=True,
                              default="interested")
    answer_date = fields.Date(string="Date of the answer", required=True,
                              default=lambda self: local_today())
    placement_mode = fields.Selection(
        [("existing", "Pick a recorded placement"), ("new", "Record the placement now")],
        string="Placement", default="new")
    placement_id = fields.Many2one(
        "ixl.placement", string="Recorded placement",
        domain="[('beneficiary_id', '=', beneficiary_id)]")
    employer_id = fields.Many2one(
        "res.partner", domain=[("is_company", "=", True)],
        default=lambda self: self._default_offer().employer_id)
    placement_type = fields.Selection(
        PLACEMENT_TYPES, string="Type", default=lambda self: self._default_offer().placement_type)
    contract_type = fields.Selection(
        CONTRACT_TYPES, string="Contract",
        default=lambda self: self._default_offer().contract_type)
    date_start = fields.Date(string="Start date")
    weekly_hours = fields.Float(default=lambda self: self._default_offer().weekly_hours)

    def _default_offer(self):
        return self.env["ixl.job.offer.line"].browse(
            self.env.context.get("default_line_id")).exists().offer_id

    def action_confirm(self):
        self.ensure_one()
        line = self.line_id
        line.check_access("write")
        if self.answer == "not_interested":
            line._check_answer_date(self.answer_date)
            return line._refusal_wizard(self.answer_date)
        placement = self.env["ixl.placement"]
        if self.answer == "hired":
            placement = self.placement_id if self.placement_mode == "existing" else (
                self._create_placement())
        line._record_answer(self.answer, self.answer_date, placement)
        return {"type": "ir.actions.act_window_close"}

    def _create_placement(self):
        if not self.employer_id or not self.date_start:
            raise UserError(self.env._(
                "To record the placement, give the employer (a company registered in the "
                "Board) and the start date."))
        offer = self.line_id.offer_id
        return self.env["ixl.placement"].create({
            "beneficiary_id": self.line_id.beneficiary_id.id,
            "employer_id": self.employer_id.id,
            "placement_type": self.placement_type or "hire",
            "contract_type": self.contract_type if self.placement_type == "hire" else False,
            "job_title": offer.name,
            "date_start": self.date_start,
            "weekly_hours": self.weekly_hours,
        })
