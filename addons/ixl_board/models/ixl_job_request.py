from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES, PLACEMENT_TYPES
from odoo.addons.ixl_beneficiary.models.tools import related_records_action, require_group

from .board_tools import OPERATOR

REQUEST_STATES = [
    ("open", "Open"),
    ("selection", "In selection"),
    ("filled", "Filled"),
    ("cancelled", "Cancelled"),
]
# The states each action accepts (the buttons' flags use the same tuples).
OPEN_STATES = ("open", "selection")
REOPEN_STATES = ("filled", "cancelled")


class IxlJobRequest(models.Model):
    """A personnel request (domanda di personale) of a company."""

    _name = "ixl.job.request"
    _description = "Personnel request"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "ixl.workflow.mixin",
                "ixl.match.target"]
    _order = "deadline, id desc"
    _ixl_locked_fields = ("state", "reference", "from_portal")
    _ixl_action_states = {"is_open": OPEN_STATES, "can_reopen": REOPEN_STATES}

    name = fields.Char(string="Role", required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, default="/", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Company", required=True, index=True, tracking=True,
        domain=[("is_company", "=", True)], ondelete="restrict",
    )
    description = fields.Html()
    skill_ids = fields.One2many("ixl.job.request.skill", "request_id", string="Required skills",
                                copy=True)
    positions = fields.Integer(default=1, required=True, tracking=True)
    municipality_id = fields.Many2one("ixl.municipality", string="Workplace", required=True)
    district_id = fields.Many2one(related="municipality_id.district_id", store=True)
    placement_type = fields.Selection(PLACEMENT_TYPES, string="Offered", default="hire",
                                      required=True)
    contract_type = fields.Selection(CONTRACT_TYPES, string="Contract offered")
    weekly_hours = fields.Float()
    deadline = fields.Date(tracking=True)
    state = fields.Selection(REQUEST_STATES, default="open", required=True, tracking=True,
                             index=True, group_expand="_group_expand_states", readonly=True,
                             copy=False)
    user_id = fields.Many2one("res.users", string="Operator", tracking=True,
                              default=lambda self: self.env.user if self.env.user._is_internal()
                              else False)
    from_portal = fields.Boolean(string="Submitted on the portal", readonly=True, copy=False)
    candidate_ids = fields.One2many("ixl.candidate", "request_id", string="Candidates")
    match_ids = fields.One2many("ixl.match", "request_id", string="Matching results",
                                groups="base.group_user")
    candidate_count = fields.Integer(compute="_compute_candidate_stats")
    hired_count = fields.Integer(compute="_compute_candidate_stats")
    is_open = fields.Boolean(compute="_compute_ixl_action_flags",
                             help="Open or in selection: candidates can be found and the "
                             "request cancelled.")
    can_reopen = fields.Boolean(compute="_compute_ixl_action_flags")

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in REQUEST_STATES]

    @api.depends("candidate_ids.state")
    def _compute_candidate_stats(self):
        for request in self:
            request.candidate_count = len(request.candidate_ids)
            request.hired_count = len(request.candidate_ids.filtered(lambda c: c.state == "hired"))

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/ixl/requests/{request.id}"
        return res

    @api.constrains("positions", "weekly_hours", "placement_type", "contract_type")
    def _check_values(self):
        for request in self:
            if request.positions < 1:
                raise ValidationError(self.env._("A request needs at least one position."))
            if request.weekly_hours < 0:
                raise ValidationError(self.env._("Weekly hours cannot be negative."))
            if request.placement_type != "hire" and request.contract_type:
                raise ValidationError(self.env._("Only a hire has a contract type."))

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        Sequence = self.env["ir.sequence"]
        for request in requests.filtered(lambda r: r.reference == "/"):
            request._ixl_transition().reference = Sequence.next_by_code("ixl.job.request") or "/"
        return requests

    def _check_open(self):
        for request in self:
            if request.state not in OPEN_STATES:
                raise UserError(self.env._(
                    "The request %s is closed.", request.display_name))

    # ------------------------------------------------------------------ matching
    def _ixl_match_reached(self):
        return self.candidate_ids.beneficiary_id

    def _ixl_match_needs_cv_consent(self):
        """Proposing a person to a company shares their CV: only with their consent."""
        return True

    @api.model
    def _ixl_match_open_domain(self):
        return [("state", "in", OPEN_STATES)]

    def _ixl_check_open(self):
        self._check_open()

    # ------------------------------------------------------------------ actions
    def action_view_candidates(self):
        return related_records_action(self, "ixl.candidate", "request_id", self.env._("Candidates"))

    def action_cancel(self):
        require_group(self, OPERATOR)
        self._check_open()
        self._ixl_transition().write({"state": "cancelled"})
        return True

    def action_reopen(self):
        require_group(self, OPERATOR)
        self.filtered(lambda r: r.state in REOPEN_STATES)._ixl_transition().write(
            {"state": "open"})
        return True

    def _update_state_from_candidates(self):
        """Follow the candidates' steps (called by the candidates' transitions)."""
        for request in self:
            if request.state not in OPEN_STATES:
                continue
            if request.hired_count >= request.positions:
                request._ixl_transition().write({"state": "filled"})
            elif request.candidate_ids.filtered(lambda c: c.state != "shortlisted"):
                request._ixl_transition().write({"state": "selection"})
