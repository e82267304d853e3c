"""Issue 17.4: internships and traineeships follow the regional rule of Emilia-Romagna
(ixl.internship.rule): minimum indemnity, duration by the trainee's category, the full
indemnity at 70% monthly attendance, the host's quota by staff size. Cases as staff meet
them, through the form and the wizards they use."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import InternshipCase


@tagged("post_install", "-at_install")
class TestInternshipRules(InternshipCase):
    """Staff at work on 2 April 2026: March is past, April has begun."""

    freeze_time = "2026-04-02 10:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env.ref("ixl_board.internship_rule_er_2019")
        cls.small_host = cls.env["res.partner"].create({
            "name": "Forno Piccolo Snc", "is_company": True, "ixl_employee_count": 4})
        cls.admin = new_test_user(cls.env, login="rules_admin",
                                  groups="ixl_beneficiary.group_ixl_admin")

    def _form_internship(self, **values):
        """An operator records an internship on the form."""
        with Form(self.env["ixl.internship"].with_user(self.operator)) as form:
            form.beneficiary_id = values.pop("beneficiary_id", self.person)
            form.partner_id = values.pop("partner_id", self.employer)
            for name, value in values.items():
                setattr(form, name, value)
        return form.record

    def _count(self, **domain):
        return self.env["ixl.internship"].search_count(
            [(name, "=", value) for name, value in domain.items()])

    def _assert_form_refused(self, pattern, **values):
        """The internship form saved with ``values``: refused with ``pattern``, and the
        person has no internship."""
        with self.assertRaisesRegex(ValidationError, pattern), self.cr.savepoint():
            self._form_internship(**values)
        self.assertEqual(self._count(beneficiary_id=self.person.id), 0)

    # INDEMNITY

    def test_three_month_traineeship_at_400_is_refused(self):
        """A 3-month traineeship at 400 EUR a month: refused, with the minimum said, and
        nothing saved; at 450 EUR it is recorded."""
        values = {"kind": "traineeship", "date_start": date(2026, 5, 1),
                  "date_end": date(2026, 7, 31), "monthly_indemnity": 400}
        self._assert_form_refused(r"below the regional minimum of 450", **values)
        internship = self._form_internship(**dict(values, monthly_indemnity=450))
        self.assertEqual((internship.kind, internship.monthly_indemnity), ("traineeship", 450))
        # Lowering it later is refused too, and the months keep the old rate.
        with self.assertRaisesRegex(ValidationError, "below the regional minimum"), \
                self.cr.savepoint():
            internship.with_user(self.operator).monthly_indemnity = 449.99
        self.assertEqual(set(internship.month_ids.mapped("monthly_indemnity")), {450})

    # DURATION

    def test_ten_month_traineeship_needs_a_disadvantaged_trainee(self):
        values = {"kind": "traineeship", "date_start": date(2026, 5, 1),
                  "date_end": date(2027, 2, 28), "monthly_indemnity": 500}
        self._assert_form_refused(r"more than 6 months.*by 2026-10-31", **values)
        internship = self._form_internship(trainee_category="disadvantaged", **values)
        self.assertEqual(internship.trainee_category, "disadvantaged")
        self.assertEqual(len(internship.month_ids), 10)
        # 12 months at most for a disadvantaged person; 24 for a person with disability.
        longer = {"date_end": date(2027, 6, 30)}
        with self.assertRaisesRegex(ValidationError, "more than 12 months"), \
                self.cr.savepoint():
            internship.with_user(self.operator).write(longer)
        internship.with_user(self.operator).write(dict(longer, trainee_category="disabled"))
        with self.assertRaisesRegex(ValidationError, "more than 24 months"), \
                self.cr.savepoint():
            internship.with_user(self.operator).date_end = date(2028, 5, 1)

    def test_extension_beyond_six_months_is_refused(self):
        internship = self._internship(date_start="2026-03-01", date_end="2026-06-30")
        internship.with_user(self.operator).action_start()
        with self.assertRaisesRegex(ValidationError, "more than 6 months"), \
                self.cr.savepoint():
            self._extend(internship, date(2026, 9, 30))
        self.assertEqual(internship.date_end, date(2026, 6, 30))
        self._extend(internship, date(2026, 8, 31))
        self.assertEqual(internship.date_end, date(2026, 8, 31))

    def test_one_month_is_too_short_but_an_early_end_is_allowed(self):
        self._assert_form_refused(
            "less than the regional minimum of 2 months.*2026-06-30 or later",
            date_start=date(2026, 5, 1), date_end=date(2026, 5, 31), monthly_indemnity=500)
        internship = self._internship(date_start="2026-04-01", date_end="2026-06-30")
        internship.with_user(self.operator).action_start()
        # The trainee leaves after three weeks: closing early is not a plan, it is allowed.
        self._close(internship, "ended", date_end=date(2026, 4, 21))
        self.assertEqual((internship.state, internship.date_end),
                         ("done", date(2026, 4, 21)))

    def test_category_of_an_ended_traineeship_stays(self):
        """Ten months for a disadvantaged trainee, ended: the category that allowed them
        can no longer be changed behind the rule (the rule does not check an ended one)."""
        internship = self._internship(date_start="2026-03-01", date_end="2026-12-31",
                                      trainee_category="disadvantaged")
        internship.with_user(self.operator).action_start()
        self._close(internship, "ended", date_end=date(2026, 4, 1))
        with self.assertRaises(AccessError), self.cr.savepoint():
            internship.with_user(self.operator).trainee_category = "standard"
        self.assertEqual(internship.trainee_category, "disadvantaged")

    # ATTENDANCE

    def _attendance(self, line, planned, attended, user=None):
        return self.run_wizard(line, "action_open_attendance", user, hours_planned=planned,
                               hours_attended=attended)

    def _march(self, internship):
        return internship.month_ids.filtered(lambda line: line.month == date(2026, 3, 1))

    def test_march_attendance_65_percent_indemnity_not_full(self):
        internship = self._internship()  # 15 January - 10 April, 600 EUR
        internship.with_user(self.operator).action_start()
        march = self._march(internship)
        self.assertEqual((march.amount, march.full_amount), (600, 600))
        self._attendance(march, 120, 78)  # 65%
        self.assertRecordValues(march, [{
            "attendance_percent": 65.0, "below_threshold": True, "amount": 0.0,
            "attendance_date": date(2026, 4, 2), "full_amount": 600}])
        self.assertIn("65.0%", internship.message_ids[0].body)
        # Corrected from the register before payment: 84 of 120 hours is 70%, full.
        self._attendance(march, 120, 84)
        self.assertRecordValues(march, [{"attendance_percent": 70.0,
                                         "below_threshold": False, "amount": 600}])
        self.assertAlmostEqual(internship.total_indemnity, 1729.03, places=2)

    def test_below_threshold_proportional_when_the_rule_says_so(self):
        self.rule.sudo().below_threshold = "proportional"
        internship = self._internship()
        internship.with_user(self.operator).action_start()
        march = self._march(internship)
        self._attendance(march, 120, 78)
        self.assertEqual(march.amount, 390.0)  # 65% of 600
        # A new indemnity for the open months keeps April's recorded attendance.
        april = internship.month_ids[-1]
        self._attendance(april, 40, 20)
        self.assertEqual(april.amount, 100.0)  # 50% of 200 (10 days of April)
        internship.with_user(self.operator).monthly_indemnity = 900
        self.assertEqual((april.attendance_percent, april.amount), (50.0, 150.0))
        self.assertEqual(march.amount, 390.0)  # past: fixed

    def test_attendance_refusals(self):
        internship = self._internship(date_end="2026-05-31")
        march = self._march(internship)
        with self.assertRaisesRegex(UserError, "started internship"):
            self._attendance(march, 120, 100)
        internship.with_user(self.operator).action_start()
        may = internship.month_ids[-1]
        with self.assertRaisesRegex(UserError, "has not begun"):
            self._attendance(may, 120, 100)
        with self.assertRaisesRegex(UserError, "from 0 to the hours planned"):
            self._attendance(march, 120, 130)
        self._pay(march, date=date(2026, 4, 1))
        with self.assertRaisesRegex(UserError, "already paid"):
            self._attendance(march, 120, 60)
        self.assertEqual((march.attendance_date, march.amount), (False, 600))

    # HOST QUOTA

    def test_small_host_with_a_running_trainee_cannot_take_a_second(self):
        first = self._internship(partner_id=self.small_host.id)
        first.with_user(self.operator).action_start()
        second = self.make_beneficiary(state="active")
        with self.assertRaisesRegex(ValidationError, r"Forno Piccolo Snc \(4 employees\) may "
                                                     r"host 1 trainee"), self.cr.savepoint():
            self._form_internship(beneficiary_id=second, partner_id=self.small_host,
                                  date_start=date(2026, 3, 1), date_end=date(2026, 5, 31),
                                  monthly_indemnity=500)
        self.assertEqual(self._count(partner_id=self.small_host.id), 1)
        # After the first one ends, the host may take the second.
        after = self._form_internship(
            beneficiary_id=second, partner_id=self.small_host, date_start=date(2026, 4, 11),
            date_end=date(2026, 6, 30), monthly_indemnity=500)
        self.assertEqual(after.partner_id, self.small_host)
        # With 6 employees it may host two at a time.
        self.small_host.ixl_employee_count = 6
        self._internship(partner_id=self.small_host.id, beneficiary_id=second.id,
                         date_start="2026-03-01", date_end="2026-04-30")

    def test_quota_of_a_larger_host(self):
        self.assertEqual([self.rule._ixl_quota(staff) for staff in (0, 5, 6, 20, 21, 25, 40)],
                         [1, 1, 2, 2, 3, 3, 4])
        self.employer.ixl_employee_count = 25  # 10% of 25, rounded up: 3
        for _index in range(3):
            self._internship(beneficiary_id=self.make_beneficiary(state="active").id)
        with self.assertRaisesRegex(ValidationError, "may host 3 trainee"), \
                self.cr.savepoint():
            self._internship(beneficiary_id=self.make_beneficiary(state="active").id)

    # OLD RECORDS, NEW RULES

    def test_old_internship_still_loads_and_changes(self):
        """An internship recorded before the rule (400 EUR, one month) stays valid: it
        loads, and a change outside the rule's values is accepted."""
        internship = self._internship()
        self.env.cr.execute(
            "UPDATE ixl_internship SET monthly_indemnity = 400, date_end = '2026-02-10' "
            "WHERE id = %s", [internship.id])
        internship.invalidate_recordset()
        form = Form(internship.with_user(self.operator))
        form.tutor_name = "Nuovo Tutor"
        form.save()
        self.assertEqual((internship.monthly_indemnity, internship.tutor_name),
                         (400, "Nuovo Tutor"))
        internship.with_user(self.operator).action_start()
        self.assertEqual(internship.state, "ongoing")

    def test_a_new_law_applies_from_its_date_only(self):
        new_rule = self.rule.with_user(self.admin).copy({
            "name": "New regional law", "date_from": date(2027, 1, 1),
            "min_monthly_indemnity": 500})
        self._internship(date_start="2026-11-01", date_end="2027-01-31",
                         monthly_indemnity=450)
        with self.assertRaisesRegex(ValidationError, "minimum of 500"), self.cr.savepoint():
            self._internship(date_start="2027-01-01", date_end="2027-03-31",
                             monthly_indemnity=450)
        # The rule followed by internships keeps its values; the unused one may change.
        with self.assertRaisesRegex(AccessError, "as a new rule"), self.cr.savepoint():
            self.rule.with_user(self.admin).min_monthly_indemnity = 300
        new_rule.with_user(self.admin).min_monthly_indemnity = 480
        self.rule.with_user(self.admin).note = "Sources checked in 2026"

    def test_the_rule_followed_stays_in_force(self):
        """The administrator cannot take an internship away from the rule it follows:
        not by archiving or deleting that rule, nor by adding one in force from an
        earlier day than the internship's start."""
        internship = self._internship()
        Rule = self.env["ixl.internship.rule"].with_user(self.admin)
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.rule.with_user(self.admin).active = False
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.rule.with_user(self.admin).unlink()
        with self.assertRaisesRegex(ValidationError, "earlier rule"), self.cr.savepoint():
            Rule.create({"name": "Backdated law", "date_from": internship.date_start,
                         "min_monthly_indemnity": 900})
        later = Rule.create({"name": "Next law", "date_from": date(2027, 1, 1)})
        with self.assertRaisesRegex(ValidationError, "earlier rule"), self.cr.savepoint():
            later.date_from = internship.date_start
        self.assertEqual(Rule._ixl_rule_on(internship.date_start), self.rule)
        later.unlink()  # followed by nobody yet

    # ACCESS

    def test_access_per_group(self):
        internship = self._internship()
        internship.with_user(self.operator).action_start()
        march = self._march(internship)
        for user in (self.operator, self.coordinator, self.finance):
            self.assertTrue(self.rule.with_user(user).read(["min_monthly_indemnity"]))
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.rule.with_user(user).write({"name": "Changed"})
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.rule.with_user(user).copy({"date_from": "2030-01-01"})
            # Attendance only through the wizard's action.
            with self.assertRaises(AccessError), self.cr.savepoint():
                march.with_user(user).write({"attendance_percent": 100, "amount": 600})
        for user in (self.finance, self.portal_user()):
            with self.assertRaises(AccessError), self.cr.savepoint():
                self._attendance(march, 100, 100, user=user)
        self.assertFalse(march.attendance_date)
        self.rule.with_user(self.admin).write({"name": "Renamed by the administrator"})
        self._attendance(march, 100, 90, user=self.coordinator)
        self.assertEqual(march.attendance_percent, 90)
        # The category (a fact on the person's situation) is not for the host's portal.
        self.assertNotIn("trainee_category",
                         self.env["ixl.internship"].with_user(self.portal_user())
                         .fields_get(attributes=["type"]))

    def portal_user(self):
        if not hasattr(self, "_portal"):
            self._portal = new_test_user(self.env, login="rules_portal",
                                         groups="base.group_portal")
        return self._portal
