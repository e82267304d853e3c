"""Issue 14: states, decisions and amounts change only through the actions, whoever
calls the ORM directly (what an RPC does)."""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CallsCase


@tagged("post_install", "-at_install")
@freeze_time("2025-06-15 10:00:00")
class TestWorkflowAccess(CallsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(cls.env, login="ixl_calls_portal", groups="base.group_portal",
                                   name="Paola Portal")
        cls.portal.partner_id.parent_id = cls.applicant
        cls.person, cls.approved, cls.hire = cls.make_approved_hire("2025-01-01")
        cls.pending = cls.make_hiring_application([(cls.make_senior(), "2025-02-01")],
                                                  approve=False)
        cls.claim = cls.pending.hire_ids
        cls.grant_rec = cls.grant(cls, cls.approved, 5000, 2025, cls.hire)
        cls.payment = cls.env["ixl.call.payment"].create(
            {"grant_id": cls.grant_rec.id, "amount": 1000, "date": "2025-03-01"})

    def _attempts(self):
        """(label, callable) of the direct writes, creates and actions refused."""
        App, Hire = self.env["ixl.call.application"], self.env["ixl.call.hire"]
        return [
            ("close the call", lambda env: self.hiring.with_env(env).write(
                {"state": "closed"})),
            ("forge the budget", lambda env: self.hiring.with_env(env).write(
                {"budget": 10 ** 9})),
            ("approve by write", lambda env: self.pending.with_env(env).write(
                {"state": "approved"})),
            ("create approved", lambda env: App.with_env(env).create({
                "call_id": self.apl.id, "partner_id": self.agency.id, "state": "approved"})),
            ("backdate", lambda env: self.pending.with_env(env).write(
                {"date_submitted": "2024-01-01"})),
            ("score after decision", lambda env: self.approved.with_env(env).write(
                {"score": 10})),
            ("verify by write", lambda env: self.claim.with_env(env).write(
                {"state": "verified"})),
            ("create verified", lambda env: Hire.with_env(env).create({
                "application_id": self.pending.id, "fiscal_code": self.person.fiscal_code,
                "date_hire": "2025-01-01", "state": "verified"})),
            ("link a placement", lambda env: self.claim.with_env(env).write(
                {"placement_id": self.hire.placement_id.id})),
            ("end by write", lambda env: self.hire.with_env(env).write(
                {"date_end": "2025-03-31"})),
            ("raise the grant", lambda env: self.grant_rec.with_env(env).write(
                {"amount": 9000})),
            ("move the grant", lambda env: self.grant_rec.with_env(env).write(
                {"year": 2024})),
            ("forge what was paid", lambda env: self.grant_rec.with_env(env).write(
                {"paid": 0})),
            ("edit a payment", lambda env: self.payment.with_env(env).write(
                {"amount": 2000})),
            ("fake reversal", lambda env: self.env["ixl.call.payment"].with_env(env).create({
                "grant_id": self.grant_rec.id, "amount": -1000,
                "reversal_of_id": self.payment.id})),
        ]

    def test_direct_writes_refused_for_every_group(self):
        for user in (self.operator, self.coordinator, self.finance, self.portal):
            env = self.env(user=user)
            for label, attempt in self._attempts():
                with self.subTest(user=user.login, attempt=label), \
                        self.assertRaises(AccessError):
                    attempt(env)
        self.assertEqual((self.hiring.state, self.pending.state, self.claim.state,
                          self.grant_rec.amount, self.payment.amount),
                         ("open", "submitted", "claimed", 5000, 1000))

    def test_actions_check_the_group(self):
        actions = {
            "close a call": (lambda user: self.hiring.with_user(user).action_close(),
                             [self.operator, self.finance]),
            "approve": (lambda user: self.pending.with_user(user).action_approve(),
                        [self.operator, self.finance]),
            "verify a hire": (lambda user: self.claim.with_user(user).action_verify(),
                              [self.finance, self.portal]),
            "reduce a grant": (lambda user: self.grant_rec.with_user(user).action_reduce(
                1000, "x"), [self.operator]),
            "reverse a payment": (lambda user: self.payment.with_user(user).action_reverse(),
                                  [self.operator, self.coordinator]),
        }
        for label, (action, users) in actions.items():
            for user in users:
                with self.subTest(label, user=user.login), self.assertRaises(AccessError):
                    action(user)

    def test_posted_payment_reversed_never_deleted(self):
        payment = self.payment.with_user(self.finance)
        with self.assertRaises(UserError):
            payment.unlink()
        reversal = payment.action_reverse()
        self.assertEqual((reversal.amount, reversal.reversal_of_id, payment.is_reversed),
                         (-1000, payment, True))
        self.assertEqual(self.grant_rec.paid, 0)
        for target in (payment, reversal):
            with self.subTest(target=target.id), self.assertRefused("reversed", UserError):
                target.action_reverse()
        with self.assertRaises(UserError):
            reversal.unlink()
