from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import check_period, local_today, wizard_action

IPS_GROUPS = "ixl_training.group_ixl_ips_operator,ixl_beneficiary.group_ixl_coordinator"
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"


class IxlIpsPath(models.Model):
    """An IPS (Individual Placement and Support) path, run with the Mental Health
    Department: an IPS operator follows a beneficiary for about nine months.

    Health-related (special-category) data: only IPS operators and coordinators can
    read these records and their notes. The caseload is compared with configurable
    limits (about 40 active paths, 50 new paths a year, 50 operator hours a week); when
    a limit is exceeded the form shows a warning, nothing is refused.

    The closing date is written only by the actions: closing (IPS operators and
    coordinators, a date between the start and today) and reopening (coordinators).
    """

    _name = "ixl.ips.path"
    _description = "IPS path"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    _order = "date_start desc, id desc"
    _ixl_locked_fields = ("date_end",)

    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="restrict",
                                     index=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", string="IPS operator", required=True, ondelete="restrict", index=True,
        domain=[("is_ips_operator", "=", True)], tracking=True)
    date_start = fields.Date(string="Start date", required=True,
                             default=lambda self: local_today(), tracking=True)
    expected_months = fields.Integer(string="Expected length (months)", default=9,
                                     required=True)
    date_expected_end = fields.Date(string="Expected end", compute="_compute_expected_end",
                                    store=True)
    date_end = fields.Date(string="Closed on", tracking=True, readonly=True, copy=False)
    weekly_hours = fields.Float(string="Operator hours a week", tracking=True)
    active_path = fields.Boolean(string="Active", compute="_compute_active_path", store=True)
    notes = fields.Html(string="IPS notes", groups=IPS_GROUPS)
    caseload_warning = fields.Text(compute="_compute_caseload_warning")
    placement_ids = fields.One2many("ixl.placement", "ips_path_id", string="Placements",
                                    readonly=True)

    @api.depends("date_start", "expected_months")
    def _compute_expected_end(self):
        for rec in self:
            rec.date_expected_end = rec.date_start and rec.date_start + relativedelta(
                months=rec.expected_months)

    @api.depends("date_end")
    def _compute_active_path(self):
        for rec in self:
            rec.active_path = not rec.date_end

    @api.constrains("date_start", "date_end", "weekly_hours", "expected_months")
    def _check_values(self):
        check_period(self, self.env._("The end of an IPS path cannot be before its start."))
        for rec in self:
            if rec.weekly_hours < 0 or rec.expected_months < 0:
                raise ValidationError(self.env._(
                    "Weekly hours and expected length cannot be negative."))

    @api.constrains("employee_id")
    def _check_operator(self):
        for rec in self:
            if not rec.employee_id.is_ips_operator:
                raise ValidationError(self.env._(
                    "%(name)s is not an IPS operator.", name=rec.employee_id.name))

    @api.model
    def _limits(self):
        param = self.env["ir.config_parameter"].sudo().get_param
        return {
            "active": int(param("ixl_training.ips_active_limit", 40)),
            "year": int(param("ixl_training.ips_year_target", 50)),
            "hours": float(param("ixl_training.ips_hours_limit", 50)),
        }

    @api.model
    def get_caseload(self, year=None):
        """Caseload in total and per operator: {'total': {...}, employee: {...}} with
        active paths, weekly hours of the active paths and paths started in ``year``.
        For who may read IPS paths (IPS operators, coordinators) only: the figures are
        read as superuser, all paths together."""
        self.browse().check_access("read")
        if year is not None and not isinstance(year, int):
            raise UserError(self.env._("The year must be a number."))
        year = year or local_today().year
        result = {"total": {"active": 0, "hours": 0.0, "year": 0}}
        for employee, count, hours in self.sudo()._read_group(
                [("active_path", "=", True)], ["employee_id"], ["__count", "weekly_hours:sum"]):
            result[employee] = {"active": count, "hours": hours, "year": 0}
            result["total"]["active"] += count
            result["total"]["hours"] += hours
        for employee, count in self.sudo()._read_group(
                [("date_start", ">=", f"{year}-01-01"), ("date_start", "<=", f"{year}-12-31")],
                ["employee_id"], ["__count"]):
            result.setdefault(employee, {"active": 0, "hours": 0.0, "year": 0})["year"] = count
            result["total"]["year"] += count
        return result

    @api.depends("employee_id", "weekly_hours", "date_end", "date_start")
    def _compute_caseload_warning(self):
        caseload = self.get_caseload()
        limits = self._limits()
        total = caseload["total"]
        messages = []
        if total["active"] > limits["active"]:
            messages.append(self.env._(
                "%(count)s active IPS paths: more than the %(limit)s the service can follow.",
                count=total["active"], limit=limits["active"]))
        if total["hours"] > limits["hours"]:
            messages.append(self.env._(
                "%(hours)s operator hours a week: more than the %(limit)s available.",
                hours=total["hours"], limit=limits["hours"]))
        if total["year"] > limits["year"]:
            messages.append(self.env._(
                "%(count)s IPS paths started this year: above the target of %(limit)s.",
                count=total["year"], limit=limits["year"]))
        for rec in self:
            rec.caseload_warning = "\n".join(messages) or False

    # ------------------------------------------------------------------ ACTIONS
    def action_close(self, date_end=None):
        """Close the paths on ``date_end`` (default today in Bologna)."""
        self.check_access("write")
        try:
            day = fields.Date.to_date(date_end) if date_end else local_today()
        except (TypeError, ValueError) as exc:
            raise UserError(self.env._("Invalid date: %s", date_end)) from exc
        for rec in self:
            if rec.date_end:
                raise UserError(self.env._("%(path)s is already closed.", path=rec.display_name))
            if not rec.date_start <= day <= local_today():
                raise UserError(self.env._(
                    "An IPS path closes between its start and today: %(day)s is not valid.",
                    day=day))
        self._ixl_transition().write({"date_end": day})
        return True

    def action_open_close(self):
        self.ensure_one()
        return wizard_action(self.env._("Close the IPS path"), "ixl.ips.path.close",
                             path_id=self.id)

    def action_reopen(self):
        """Reopen closed paths (coordinators: a correction)."""
        self.check_access("write")
        if not self.env.user.has_group(COORDINATOR):
            raise AccessError(self.env._("Only a coordinator can reopen an IPS path."))
        self._ixl_transition().write({"date_end": False})
        return True

    def web_read(self, specification):
        """Opening the IPS notes (health data) is written in the access log of the
        privacy tools (ixl_privacy) when installed."""
        result = super().web_read(specification)
        if "notes" in specification:
            for path in self:
                path.beneficiary_id._privacy_log_sensitive_read(
                    self.env._("IPS notes (%s)", path.display_name))
        return result
