from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MicrocreditCase


@tagged("post_install", "-at_install")
class TestLockedFields(MicrocreditCase):
    """Issue 14: states, decisions and snapshots change only through the operations
    that check the rule and the group, whatever staff send over RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = (cls.operator, cls.coordinator, cls.finance)
        cls.approved = cls.make_loan(10000.0)
        cls.approved.action_approve()
        cls.disbursed = cls.make_loan(5000.0)
        cls.disbursed.action_approve()
        cls.disbursed.action_disburse()
        cls.org = cls.env["res.partner"].create({"name": "Coop", "is_company": True})
        cls.social = cls.env["ixl.social.project"].create({
            "name": "Garden", "partner_id": cls.org.id, "funding_approved": 12500.0})
        cls.se = cls.env["ixl.selfemployment.project"].create({
            "name": "Bakery", "beneficiary_id": cls.person.id})

    def assertWriteRefused(self, records, vals, users=None):
        """Every user of ``users`` (default operator, coordinator, finance) is refused
        the write of ``vals`` before anything is written (no savepoint: assertRaisesRegex),
        and nothing changes."""
        for user in users or self.staff:
            before = records.read(list(vals))
            with self.subTest(model=records._name, vals=vals, user=user.login), \
                    self.assertRaisesRegex(UserError, ""):  # any refusal
                records.with_user(user).write(vals)
            records.invalidate_recordset()
            self.assertEqual(records.read(list(vals)), before)

    def assertCreateRefused(self, model, vals, users=None):
        for user in users or self.staff:
            count = self.env[model].search_count([])
            with self.subTest(model=model, vals=vals, user=user.login), \
                    self.assertRaisesRegex(AccessError, ""):  # any refusal
                self.env[model].with_user(user).create(vals)
            self.assertEqual(self.env[model].search_count([]), count)

    def test_refused_loan_cannot_be_written_approved(self):
        """Finance wrote state=approved on a 1,917,000 loan the approval had refused, then
        disbursed it with no guarantee."""
        big = self.make_loan(1917000.0)
        # refused before anything is written: no savepoint (assertRaisesRegex), checked after
        with self.assertRaisesRegex(UserError, "does not fit in the free capacity"):
            big.with_user(self.finance).action_approve()
        self.assertWriteRefused(big, {"state": "approved"})
        self.assertWriteRefused(big, {"date_approved": "2025-06-01", "coverage_rate": 80.0})
        with self.assertRaisesRegex(UserError, "this operation is not possible"):
            big.with_user(self.finance).action_disburse()
        self.assertEqual((big.state, big.guarantee_amount), ("requested", 0.0))

    def test_loan_locked_and_frozen_fields(self):
        self.assertWriteRefused(self.approved, {"coverage_rate": 0.0})
        self.assertWriteRefused(self.approved, {"amount_approved": 9000.0})
        self.assertWriteRefused(self.approved, {"state": "disbursed"})
        self.assertWriteRefused(self.approved, {"date_disbursed": "2025-02-01"})
        self.assertWriteRefused(self.disbursed, {"amount_disbursed": 4000.0})
        self.assertWriteRefused(self.disbursed, {"term_months": 20})
        self.assertWriteRefused(self.disbursed, {"state": "repaid", "date_closed": "2025-03-01"})
        self.assertWriteRefused(self.disbursed, {"instalment_ids": [(5, 0, 0)]})
        # what the loan's state still allows, and unchanged values sent back by the form
        self.approved.with_user(self.finance).write({"amount_disbursed": 9000.0, "note": "ok"})
        self.approved.with_user(self.coordinator).write({"coverage_rate": 80.0,
                                                         "state": "approved"})
        base = {"fund_id": self.fund.id, "product_id": self.product80.id,
                "beneficiary_id": self.person.id, "amount_requested": 1000.0,
                "amount_approved": 1000.0}
        for extra in ({"state": "approved"}, {"coverage_rate": 80.0},
                      {"date_approved": "2025-01-05"}, {"date_closed": "2025-01-05"}):
            self.assertCreateRefused("ixl.loan", {**base, **extra},
                                     users=(self.coordinator, self.finance))

    def test_social_project_decision_only_by_committee(self):
        """An operator wrote decision=selected, state=concluded on a submitted project."""
        for vals in ({"state": "selected", "decision": "selected"}, {"state": "concluded"},
                     {"decision": "rejected"}):
            self.assertWriteRefused(self.social, vals, users=(*self.staff, self.committee))
        self.assertCreateRefused("ixl.social.project", {
            "name": "Skip", "partner_id": self.org.id, "decision": "selected",
            "state": "selected"}, users=(self.operator, self.coordinator))
        for user in self.staff:
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.social.with_user(user).action_select()
        committee = self.social.with_user(self.committee)
        committee.write({"evaluation_date": "2025-03-01", "score": 70.0,
                         "committee_member_ids": [(4, self.committee.id)]})
        committee.action_select()
        self.assertEqual((self.social.state, self.social.decision), ("selected", "selected"))
        # the evaluation behind the decision is frozen; follow-up steps are coordinators'
        self.assertWriteRefused(self.social, {"score": 95.0}, users=(self.committee,))
        for user in (self.operator, self.finance, self.committee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.social.with_user(user).action_accompany()
        self.social.with_user(self.coordinator).action_accompany()
        self.assertEqual(self.social.state, "accompaniment")

    def test_selfemployment_start_only_through_its_steps(self):
        """An operator wrote state=started on a proposed project."""
        self.assertWriteRefused(self.se, {"state": "started"})
        self.assertWriteRefused(self.se, {"date_started": "2025-05-01"})
        self.assertCreateRefused("ixl.selfemployment.project", {
            "name": "Shop", "beneficiary_id": self.person.id, "state": "started"},
            users=(self.operator, self.coordinator))
        for action in ("action_accompany", "action_standby", "action_reject", "action_start"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(self.se.with_user(self.operator), action)()
        self.se.with_user(self.operator).idea = "Bread and cakes"  # a proposal stays editable
        self.se.with_user(self.coordinator).action_accompany()
        self.se.with_user(self.coordinator).action_start()
        self.assertEqual(self.se.state, "started")

    def test_ledger_ceiling_instalments_fund(self):
        move = self.fund.move_ids[:1]
        self.assertWriteRefused(move, {"amount": 1.0}, users=(self.coordinator, self.finance))
        self.assertWriteRefused(self.fund.ceiling_ids, {"amount": 1.0},
                           users=(self.coordinator, self.finance))
        self.assertWriteRefused(self.disbursed.instalment_ids[:1], {"paid_amount": 500.0},
                           users=(self.coordinator, self.finance))
        self.assertWriteRefused(self.fund, {"posting_count": 0}, users=(self.coordinator,
                                                                   self.finance))
        self.assertWriteRefused(self.fund, {"currency_id": self.env.ref("base.USD").id},
                           users=(self.coordinator, self.finance))
        for user in (self.coordinator, self.finance):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.env["ixl.fund.move"].with_user(user).with_context(
                    ixl_fund_posting=True, ixl_transition=True).create({
                        "fund_id": self.fund.id, "date": "2025-02-01",
                        "move_type": "ceiling", "amount": 1000000.0})
        self.fund.with_user(self.finance).warning_threshold = 90.0

    def test_loan_operations_need_coordinator_or_finance(self):
        loan = self.make_loan(1000.0)
        for user in (self.operator, self.committee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                loan.with_user(user).action_approve()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.fund.with_user(user).change_ceiling("2025-06-01", 200000.0, "Nope")
        loan.with_user(self.coordinator).action_approve()
        loan.with_user(self.finance).action_cancel()
        self.assertEqual((loan.state, loan.guarantee_amount), ("cancelled", 0.0))
