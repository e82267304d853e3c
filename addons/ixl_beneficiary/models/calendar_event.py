from odoo import api, fields, models
from odoo.exceptions import UserError

from .ixl_missed_appointment import OPERATOR
from .tools import local_date, require_group


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    ixl_can_mark_missed = fields.Boolean(string="Can be marked as missed",
                                         compute="_compute_ixl_can_mark_missed")

    @api.depends("res_model", "res_id")
    def _compute_ixl_can_mark_missed(self):
        operator = self.env.user.has_group(OPERATOR)
        marked = self._ixl_marked_missed() if operator else set()
        for event in self:
            event.ixl_can_mark_missed = (
                operator and event.res_model == "ixl.beneficiary" and bool(event.res_id)
                and event.id not in marked)

    def _ixl_marked_missed(self):
        """The ids of these events already recorded as missed appointments."""
        return set(self.env["ixl.missed.appointment"].search(
            [("calendar_event_id", "in", self.ids)]).calendar_event_id.ids) if self.ids else set()

    def action_ixl_did_not_come(self):
        """"Did not come" on the calendar event of a meeting with a person."""
        require_group(self, OPERATOR)
        marked = self._ixl_marked_missed()
        for event in self:
            if event.res_model != "ixl.beneficiary" or not event.res_id:
                raise UserError(self.env._("\"Did not come\" is for appointments with a person."))
            if event.id in marked:
                raise UserError(self.env._("This missed appointment is already recorded."))
            activities = event.activity_ids.filtered(lambda a: a.res_model == "ixl.beneficiary")
            self.env["ixl.missed.appointment"]._ixl_record(
                self.env["ixl.beneficiary"].browse(event.res_id), local_date(event.start),
                event.name, activities=activities, event=event)
        return True
