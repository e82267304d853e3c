from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MicrocreditCase


@tagged("post_install", "-at_install")
class TestProjects(MicrocreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.org = cls.env["res.partner"].create({"name": "Coop", "is_company": True})

    def test_selfemployment_states(self):
        project = self.env["ixl.selfemployment.project"].with_user(self.operator).create({
            "name": "Bakery", "beneficiary_id": self.person.id})
        self.assertEqual(project.state, "proposed")
        with self.assertRaises(UserError):
            project.action_start()
        project = project.with_user(self.coordinator)
        project.action_accompany()
        project.action_start()
        self.assertEqual(project.state, "started")
        self.assertTrue(project.date_started)
        with self.assertRaises(UserError):
            project.action_reject()

    def test_operator_edits_only_proposals(self):
        project = self.env["ixl.selfemployment.project"].create({
            "name": "Bakery", "beneficiary_id": self.person.id})
        project.with_user(self.operator).idea = "Bread"
        project.action_accompany()
        with self.assertRaises(AccessError):
            project.with_user(self.operator).idea = "Cakes"

    def _social(self):
        return self.env["ixl.social.project"].create({"name": "Garden", "partner_id": self.org.id})

    def test_committee_evaluates(self):
        project = self._social().with_user(self.committee)
        project.write({"evaluation_date": "2025-03-01", "score": 80.0,
                       "committee_member_ids": [(4, self.committee.id)],
                       "funding_approved": 20000.0})
        with self.assertRaises(AccessError):
            project.name = "Other name"
        project.action_select()
        self.assertEqual((project.state, project.decision), ("selected", "selected"))
        # refused before anything is written: no savepoint (assertRaisesRegex), checked after
        with self.assertRaisesRegex(UserError, "already evaluated"):
            project.action_reject()
        self.assertEqual((project.state, project.decision), ("selected", "selected"))
        staff = project.with_user(self.coordinator)
        staff.action_accompany()
        staff.action_positive()
        self.env["ixl.social.project.payment"].with_user(self.finance).create({
            "project_id": project.id, "date": "2025-05-01", "amount": 15000.0})
        with self.assertRaises(ValidationError):
            self.env["ixl.social.project.payment"].create({
                "project_id": project.id, "date": "2025-06-01", "amount": 5000.01})
        staff.action_conclude()
        self.assertEqual((project.state, project.funding_paid), ("concluded", 15000.0))

    def test_only_committee_decides(self):
        project = self._social()
        for user in (self.operator, self.coordinator, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                project.with_user(user).action_select()
        with self.assertRaises(AccessError):
            project.with_user(self.coordinator).score = 90
        as_committee = project.with_user(self.committee)
        with self.assertRefused("evaluation date", UserError):
            as_committee.action_select()
        as_committee.write({"evaluation_date": "2025-03-01",
                            "committee_member_ids": [(4, self.committee.id)]})
        with self.assertRefused("reasons", UserError):
            as_committee.action_reject()
        as_committee.decision_reason = "No partners"
        as_committee.action_reject()
        self.assertEqual(project.state, "rejected")
        with self.assertRaises(ValidationError):
            self._social().score = 101

    def test_operator_entering_a_project_cannot_record_the_evaluation(self):
        """An operator enters the Coop's project received through the call: the form's
        empty evaluation is fine, but a funding, a score or an evaluation date entered
        with it (over RPC) is the committee's and refused."""
        Project = self.env["ixl.social.project"].with_user(self.operator)
        project = Project.create({"name": "Orti", "partner_id": self.org.id,
                                  "funding_approved": 0.0, "score": 0.0,
                                  "evaluation_date": False, "committee_member_ids": []})
        self.assertEqual(project.state, "submitted")
        for vals in ({"funding_approved": 50000.0}, {"score": 95.0},
                     {"evaluation_date": "2025-03-01"},
                     {"committee_member_ids": [(6, 0, self.committee.ids)]}):
            with self.subTest(vals=vals), self.assertRefused("Only the evaluation committee",
                                                             AccessError):
                Project.create({"name": "Orti 2", "partner_id": self.org.id, **vals})

    def test_a_decided_project_is_not_deleted(self):
        """The committee rejected the Coop's project: the coordinator cannot delete it (the
        committee's decisions of the year would lose one); a project still submitted can."""
        project = self._social().with_user(self.committee)
        project.write({"evaluation_date": "2025-03-01", "decision_reason": "No partners",
                       "committee_member_ids": [(4, self.committee.id)]})
        project.action_reject()
        with self.assertRefused("never deleted", UserError):
            project.with_user(self.coordinator).unlink()
        self.assertTrue(project.exists())
        draft = self._social()
        draft.with_user(self.coordinator).unlink()
        self.assertFalse(draft.exists())

    def test_funding_approved_never_below_paid(self):
        """Issue 15.19: the funding approved was lowered to 6,250 with 12,500 paid."""
        project = self._social()
        committee = project.with_user(self.committee)
        committee.write({"evaluation_date": "2025-03-01", "score": 75.0,
                         "committee_member_ids": [(4, self.committee.id)],
                         "funding_approved": 12500.0})
        committee.action_select()
        project.with_user(self.coordinator).action_accompany()
        Payment = self.env["ixl.social.project.payment"].with_user(self.finance)
        Payment.create({"project_id": project.id, "date": "2025-04-01", "amount": 12500.0})
        with self.assertRefused("cannot be below what was already paid", ValidationError):
            committee.funding_approved = 6250.0
        with self.assertRefused("would exceed the funding approved", ValidationError):
            Payment.create({"project_id": project.id, "date": "2025-04-02", "amount": 0.01})
        payment = project.payment_ids
        # constraints refuse these changes once written: the request's rollback (here the
        # savepoint of assertRefused / assertRaises) takes them away, nothing to check after
        with self.assertRaises(AccessError):  # posted money is reversed, never edited
            payment.with_user(self.finance).amount = 12500.01
        committee.funding_approved = 15000.0  # the committee may still raise it
        staff = project.with_user(self.coordinator)
        staff.action_positive()
        staff.action_conclude()
        with self.assertRaises(AccessError):
            committee.funding_approved = 12500.0  # a concluded project's funding is final


@tagged("post_install", "-at_install")
class TestSocialProjectPayments(MicrocreditCase):
    """Finance paid 12,500 on a project; the bank returned 2,500 of it as a wrong
    transfer. The payment is never edited nor deleted over RPC: it is reversed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["ixl.social.project"].create({
            "name": "Orti condivisi", "partner_id": cls.env["res.partner"].create(
                {"name": "Coop Orti", "is_company": True}).id,
            "funding_approved": 12500.0})
        cls.payment = cls.env["ixl.social.project.payment"].with_user(cls.finance).create({
            "project_id": cls.project.id, "date": "2025-04-01", "amount": 12500.0,
            "reference": "BON-1"})
        cls.other = cls.env["ixl.social.project"].create({
            "name": "Riparazioni", "partner_id": cls.project.partner_id.id,
            "funding_approved": 20000.0})

    def test_a_posted_payment_is_not_edited_nor_deleted(self):
        for user in (self.finance, self.coordinator):
            for vals in ({"amount": 10000.0}, {"date": "2025-05-01"},
                         {"project_id": self.other.id}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    self.payment.with_user(user).write(vals)
            with self.assertRaisesRegex(UserError, "never deleted"):
                self.payment.with_user(user).unlink()
        self.payment.with_user(self.finance).reference = "BON-1 (Emil Banca)"
        self.assertEqual(self.payment.amount, 12500.0)

    def test_a_mistake_is_reversed_once(self):
        Payment = self.env["ixl.social.project.payment"].with_user(self.finance)
        with self.assertRaises(AccessError):  # nobody forges a reversal
            Payment.create({"project_id": self.project.id, "amount": -12500.0,
                            "reversal_of_id": self.payment.id})
        with self.assertRaises(ValidationError):
            Payment.create({"project_id": self.project.id, "amount": -2500.0})
        with self.assertRaises(AccessError):
            self.payment.with_user(self.operator).action_reverse()
        self.payment.with_user(self.finance).action_reverse()
        reversal = self.payment.reversal_ids
        self.assertEqual((reversal.amount, self.project.funding_paid), (-12500.0, 0.0))
        with self.assertRaisesRegex(UserError, "already reversed"):
            self.payment.with_user(self.finance).action_reverse()
        with self.assertRaisesRegex(UserError, "already reversed"):
            reversal.with_user(self.finance).action_reverse()
        Payment.create({"project_id": self.project.id, "date": "2025-04-02",
                        "amount": 10000.0, "reference": "BON-2"})
        self.assertEqual(self.project.funding_paid, 10000.0)
