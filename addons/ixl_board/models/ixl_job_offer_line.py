from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.tools import local_today, require_group, wizard_action

from .board_tools import OPERATOR
from .ixl_job_offer import ANSWERS


class IxlJobOfferLine(models.Model):
    """One sending of a job offer to one person, and the person's answer."""

    _name = "ixl.job.offer.line"
    _description = "Job offer sent to a person"
    _inherit = ["mail.thread", "ixl.workflow.mixin"]
    _order = "date_sent desc, id desc"
    _rec_names_search = ["beneficiary_id", "offer_id"]
    # a sending is a fact: to whom, which offer, by whom and when are written by it only
    _ixl_locked_fields = ("offer_id", "beneficiary_id", "user_id", "date_sent", "service_id",
                          "answer", "answer_date", "placement_id", "match_score")

    offer_id = fields.Many2one("ixl.job.offer", string="Job offer", required=True,
                               ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one("ixl.beneficiary", string="Person", required=True,
                                     ondelete="restrict", index=True)
    employer_label = fields.Char(related="offer_id.employer_label", string="Employer")
    # required and written by the sending only: no line without a real sending
    date_sent = fields.Date(string="Sent on", required=True, readonly=True, copy=False,
                            index=True)
    user_id = fields.Many2one("res.users", string="Sent by", readonly=True,
                              default=lambda self: self.env.user)
    match_score = fields.Integer(string="Score", readonly=True, copy=False,
                                 help="The matching score when the offer was sent.")
    service_id = fields.Many2one("ixl.service", readonly=True, copy=False,
                                 ondelete="set null")
    answer = fields.Selection(ANSWERS, default="none", required=True, readonly=True,
                              tracking=True, index=True, copy=False)
    answer_date = fields.Date(string="Answered on", readonly=True, copy=False, tracking=True)
    placement_id = fields.Many2one("ixl.placement", readonly=True,
                                   copy=False, ondelete="restrict", tracking=True)

    _sql_constraints = [
        ("line_unique", "unique(offer_id, beneficiary_id)",
         "The offer was already sent to this person."),
    ]

    @api.depends("offer_id", "beneficiary_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.offer_id.name or ''} - {line.beneficiary_id.name or ''}"

    # ------------------------------------------------------------------ actions
    def action_open_answer(self):
        self.ensure_one()
        require_group(self, OPERATOR)
        return wizard_action(self.env._("Answer of %s", self.beneficiary_id.name),
                             "ixl.job.offer.answer", line_id=self.id)

    def _record_answer(self, answer, date, placement=None):
        """Record the person's answer on its date; "hired" needs the person's placement."""
        self.ensure_one()
        require_group(self, OPERATOR)
        if answer not in dict(ANSWERS) or answer == "none":
            raise UserError(self.env._("Choose the answer of the person."))
        self._check_answer_date(date)
        placement = placement if answer == "hired" else self.env["ixl.placement"]
        if answer == "hired" and (not placement or placement.beneficiary_id
                                  != self.beneficiary_id):
            raise UserError(self.env._(
                "A hire through the offer is linked to a placement of %s: pick it or create "
                "it.", self.beneficiary_id.name))
        self._ixl_transition().write(
            {"answer": answer, "answer_date": date, "placement_id": placement.id})
        return True

    def _check_answer_date(self, date):
        self.ensure_one()
        if not date or date > local_today():
            raise UserError(self.env._("The date of the answer cannot be in the future."))
        if self.date_sent and date < self.date_sent:
            raise UserError(self.env._(
                "The answer cannot come before the offer was sent (%s).", self.date_sent))

    # ------------------------------------------------------------------ refusals
    def _refusal_wizard(self, date):
        """"Not interested" is a refusal of the offer: the wizard asking the reason
        (ixl.refusal.record) records it on the person's history, then the answer."""
        self.ensure_one()
        return wizard_action(
            self.env._("Refusal of %s", self.beneficiary_id.name), "ixl.refusal.record",
            beneficiary_id=self.beneficiary_id.id, date=date, kind="job_offer",
            res_model=self._name, res_id=self.id)

    def _ixl_refusal_recorded(self, refusal):
        """The refusal wizard's follow-up: the answer "not interested" on its date."""
        self._record_answer("not_interested", refusal.date)
