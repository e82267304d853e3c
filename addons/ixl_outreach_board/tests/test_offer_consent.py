from odoo.tests import tagged

from odoo.addons.ixl_board.tests.common import OfferCase


@tagged("post_install", "-at_install")
class TestOfferConsent(OfferCase):
    """A person who withdrew the consent to communications is proposed for a job offer
    (staff may phone them) but never emailed it, and staff are told."""

    def test_withdrawn_consent_is_not_emailed(self):
        offer = self.make_offer([(self.forklift, None)])
        anna = self.make_ready([(self.forklift, self.advanced)], self.imola, first_name="Anna")
        rita = self.make_ready([(self.forklift, self.advanced)], self.imola, first_name="Rita")
        rita.with_user(self.operator).write({"communication_consent": False})
        offer.with_user(self.operator).action_match()
        self.assertIn(rita, offer.match_ids.beneficiary_id)
        wizard, notice = self.send(offer, anna | rita)
        self.assertIn(f"{rita.name}: withdrew the consent to communications",
                      wizard.blocked_note)
        self.assertEqual(offer.line_ids.beneficiary_id, anna)
        self.assertEqual(notice["params"]["type"], "warning")
        self.assertIn("withdrew the consent to communications", notice["params"]["message"])
        self.assertFalse(self.env["mail.message"].search([
            ("model", "=", "ixl.job.offer.line"), ("partner_ids", "in", rita.partner_id.ids)]))
        self.assertIn(rita.name, offer.message_ids[0].body)
