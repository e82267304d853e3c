from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.tools import local_today, require_group, wizard_action

from .board_tools import OPERATOR

CANDIDATE_STATES = [
    ("shortlisted", "Shortlisted"),
    ("cv_sent", "CV sent"),
    ("interview", "Interview"),
    ("hired", "Hired"),
    ("refused_company", "Refused by the company"),
    ("refused_beneficiary", "Refused by the beneficiary"),
]
REFUSAL_REASONS = [
    ("distance", "Too far / transport"),
    ("hours", "Working hours"),
    ("pay", "Pay"),
    ("role", "Not interested in the role"),
    ("health", "Health or family reasons"),
    ("other_job", "Found another job"),
    ("other", "Other"),
]
# The candidature's own reason (kept for the candidatures of before ixl.refusal) and the
# category of the person's refusal (ixl_beneficiary/models/ixl_refusal.py), both ways.
TO_REFUSAL_REASON = {"distance": "distance", "hours": "hours", "pay": "pay", "role": "sector",
                     "health": "health", "other_job": "other", "other": "other"}
FROM_REFUSAL_REASON = {"contract": "other", "hours": "hours", "distance": "distance",
                       "pay": "pay", "health": "health", "family": "health", "sector": "role",
                       "other": "other"}
PORTAL_STATES = ("cv_sent", "interview", "hired", "refused_company", "refused_beneficiary")
# The states each step accepts (the buttons' flags use the same tuples).
SEND_CV_STATES = ("shortlisted",)
INTERVIEW_STATES = ("cv_sent",)
COMPANY_ANSWER_STATES = ("cv_sent", "interview")  # hired, or refused by the company
REFUSED_BENEFICIARY_STATES = ("shortlisted", "cv_sent", "interview")


class IxlCandidate(models.Model):
    """A beneficiary proposed for a personnel request: shortlist, CV sending, outcome."""

    _name = "ixl.candidate"
    _description = "Candidate for a personnel request"
    _inherit = ["mail.thread", "ixl.workflow.mixin", "ixl.admission.mixin",
                "ixl.portal.person.mixin"]
    _order = "request_id, id"
    _rec_names_search = ["beneficiary_id", "request_id"]
    _ixl_public_name_fields = ("request_id",)
    _ixl_locked_fields = ("state", "date_sent", "placement_id", "match_score", "refusal_id")
    _ixl_action_states = {
        "can_send_cv": SEND_CV_STATES, "can_interview": INTERVIEW_STATES,
        "awaits_company": COMPANY_ANSWER_STATES,
        "can_refuse_beneficiary": REFUSED_BENEFICIARY_STATES,
    }

    request_id = fields.Many2one("ixl.job.request", required=True, ondelete="cascade",
                                 index=True)
    partner_id = fields.Many2one(related="request_id.partner_id", store=True, index=True,
                                 string="Company")
    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="restrict",
                                     index=True, groups="base.group_user")
    state = fields.Selection(CANDIDATE_STATES, default="shortlisted", required=True,
                             tracking=True, index=True, readonly=True, copy=False)
    match_score = fields.Integer(string="Score", groups="base.group_user", readonly=True,
                                 copy=False)
    date_sent = fields.Date(string="CV sent on", readonly=True, copy=False)
    # Why a person refused may name a health or family condition: operators only.
    refusal_reason = fields.Selection(REFUSAL_REASONS, tracking=True,
                                      groups="ixl_beneficiary.group_ixl_operator")
    refusal_note = fields.Text(groups="ixl_beneficiary.group_ixl_operator")
    refusal_id = fields.Many2one("ixl.refusal", readonly=True, copy=False,
                                 groups="ixl_beneficiary.group_ixl_operator")
    placement_id = fields.Many2one("ixl.placement", readonly=True, copy=False,
                                   groups="base.group_user")
    can_send_cv = fields.Boolean(compute="_compute_ixl_action_flags")
    can_interview = fields.Boolean(compute="_compute_ixl_action_flags")
    awaits_company = fields.Boolean(compute="_compute_ixl_action_flags",
                                    help="The company has the CV: it hires or refuses.")
    can_refuse_beneficiary = fields.Boolean(compute="_compute_ixl_action_flags")
    # What a company sees of the person (computed as superuser, nothing else).
    portal_name = fields.Char(string="Candidate")
    portal_skills = fields.Char(string="Skills", compute="_compute_portal_fields",
                                compute_sudo=True)
    portal_municipality = fields.Char(string="Municipality", compute="_compute_portal_fields",
                                      compute_sudo=True)
    portal_available = fields.Boolean(string="Available now", compute="_compute_portal_fields",
                                      compute_sudo=True)

    _sql_constraints = [
        ("candidate_unique", "unique(request_id, beneficiary_id)",
         "This person is already a candidate for the request."),
    ]

    @api.depends_context("uid")
    @api.depends("portal_name")
    def _compute_display_name(self):
        for cand in self:
            cand.display_name = cand._ixl_person_label()

    @api.depends("beneficiary_id.skill_ids", "beneficiary_id.municipality_id")
    def _compute_portal_fields(self):
        today = fields.Date.context_today(self)
        for cand in self:
            person = cand.beneficiary_id
            cand.portal_skills = ", ".join(person.skill_ids.mapped("display_name"))
            cand.portal_municipality = person.municipality_id.name or ""
            cand.portal_available = not any(
                p.date_start <= today and (not p.date_end or p.date_end >= today)
                for p in person.placement_ids)

    def _check_state(self, allowed):
        """The transition check: an operator's step, from one of the ``allowed`` states."""
        require_group(self, OPERATOR)
        self._ixl_check_state(
            allowed, self.env._("%(name)s is %(state)s: this step is not possible now."))

    def action_send_cv(self):
        self._check_state(SEND_CV_STATES)
        self.request_id._check_open()
        for cand in self:
            if not cand.beneficiary_id.cv_file:
                raise UserError(self.env._("%s has no CV to send.", cand.beneficiary_id.name))
            if not cand.beneficiary_id.cv_sharing_consent:
                raise UserError(self.env._(
                    "%s did not give (or withdrew) the consent to share the CV with companies.",
                    cand.beneficiary_id.name))
        self._ixl_transition().write({"state": "cv_sent", "date_sent": local_today()})
        for cand in self:
            cand.request_id.message_post(body=self.env._(
                "CV of %s sent to the company.", cand.portal_name))
        self.request_id._update_state_from_candidates()
        return True

    def action_interview(self):
        self._check_state(INTERVIEW_STATES)
        self._ixl_transition().write({"state": "interview"})
        return True

    def action_refused_company(self):
        self._check_state(COMPANY_ANSWER_STATES)
        self._ixl_transition().write({"state": "refused_company"})
        return True

    def action_record_refusal(self):
        """"Refused by the beneficiary": the wizard asking the reason (ixl.refusal.record),
        which records the refusal on the person's history and closes the candidature."""
        self.ensure_one()
        self._check_state(REFUSED_BENEFICIARY_STATES)
        return wizard_action(
            self.env._("Refusal of %s", self.beneficiary_id.name), "ixl.refusal.record",
            beneficiary_id=self.beneficiary_id.id, kind=self._refusal_kind(),
            reason=TO_REFUSAL_REASON.get(self.refusal_reason), note=self.refusal_note,
            res_model=self._name, res_id=self.id)

    def _ixl_refusal_recorded(self, refusal):
        """The refusal wizard's follow-up: the candidature is closed as refused."""
        self.ensure_one()
        self.write({"refusal_reason": FROM_REFUSAL_REASON[refusal.reason],
                    "refusal_note": refusal.note})
        self._ixl_transition().write({"refusal_id": refusal.id})
        self.action_refused_beneficiary()

    def _refusal_kind(self):
        """Refusing at the shortlist refuses the sending of the CV; later, the job."""
        return "cv_sending" if self.state == "shortlisted" else "job_offer"

    def action_refused_beneficiary(self):
        self._check_state(REFUSED_BENEFICIARY_STATES)
        for cand in self:
            if not cand.refusal_reason:
                raise UserError(self.env._(
                    "Record why %s refused before closing the candidature.",
                    cand.beneficiary_id.name))
        # every refusal is on the person's history, also when set without the wizard
        for cand in self.filtered(lambda c: not c.refusal_id):
            refusal = self.env["ixl.refusal"].create({
                "beneficiary_id": cand.beneficiary_id.id, "kind": cand._refusal_kind(),
                "reason": TO_REFUSAL_REASON[cand.refusal_reason], "note": cand.refusal_note,
                "res_model": cand._name, "res_id": cand.id})
            cand._ixl_transition().write({"refusal_id": refusal.id})
        self._ixl_transition().write({"state": "refused_beneficiary"})
        return True

    def action_hire(self):
        self.ensure_one()
        self._check_state(COMPANY_ANSWER_STATES)
        return wizard_action(self.env._("Hire %s", self.beneficiary_id.name),
                             "ixl.candidate.hire", candidate_id=self.id)

    def _hire(self, date_start, date_end=False, weekly_hours=None):
        """Create the placement of the hire in one step."""
        self.ensure_one()
        self._check_state(COMPANY_ANSWER_STATES)
        request = self.request_id
        placement = self.env["ixl.placement"].create({
            "beneficiary_id": self.beneficiary_id.id,
            "employer_id": request.partner_id.id,
            "placement_type": request.placement_type,
            "contract_type": request.contract_type if request.placement_type == "hire" else False,
            "job_title": request.name,
            "date_start": date_start,
            "date_end": date_end,
            "weekly_hours": request.weekly_hours if weekly_hours is None else weekly_hours,
            "request_id": request.id,
        })
        self._ixl_transition().write({"state": "hired", "placement_id": placement.id})
        request._update_state_from_candidates()
        return placement
