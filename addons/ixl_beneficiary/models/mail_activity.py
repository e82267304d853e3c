from odoo import api, fields, models
from odoo.exceptions import UserError

from .ixl_missed_appointment import FIRST_INTERVIEW_ACTIVITY, OPERATOR
from .tools import local_date, require_group

# Activities of a person that are no appointment: nobody has to "come".
NOT_APPOINTMENTS = ("ixl_beneficiary.mail_activity_type_unanswered_call",
                    "ixl_beneficiary.mail_activity_type_shared_email")


class MailActivity(models.Model):
    _inherit = "mail.activity"

    ixl_is_appointment = fields.Boolean(
        string="Appointment with a person", compute="_compute_ixl_is_appointment",
        help="An activity of a person that can be missed (\"Did not come\").")

    @api.depends("res_model", "activity_type_id")
    def _compute_ixl_is_appointment(self):
        excluded = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in NOT_APPOINTMENTS]
        for activity in self:
            activity.ixl_is_appointment = (activity.res_model == "ixl.beneficiary"
                                           and activity.activity_type_id not in excluded)

    def action_ixl_did_not_come(self):
        """"Did not come" on an appointment with a person (activity in the chatter)."""
        require_group(self, OPERATOR)
        first_type = self.env.ref(FIRST_INTERVIEW_ACTIVITY)
        for activity in self:
            if not activity.ixl_is_appointment:
                raise UserError(self.env._("\"Did not come\" is for appointments with a person."))
            person = self.env["ixl.beneficiary"].browse(activity.res_id)
            event = activity.calendar_event_id
            if event:
                date = local_date(event.start)
            elif activity.activity_type_id == first_type and person.interview_date:
                date = local_date(person.interview_date)
            else:
                date = activity.date_deadline
            summary = activity.summary or activity.activity_type_id.name or event.name
            self.env["ixl.missed.appointment"]._ixl_record(
                person, date, summary, activities=activity, event=event)
        return True
