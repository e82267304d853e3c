from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.tools import local_today, related_records_action

from .ixl_beneficiary import CONTRACT_TYPES, OFFER_BANDS

MAX_REMINDERS = 2
# The states each action accepts (the buttons' flags use the same tuples): a campaign
# not closed sends invitations and can be closed, a sent one sends reminders.
NOT_CLOSED_STATES = ("draft", "sent")
REMIND_STATES = ("sent",)
OPERATORS = "ixl_beneficiary.group_ixl_operator"


class IxlFollowupCampaign(models.Model):
    """One sending of the follow-up survey to a selection of people out of protocol,
    with personal links, reminders and the monitoring figures.

    The state is written only by the actions (operators): draft -> sent (invitations,
    again for people added later) -> closed (no more invitations or reminders). The
    survey is fixed once invitations are out; a closed campaign keeps its people. The
    figures are counts (read by finance too); the answers are for operators."""

    _name = "ixl.followup.campaign"
    _description = "Follow-up survey campaign"
    _inherit = ["mail.thread", "ixl.workflow.mixin"]
    _order = "date desc, id desc"
    _ixl_locked_fields = ("state",)
    _ixl_action_states = {"is_not_closed": NOT_CLOSED_STATES, "can_remind": REMIND_STATES}

    name = fields.Char(required=True, tracking=True)
    survey_id = fields.Many2one(
        "survey.survey", required=True,
        default=lambda self: self.env.ref("ixl_outreach.survey_followup", raise_if_not_found=False))
    date = fields.Date(default=lambda self: local_today(), required=True)
    user_id = fields.Many2one("res.users", string="Responsible", default=lambda self: self.env.user)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("closed", "Closed")],
        default="draft", required=True, tracking=True, readonly=True, copy=False)
    is_not_closed = fields.Boolean(compute="_compute_ixl_action_flags")
    can_remind = fields.Boolean(compute="_compute_ixl_action_flags")
    auto_reminder = fields.Boolean(
        string="Automatic reminders", default=True,
        help="Each week, remind people who have not answered yet (at most twice).")
    beneficiary_ids = fields.Many2many(
        "ixl.beneficiary", string="People", domain=[("state", "=", "out_of_protocol")])
    answer_ids = fields.One2many("survey.user_input", "ixl_campaign_id", string="Answers",
                                 groups=OPERATORS)
    invited_count = fields.Integer(string="Invited", compute="_compute_figures",
                                   compute_sudo=True)
    answered_count = fields.Integer(string="Answered", compute="_compute_figures",
                                    compute_sudo=True)
    response_rate = fields.Float(string="Response rate (%)", compute="_compute_figures",
                                 digits=(16, 1), compute_sudo=True)
    working_rate = fields.Float(string="Working (%)", compute="_compute_figures", digits=(16, 1),
                                compute_sudo=True,
                                help="Share of the answers saying the person works now.")
    contract_split = fields.Text(string="Contract split", compute="_compute_figures",
                                 compute_sudo=True)
    offers_split = fields.Text(string="Job offers received", compute="_compute_figures",
                               compute_sudo=True)

    @api.depends("answer_ids.state", "answer_ids.ixl_working", "answer_ids.ixl_contract_type",
                 "answer_ids.ixl_offers")
    def _compute_figures(self):
        contracts = dict(CONTRACT_TYPES)
        offers = dict(OFFER_BANDS)
        for campaign in self:
            done = campaign.answer_ids.filtered(lambda a: a.state == "done")
            campaign.invited_count = len(campaign.answer_ids)
            campaign.answered_count = len(done)
            campaign.response_rate = (
                100.0 * len(done) / len(campaign.answer_ids) if campaign.answer_ids else 0.0)
            working = done.filtered(lambda a: a.ixl_working == "yes")
            campaign.working_rate = 100.0 * len(working) / len(done) if done else 0.0
            campaign.contract_split = self._split_text(done, "ixl_contract_type", contracts)
            campaign.offers_split = self._split_text(done, "ixl_offers", offers)

    @api.model
    def _split_text(self, answers, field_name, labels):
        counts = {key: 0 for key in labels}
        for answer in answers:
            if answer[field_name]:
                counts[answer[field_name]] += 1
        return "\n".join(f"{labels[key]}: {count}" for key, count in counts.items())

    def _ixl_frozen_fields(self):
        frozen = set()
        if any(rec.state != "draft" for rec in self):
            frozen.add("survey_id")
        if any(rec.state == "closed" for rec in self):
            frozen |= {"beneficiary_ids", "auto_reminder"}
        return frozen

    def _check_state(self, states, message):
        self.check_access("write")
        if any(rec.state not in states for rec in self):
            raise UserError(message)

    # ------------------------------------------------------------------ sending
    def _get_invite(self):
        self.ensure_one()
        template = self.env.ref("survey.mail_template_user_input_invite")
        return self.env["survey.invite"].create({
            "survey_id": self.survey_id.id, "template_id": template.id})

    def action_send(self):
        """Create one personal answer per person (never shared by email) and mail
        the link; people already invited, without consent or email are skipped."""
        self._check_state(NOT_CLOSED_STATES, self.env._("A closed campaign sends nothing."))
        Answer = self.env["survey.user_input"]._ixl_transition()
        for campaign in self:
            invited = campaign.answer_ids.beneficiary_id
            people = (campaign.beneficiary_ids - invited).filtered(
                lambda b: b.communication_consent and b.email and not b.is_blacklisted)
            if not people and not invited:
                raise UserError(self.env._("Nobody to invite: add people with an email who "
                                           "did not withdraw their consent."))
            invite = campaign._get_invite()
            for person in people:
                answer = campaign.survey_id.with_env(Answer.env)._create_answer(
                    partner=person.partner_id, check_attempts=False,
                    beneficiary_id=person.id, ixl_campaign_id=campaign.id)
                invite._send_mail(answer)
            campaign._ixl_transition().write({"state": "sent"})
            campaign.message_post(body=self.env._("%s invitations sent.", len(people)))
        return True

    def action_remind(self):
        """Send the personal link again to people who have not answered."""
        self._check_state(REMIND_STATES, self.env._("Only a sent campaign sends reminders."))
        for campaign in self:
            campaign._remind(campaign.answer_ids.filtered(lambda a: a.state != "done"))
        return True

    def action_close(self):
        """No more invitations or reminders."""
        self._check_state(NOT_CLOSED_STATES, self.env._("The campaign is already closed."))
        self._ixl_transition().write({"state": "closed"})
        return True

    def action_view_answers(self):
        return related_records_action(self, "survey.user_input", "ixl_campaign_id",
                                      self.env._("Answers"), view_mode="list,pivot,form",
                                      context={})

    @api.model
    def _cron_send_reminders(self):
        for campaign in self.search([("state", "=", "sent"), ("auto_reminder", "=", True)]):
            campaign._remind(campaign.answer_ids.filtered(
                lambda a: a.state != "done" and a.ixl_reminder_count < MAX_REMINDERS))

    def _remind(self, answers):
        self.ensure_one()
        answers = answers.filtered(lambda a: a.beneficiary_id.communication_consent)
        if not answers:
            return
        invite = self._get_invite()
        for answer in answers:
            invite._send_mail(answer)
            answer._ixl_transition().write({"ixl_reminder_count": answer.ixl_reminder_count + 1})
        self.message_post(body=self.env._("%s reminders sent.", len(answers)))
