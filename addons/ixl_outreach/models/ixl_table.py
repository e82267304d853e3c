"""The tables of the programme's signatories: the Tavolo tecnico (representatives of the
Archdiocese, Comune, Città metropolitana, Fondazione San Petronio, OPIMM, FOMAL, Emil
Banca, every three months) and the Tavolo di coordinamento. Coordinators only."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.tools import related_records_action, require_group

TABLE_KINDS = [
    ("tecnico", "Technical table (tavolo tecnico)"),
    ("coordinamento", "Coordination table (tavolo di coordinamento)"),
]
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"


class IxlTable(models.Model):
    _name = "ixl.table"
    _description = "Table of the signatories"
    _order = "kind, name"

    name = fields.Char(string="Table", required=True)
    kind = fields.Selection(TABLE_KINDS, required=True, default="tecnico")
    active = fields.Boolean(default=True)
    member_ids = fields.Many2many(
        "res.partner", "ixl_table_member_rel", "table_id", "partner_id", string="Members",
        help="Representatives of the signatories, invited to every meeting.")
    interval_months = fields.Integer(
        string="Every (months)", default=3, required=True,
        help="Periodicity of the meetings: 3 for a quarterly table.")
    meeting_ids = fields.One2many("ixl.meeting", "table_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_figures")
    held_count = fields.Integer(string="Meetings held", compute="_compute_meeting_figures")

    _sql_constraints = [
        ("interval_positive", "CHECK(interval_months > 0)",
         "A table meets at least once every some months: the periodicity must be positive."),
    ]

    @api.depends("meeting_ids.state")
    def _compute_meeting_figures(self):
        groups = self.env["ixl.meeting"]._read_group(
            [("table_id", "in", self.ids)], ["table_id", "state"], ["__count"])
        counts = {}
        for table, state, count in groups:
            data = counts.setdefault(table.id, {"all": 0, "held": 0})
            data["all"] += count
            if state == "held":
                data["held"] += count
        for table in self:
            data = counts.get(table._origin.id, {})
            table.meeting_count = data.get("all", 0)
            table.held_count = data.get("held", 0)

    # ------------------------------------------------------------------ ACTIONS
    def action_view_meetings(self):
        return related_records_action(self, "ixl.meeting", "table_id", self.env._("Meetings"))

    def action_plan_year(self):
        """Plan the meetings of the next twelve months and list them."""
        meetings = self._plan_year()
        return {
            "type": "ir.actions.act_window", "name": self.env._("Meetings"),
            "res_model": "ixl.meeting", "view_mode": "list,form,calendar",
            "domain": [("id", "in", meetings.ids)],
        }

    # ------------------------------------------------------------------ BUSINESS
    def _plan_year(self):
        """The meetings of the next twelve months, one every ``interval_months``, through
        Odoo's calendar recurrence (one calendar occurrence per meeting), starting
        ``interval_months`` after the last meeting (or in a week)."""
        require_group(self, COORDINATOR)
        self.check_access("write")
        meetings = self.env["ixl.meeting"]
        for table in self:
            count = max(12 // table.interval_months, 1)
            meetings |= table._plan_recurrent(table._next_start(), count)
        return meetings

    def _next_start(self):
        self.ensure_one()
        last = self.env["ixl.meeting"].search(
            [("table_id", "=", self.id), ("state", "!=", "cancelled")], order="start desc",
            limit=1)
        if last:
            return last.start + relativedelta(months=self.interval_months)
        return fields.Datetime.now().replace(minute=0, second=0, microsecond=0) + \
            timedelta(days=7)

    def _plan_recurrent(self, start, count):
        self.ensure_one()
        if not self.member_ids:
            raise UserError(self.env._(
                "Add the members of %(table)s before planning its meetings.", table=self.name))
        event = self.env["calendar.event"].sudo().create(
            self.env["ixl.meeting"]._calendar_values(self, start, 2.0, self.member_ids) | {
                "recurrency": True, "rrule_type": "monthly", "interval": self.interval_months,
                "month_by": "date", "day": start.day, "end_type": "count", "count": count,
            })
        occurrences = event.recurrence_id.calendar_event_ids.sorted("start")
        return self.env["ixl.meeting"]._ixl_transition().create([{
            "table_id": self.id, "start": occurrence.start, "duration": 2.0,
            "partner_ids": [(6, 0, self.member_ids.ids)],
            "calendar_event_id": occurrence.id,
        } for occurrence in occurrences])
