"""Issue 14: states, decisions and snapshots change only through their actions; a closed
internship is frozen. Each locked field, written or created directly (the RPC an
operator, a coordinator or finance could send), is refused."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BoardCase, InternshipCase


@tagged("post_install", "-at_install")
class TestWorkflowLocks(InternshipCase, BoardCase):

    freeze_time = "2025-12-15 10:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.users = (cls.operator, cls.coordinator, cls.finance)
        cls.placement = env["ixl.placement"].create({
            "beneficiary_id": cls.person.id, "employer_id": cls.employer.id,
            "placement_type": "internship", "date_start": "2025-06-01"})
        cls.job_request = cls.make_request()
        cls.candidate = env["ixl.candidate"].create({
            "request_id": cls.job_request.id, "beneficiary_id": cls.person.id})
        cls.internship = env["ixl.internship"].create({
            "partner_id": cls.employer.id, "beneficiary_id": cls.person.id,
            "date_start": "2026-01-15", "date_end": "2026-04-10", "monthly_indemnity": 600})
        cls.suspension = env["ixl.internship.suspension"].create({
            "internship_id": cls.internship.id, "date_from": "2026-02-02",
            "date_to": "2026-02-06"})

    def assertLocked(self, record, values, create_values=None):
        """Every user refused writing each of ``values`` on ``record``, and creating a
        record with it (``create_values`` the rest of a valid record)."""
        for user in self.users:
            for name, value in values.items():
                with self.subTest(model=record._name, field=name, user=user.login):
                    with self.assertRaises(AccessError), self.cr.savepoint():
                        record.with_user(user).write({name: value})
                    if create_values is not None:
                        with self.assertRaises(AccessError), self.cr.savepoint():
                            record.with_user(user).create(dict(create_values, **{name: value}))

    def test_internship(self):
        person = self.make_beneficiary(state="active")
        self.assertLocked(self.internship, {
            "state": "done", "outcome": "ended", "placement_id": self.placement.id,
            "hire_placement_id": self.placement.id,
        }, {"partner_id": self.employer.id, "beneficiary_id": person.id,
            "date_start": "2026-02-01", "date_end": "2026-02-28"})

    def test_months_and_suspensions(self):
        line = self.internship.month_ids[0]
        other = self.internship.copy({"beneficiary_id": self.make_beneficiary("active").id})
        self.assertLocked(line, {
            "amount": 1, "days_paid": 1, "days_in_period": 1, "days_suspended": 1,
            "monthly_indemnity": 1, "paid_amount": 1, "paid_date": "2026-02-01",
            "month": "2026-06-01", "internship_id": other.id,
        }, {"internship_id": self.internship.id, "month": "2026-07-01"})
        self.assertLocked(self.suspension, {
            "indemnity_due": True, "indemnity_reason": "Ordinance",
            "date_from": "2026-02-03", "date_to": "2026-02-09",
            "internship_id": other.id,
        }, {"internship_id": self.internship.id, "date_from": "2026-03-02",
            "date_to": "2026-03-03"})
        for user in self.users:
            with self.subTest(user=user.login), self.assertRaises(AccessError), \
                    self.cr.savepoint():
                line.with_user(user).unlink()

    def test_candidate_and_request(self):
        person = self.make_ready()
        self.assertLocked(self.candidate, {
            "state": "hired", "date_sent": "2025-12-01", "placement_id": self.placement.id,
            "match_score": 99,
        }, {"request_id": self.job_request.id, "beneficiary_id": person.id})
        self.assertLocked(self.job_request, {
            "state": "filled", "reference": "DP/1999/0001", "from_portal": True,
        }, {"name": "Driver", "partner_id": self.company.id,
            "municipality_id": self.bologna.id})

    def test_company_board_state(self):
        self.assertLocked(self.company, {
            "ixl_board_state": "left", "ixl_contact_date": "2020-01-01",
            "ixl_board_join_date": "2020-01-01", "ixl_board_leave_date": "2020-01-01",
        }, {"name": "Direct Srl", "is_company": True})
        # Not through a default of the context either.
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.coordinator).with_context(
                default_ixl_board_state="member").create(
                {"name": "Default Srl", "is_company": True, "ixl_board_state": "member"})

    def test_closed_internship_is_frozen(self):
        """The operator of issue 14 reopened a closed internship, raised its indemnity
        and closed it again."""
        internship = self.internship.with_user(self.operator)
        internship.action_start()
        self._close(internship, "ended")
        total = internship.total_indemnity
        for vals in ({"state": "ongoing"}, {"monthly_indemnity": 750},
                     {"date_end": "2026-04-30"}, {"date_start": "2026-01-16"},
                     {"partner_id": self.company.id}, {"kind": "traineeship"},
                     {"outcome": "hired_permanent"}):
            for user in self.users:
                with self.subTest(vals=vals, user=user.login), \
                        self.assertRaises(AccessError), self.cr.savepoint():
                    internship.with_user(user).write(vals)
        for user in (self.operator, self.coordinator):
            with self.subTest(user=user.login), self.assertRaises(AccessError), \
                    self.cr.savepoint():
                self.suspension.with_user(user).write({"reason": "Changed afterwards"})
        internship.with_user(self.coordinator).write({"tutor_name": "Another tutor"})
        self.assertEqual((internship.state, internship.total_indemnity), ("done", total))
