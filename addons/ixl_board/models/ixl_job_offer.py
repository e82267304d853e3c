from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES, PLACEMENT_TYPES
from odoo.addons.ixl_beneficiary.models.tools import (
    local_today,
    related_records_action,
    require_group,
    wizard_action,
)

from .board_tools import OPERATOR

OFFER_STATES = [("open", "Open"), ("closed", "Closed")]
ANSWERS = [
    ("none", "No answer yet"),
    ("interested", "Interested"),
    ("applied", "Applied"),
    ("hired", "Hired"),
    ("not_interested", "Not interested"),
]


class IxlJobOffer(models.Model):
    """A job offer found online (search engines, job sites) that staff signal to the
    people it fits, by skills, job interests and territory."""

    _name = "ixl.job.offer"
    _description = "Job offer found online"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin", "ixl.match.target"]
    _order = "state desc, deadline, id desc"
    _ixl_locked_fields = ("state",)
    _ixl_action_states = {"is_open": ("open",), "is_closed": ("closed",)}

    name = fields.Char(string="Title", required=True, tracking=True)
    employer_id = fields.Many2one(
        "res.partner", index=True, tracking=True, ondelete="restrict",
        domain=[("is_company", "=", True)],
        help="The company, when it is known to IXL; otherwise write its name below.")
    employer_name = fields.Char(
        string="Employer (as published)",
        help="The employer or agency named by the offer, when it is not a known company.")
    employer_label = fields.Char(string="Employer name", compute="_compute_employer_label")
    url = fields.Char(string="Link", required=True, tracking=True,
                      help="The address of the offer on the web (http or https).")
    source = fields.Char(string="Found on", help="The search engine or site, e.g. Indeed.")
    description = fields.Html()
    skill_ids = fields.One2many("ixl.job.offer.skill", "offer_id", string="Required skills",
                                copy=True)
    job_area_id = fields.Many2one("ixl.job.area", string="Job area", tracking=True)
    municipality_id = fields.Many2one("ixl.municipality", string="Workplace", required=True,
                                      tracking=True)
    district_id = fields.Many2one(related="municipality_id.district_id", store=True)
    placement_type = fields.Selection(PLACEMENT_TYPES, string="Offered", default="hire",
                                      required=True)
    contract_type = fields.Selection(CONTRACT_TYPES, string="Contract")
    weekly_hours = fields.Float()
    deadline = fields.Date(tracking=True, help="Last day to apply.")
    state = fields.Selection(OFFER_STATES, default="open", required=True, tracking=True,
                             index=True, readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Operator", tracking=True,
                              default=lambda self: self.env.user)
    line_ids = fields.One2many("ixl.job.offer.line", "offer_id", string="Sendings")
    match_ids = fields.One2many("ixl.match", "offer_id", string="Matching results")
    sent_count = fields.Integer(string="People reached", compute="_compute_counts")
    interested_count = fields.Integer(string="Interested or applied",
                                      compute="_compute_counts")
    hired_count = fields.Integer(string="Hired", compute="_compute_counts")
    is_open = fields.Boolean(compute="_compute_ixl_action_flags")
    is_closed = fields.Boolean(compute="_compute_ixl_action_flags")

    @api.depends("employer_id", "employer_name")
    def _compute_employer_label(self):
        for offer in self:
            offer.employer_label = offer.employer_id.name or offer.employer_name or ""

    @api.depends("line_ids.answer")
    def _compute_counts(self):
        for offer in self:
            answers = offer.line_ids.mapped("answer")
            offer.sent_count = len(answers)
            offer.interested_count = sum(a in ("interested", "applied") for a in answers)
            offer.hired_count = answers.count("hired")

    @api.constrains("employer_id", "employer_name", "url", "weekly_hours", "placement_type",
                    "contract_type")
    def _check_values(self):
        for offer in self:
            if not offer.employer_id and not (offer.employer_name or "").strip():
                raise ValidationError(self.env._(
                    "Name the employer of the offer %s (a company or the name published).",
                    offer.name))
            if not (offer.url or "").strip().lower().startswith(("http://", "https://")):
                raise ValidationError(self.env._(
                    "The link of the offer must be a web address (http:// or https://)."))
            if offer.weekly_hours < 0:
                raise ValidationError(self.env._("Weekly hours cannot be negative."))
            if offer.placement_type != "hire" and offer.contract_type:
                raise ValidationError(self.env._("Only a hire has a contract type."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if self.line_ids:
            raise UserError(self.env._(
                "An offer already sent to people is part of their history: close it "
                "instead of deleting it."))

    # ------------------------------------------------------------------ matching
    def _ixl_match_reached(self):
        return self.line_ids.beneficiary_id

    def _ixl_match_area(self):
        return self.job_area_id

    @api.model
    def _ixl_match_open_domain(self):
        return [("state", "=", "open"), "|", ("deadline", "=", False),
                ("deadline", ">=", local_today())]

    def _ixl_check_open(self):
        for offer in self:
            if offer.state != "open":
                raise UserError(self.env._("The offer %s is closed.", offer.display_name))
            if offer.deadline and offer.deadline < local_today():
                raise UserError(self.env._(
                    "The deadline of the offer %s has passed.", offer.display_name))

    # ------------------------------------------------------------------ actions
    def action_close(self):
        require_group(self, OPERATOR)
        self.filtered("is_open")._ixl_transition().write({"state": "closed"})
        return True

    def action_reopen(self):
        require_group(self, OPERATOR)
        self.filtered("is_closed")._ixl_transition().write({"state": "open"})
        return True

    def action_open_send(self):
        """The sending wizard, with the people proposed and not reached yet."""
        self.ensure_one()
        return self._open_send(self.match_ids.filtered(
            lambda m: not m.for_person and not m.shortlisted).beneficiary_id)

    def _open_send(self, people):
        """The sending wizard with ``people`` (a recordset of ixl.beneficiary)."""
        self.ensure_one()
        require_group(self, OPERATOR)
        self._ixl_check_open()
        return wizard_action(self.env._("Send %s", self.name), "ixl.job.offer.send",
                             offer_id=self.id, beneficiary_ids=[(6, 0, people.ids)])

    def action_view_lines(self):
        return related_records_action(self, "ixl.job.offer.line", "offer_id",
                                      self.env._("People reached"))

    # ------------------------------------------------------------------ sending
    def _send_to(self, people):
        """Email the offer to ``people`` in one go: a sending line and a service on each
        person's history. Returns (lines, {person: why they were not emailed}): people
        not admitted, already reached, without an email address, blacklisted or who
        refused communications are skipped, and staff are told."""
        self.ensure_one()
        require_group(self, OPERATOR)
        self.check_access("write")
        self._ixl_check_open()
        skipped = {person: self.env._("the offer was already sent to them")
                   for person in people & self.line_ids.beneficiary_id}
        skipped.update({person: self.env._("not admitted to the programme")
                        for person in people.filtered(lambda p: not p.is_admitted)})
        skipped.update(people.filtered(lambda p: p not in skipped)._ixl_offer_mail_blockers())
        recipients = people.filtered(lambda p: p not in skipped)
        lines = self._create_sendings(recipients)
        if lines:
            template = self.env.ref("ixl_board.mail_template_job_offer")
            # the operator's group and rights were checked above; the person's contact
            # is read to address the email
            lines.sudo().message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment")
        self.message_post(body=self._sending_summary(lines, skipped))
        return lines, skipped

    def _create_sendings(self, people):
        today = local_today()
        scores = {m.beneficiary_id.id: m.score for m in self.match_ids if not m.for_person}
        services = self.env["ixl.service"].create([{
            "beneficiary_id": person.id, "service_type": "job_offer", "date": today,
            "job_offer_title": self.name, "job_offer_employer": self.employer_label,
            "job_offer_url": self.url, "municipality_id": self.municipality_id.id,
        } for person in people])
        return self.env["ixl.job.offer.line"]._ixl_transition().create([{
            "offer_id": self.id, "beneficiary_id": person.id, "date_sent": today,
            "service_id": service.id, "match_score": scores.get(person.id, 0),
        } for person, service in zip(people, services, strict=True)])

    def _sending_summary(self, lines, skipped):
        text = self.env._("Offer emailed to %(count)s people.", count=len(lines))
        if skipped:
            text += " " + self.env._("Not emailed: %(names)s.", names="; ".join(
                f"{person.name} ({why})" for person, why in skipped.items()))
        return text
