from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import TrainingCase, new_ips_operator


@tagged("post_install", "-at_install")
class TestTraining(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_beneficiary(state="in_target")
        cls.edition = cls.make_edition()
        cls.ips_user = new_ips_operator(cls.env, "ixl_ips")
        cls.portal = new_test_user(cls.env, login="ixl_portal_tr", name="Paolo Portal",
                                   groups="base.group_portal")

    def _refused(self, model, vals, message):
        # a constraint refuses the record once inserted: the request's rollback (here
        # assertRefused's savepoint) takes it away, nothing to count after it
        with self.assertRefused(message, ValidationError):
            self.env[model].create(vals)

    def test_edition_defaults(self):
        self.assertEqual(self.edition.provider_id, self.provider)
        self.assertEqual(self.edition.agreement_id, self.agreement)
        self.assertEqual(self.edition.window_months, 6)
        self.assertEqual(self.edition.currency_id, self.eur)
        self.assertEqual(self.provider.training_agreement_id, self.agreement)

    def test_bad_input_refused(self):
        base = {"name": "Bad", "provider_id": self.provider.id}
        for share in (-1, 100.5, 250):
            self._refused("ixl.training.agreement", {**base, "risk_share": share},
                          "between 0 and 100%")
        edition = {"name": "Bad", "course_id": self.course.id, "date_start": "2025-03-01"}
        self._refused("ixl.course.edition", {**edition, "date_end": "2025-02-28"},
                      "cannot be before its start date")
        self._refused("ixl.course.edition", {**edition, "date_end": "2025-03-01",
                                             "total_cost": -1}, "cannot be negative")

    def test_boundary_values_accepted(self):
        for share in (0, 100):
            agreement = self.env["ixl.training.agreement"].create(
                {"name": f"Share {share}", "provider_id": self.provider.id, "risk_share": share})
            self.assertEqual(agreement.risk_share, share)
        edition = self.make_edition("Same day", date_start="2025-05-05",
                                    date_end="2025-05-05", total_cost=0)
        self.assertEqual(edition.total_cost, 0)

    def test_enrolment_rules(self):
        Package = "ixl.training.package"
        for state in ("registered", "interviewed", "out_of_target", "out_of_protocol"):
            person = self.make_beneficiary(state=state)
            self._refused(Package, {"beneficiary_id": person.id,
                                    "edition_id": self.edition.id}, "is not admitted")
        package = self.env[Package].with_user(self.operator).create(
            {"beneficiary_id": self.person.id, "edition_id": self.edition.id})
        self.assertEqual(package.outcome, "enrolled")
        self._refused(Package, {"beneficiary_id": self.person.id,
                                "edition_id": self.edition.id}, "already enrolled")
        self.assertEqual(self.person.training_package_count, 1)
        action = self.person.action_view_training_packages()
        self.assertEqual(self.env[Package].search(action["domain"]), package)

    def test_access_per_group(self):
        """(model, user, can read, can create) for the main models."""
        users = {"operator": self.operator, "coordinator": self.coordinator,
                 "finance": self.finance, "ips": self.ips_user, "portal": self.portal}
        table = [
            ("ixl.course.edition", {"operator": (1, 1), "coordinator": (1, 1),
                                    "finance": (1, 0), "ips": (1, 1), "portal": (0, 0)}),
            ("ixl.training.package", {"operator": (1, 1), "coordinator": (1, 1),
                                      "finance": (1, 0), "ips": (1, 1), "portal": (0, 0)}),
            ("ixl.training.agreement", {"operator": (1, 0), "coordinator": (1, 1),
                                        "finance": (1, 0), "ips": (1, 0), "portal": (0, 0)}),
            ("ixl.training.settlement", {"operator": (1, 0), "coordinator": (1, 1),
                                         "finance": (1, 1), "ips": (1, 0), "portal": (0, 0)}),
            ("ixl.ips.path", {"operator": (0, 0), "coordinator": (1, 1),
                              "finance": (0, 0), "ips": (1, 1), "portal": (0, 0)}),
            ("ixl.retraining.seat", {"operator": (1, 1), "coordinator": (1, 1),
                                     "finance": (1, 0), "ips": (1, 1), "portal": (0, 0)}),
        ]
        for model, rights in table:
            for key, (read, create) in rights.items():
                with self.subTest(model=model, user=key):
                    records = self.env[model].with_user(users[key])
                    self.assertEqual(records.has_access("read"), bool(read))
                    self.assertEqual(records.has_access("create"), bool(create))

    def test_operator_cannot_read_packages_as_portal(self):
        self.env["ixl.training.package"].create(
            {"beneficiary_id": self.person.id, "edition_id": self.edition.id})
        with self.assertRaises(AccessError):
            self.env["ixl.training.package"].with_user(self.portal).search([])

    def test_outcome_only_through_its_actions(self):
        """Issue 14: the outcome of a package is a decision: operators record it with its
        buttons (completed or qualified once the course ended, dropped out any time),
        coordinators reopen it; nobody writes it directly."""
        package = self.env["ixl.training.package"].with_user(self.operator).create(
            {"beneficiary_id": self.person.id, "edition_id": self.edition.id})
        for user in (self.operator, self.coordinator, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                package.with_user(user).write({"outcome": "qualified"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["ixl.training.package"].with_user(user).create({
                    "beneficiary_id": self.make_beneficiary(state="active").id,
                    "edition_id": self.edition.id, "outcome": "qualified"})
        mine = package.with_user(self.operator)
        with freeze_time("2025-03-30"):  # the edition ends on 31 March
            self.assertFalse(mine.can_qualify)
            with self.assertRefused("has not ended yet", UserError):
                mine.action_set_qualified()
        with freeze_time("2025-03-31"):
            mine.invalidate_recordset(["can_qualify"])
            self.assertTrue(mine.can_complete and mine.can_qualify and mine.can_drop)
            mine.action_set_completed()
            mine.action_set_qualified()  # the exam after the course
            self.assertEqual(package.outcome, "qualified")
            with self.assertRefused("cannot follow", UserError):
                mine.action_set_dropped()
            self.assertFalse(mine.can_reset)
            with self.assertRaises(AccessError):
                mine.action_reset_enrolled()
            with self.assertRaises(AccessError):
                package.with_user(self.finance).action_set_dropped()
            package.with_user(self.coordinator).action_reset_enrolled()
            self.assertEqual(package.outcome, "enrolled")

    def test_package_note_only_for_operators(self):
        """Issue 14: finance reads packages (figures) but not the notes about people,
        not even when allowed to export."""
        package = self.env["ixl.training.package"].create({
            "beneficiary_id": self.person.id, "edition_id": self.edition.id,
            "note": "Needs a ride to the course"})
        finance = new_test_user(self.env, login="ixl_finance_export", name="Franco Finance",
                                groups="ixl_beneficiary.group_ixl_finance,base.group_allow_export")
        Package = self.env["ixl.training.package"].with_user(finance)
        self.assertNotIn("note", Package.fields_get())
        self.assertNotIn("note", package.with_user(finance).read([])[0])
        self.assertEqual(package.with_user(finance).export_data(["outcome"])["datas"],
                         [["Enrolled"]])
        for call in (lambda: package.with_user(finance).read(["note"]),
                     lambda: Package.search_read([("id", "=", package.id)], ["note"]),
                     lambda: Package.read_group([], ["note"], ["note"]),
                     lambda: package.with_user(finance).export_data(["note"])):
            with self.assertRaises(AccessError):
                call()
        self.assertEqual(package.with_user(self.operator).note, "Needs a ride to the course")

    def test_seat_is_not_rewritten(self):
        """A seat given counts in its year's quota: whom and when are not changed
        afterwards, and the operator who gave it is the one recorded."""
        seat = self.env["ixl.retraining.seat"].with_user(self.operator).create(
            {"beneficiary_id": self.person.id, "date": "2031-02-01"})
        self.assertEqual(seat.user_id, self.operator)
        other = self.make_beneficiary(state="active")
        for user in (self.operator, self.coordinator):
            for vals in ({"beneficiary_id": other.id}, {"date": "2032-02-01"},
                         {"user_id": self.coordinator.id}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    seat.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            self.env["ixl.retraining.seat"].with_user(self.operator).create({
                "beneficiary_id": other.id, "user_id": self.coordinator.id})
        seat.with_user(self.coordinator).unlink()

    def test_new_edition_form_takes_the_calendar_window(self):
        agreement = self.env["ixl.training.agreement"].create({
            "name": "Placements 2018-2020", "provider_id": self.provider.id,
            "window_end_date": "2020-12-31"})
        form = Form(self.env["ixl.course.edition"].with_user(self.operator))
        form.name = "OSS 2019"
        form.course_id = self.course
        form.agreement_id = agreement
        form.date_start = "2019-01-01"
        form.date_end = "2019-06-30"
        edition = form.save()
        self.assertEqual(str(edition.window_end), "2020-12-31")
