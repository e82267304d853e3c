from odoo.tests import HttpCase, tagged

from .test_portal import make_applicant_user, make_calls


@tagged("post_install", "-at_install", "is_tour")
class TestCallsPortalTour(HttpCase):
    def test_applicant_submits_project(self):
        _hiring, apl, _expired, _draft = make_calls(self.env)
        apl.name = "Tour APL call"
        org, user = make_applicant_user(self.env, "Tour Agenzia Spa", "Tina", "ixl_call_tour")
        self.start_tour("/my", "ixl_calls_apply_tour", login=user.login)
        new = self.env["ixl.call.application"].search([("partner_id", "=", org.id)])
        self.assertEqual(len(new), 1)
        self.assertEqual((new.call_id, new.project_title, new.amount_requested, new.state),
                         (apl, "Tour reemployment project", 35000, "submitted"))
        self.assertEqual((str(new.date_start), str(new.date_end)), ("2030-03-01", "2031-02-28"))
