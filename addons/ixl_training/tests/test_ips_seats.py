from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase

from .common import new_ips_operator


@tagged("post_install", "-at_install")
class TestIps(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ips_user = new_ips_operator(cls.env, "ixl_ips")
        cls.portal = new_test_user(cls.env, login="ixl_portal_ips", name="Paolo Portal",
                                   groups="base.group_portal")
        cls.internal = new_test_user(cls.env, login="ixl_internal_ips", name="Ines Internal",
                                     groups="base.group_user")
        cls.worker = cls.env["hr.employee"].create({"name": "Irene IPS",
                                                    "is_ips_operator": True})
        cls.other = cls.env["hr.employee"].create({"name": "Not IPS"})
        cls.person = cls.make_beneficiary(state="active")
        cls.path = cls.env["ixl.ips.path"].create({
            "beneficiary_id": cls.person.id, "employee_id": cls.worker.id,
            "date_start": "2026-01-10", "weekly_hours": 5, "notes": "<p>Health notes</p>"})

    def test_expected_end_and_operator(self):
        self.assertEqual(str(self.path.date_expected_end), "2026-10-10")
        with self.assertRefused("is not an IPS operator", ValidationError):
            self.env["ixl.ips.path"].create({"beneficiary_id": self.person.id,
                                             "employee_id": self.other.id})

    def test_placement_path_follows_the_dates_only(self):
        """The person on the path since 10 January is hired on 2 March: the placement
        points to the path. Neither the IPS operator nor the coordinator moves it to
        another path or unlinks it over RPC (the IPS figures would count it elsewhere)."""
        placement = self.env["ixl.placement"].create({
            "beneficiary_id": self.person.id, "employer_id": self.employer.id,
            "placement_type": "hire", "contract_type": "fixed_term",
            "date_start": "2026-03-02"})
        self.assertEqual(placement.sudo().ips_path_id, self.path)
        other = self.env["ixl.ips.path"].create({
            "beneficiary_id": self.make_beneficiary(state="active").id,
            "employee_id": self.worker.id, "date_start": "2026-01-10"})
        for user in (self.ips_user, self.coordinator):
            for call in (lambda u: placement.with_user(u).write({"ips_path_id": other.id}),
                         lambda u: placement.with_user(u).write({"ips_path_id": False}),
                         lambda u: other.with_user(u).write(
                             {"placement_ids": [(4, placement.id)]})):
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    call(user)
        self.assertEqual(placement.sudo().ips_path_id, self.path)

    def test_who_reads_ips(self):
        """IPS operators and coordinators read paths and notes; nobody else."""
        for user, allowed in ((self.ips_user, True), (self.coordinator, True),
                              (self.operator, False), (self.finance, False),
                              (self.portal, False)):
            with self.subTest(user=user.login):
                path = self.path.with_user(user)
                if allowed:
                    self.assertEqual(path.notes, "<p>Health notes</p>")
                    self.assertEqual(path.employee_id.name, "Irene IPS")
                else:
                    self.assertFalse(path.has_access("read"))
                    with self.assertRaises(AccessError):
                        path.read(["notes"])
                    self.assertNotIn("notes", self.env["ixl.ips.path"].with_user(
                        user).fields_get(["notes"]))

    def test_caseload_warning(self):
        """Totals against the limits (relative to the paths already in the database)."""
        Path = self.env["ixl.ips.path"]
        with freeze_time("2031-03-01"):
            base = Path.get_caseload()["total"]
            self.assertFalse(self.path.caseload_warning)
            param = self.env["ir.config_parameter"].set_param
            param("ixl_training.ips_active_limit", base["active"] + 1)
            param("ixl_training.ips_hours_limit", base["hours"] + 8)
            second = Path.create({
                "beneficiary_id": self.make_beneficiary(state="active").id,
                "employee_id": self.worker.id, "date_start": "2031-02-01", "weekly_hours": 4})
            caseload = Path.get_caseload()
            self.assertEqual(caseload["total"], {"active": base["active"] + 1,
                                                 "hours": base["hours"] + 4, "year": 1})
            self.assertEqual(caseload[self.worker]["active"], 2)
            self.assertEqual(caseload[self.worker]["hours"], 9)
            self.assertFalse(second.caseload_warning)
            third = Path.create({
                "beneficiary_id": self.make_beneficiary(state="active").id,
                "employee_id": self.worker.id, "date_start": "2031-02-15", "weekly_hours": 5})
            self.assertIn(f"{base['active'] + 2} active IPS paths", third.caseload_warning)
            self.assertIn("operator hours a week", third.caseload_warning)
            third.action_close("2031-02-28")
            third.invalidate_recordset(["caseload_warning"])
            self.assertFalse(third.caseload_warning)

    def test_caseload_only_for_the_ips_service(self):
        """Issue 14: get_caseload reads all paths as superuser; over RPC a portal user or
        an internal user outside the IPS service is refused before anything is read."""
        for user in (self.portal, self.internal, self.operator, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["ixl.ips.path"].with_user(user).get_caseload()
        for user in (self.ips_user, self.coordinator):
            with self.subTest(user=user.login):
                caseload = self.env["ixl.ips.path"].with_user(user).get_caseload(2026)
                self.assertGreaterEqual(caseload["total"]["year"], 1)
        with self.assertRefused("must be a number", UserError):
            self.env["ixl.ips.path"].with_user(self.ips_user).get_caseload("2026; --")

    def test_closing_only_through_its_actions(self):
        path = self.path.with_user(self.ips_user)
        for user in (self.ips_user, self.coordinator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.path.with_user(user).write({"date_end": "2026-02-01"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["ixl.ips.path"].with_user(user).create({
                    "beneficiary_id": self.person.id, "employee_id": self.worker.id,
                    "date_start": "2026-01-10", "date_end": "2026-01-11"})
        with freeze_time("2026-03-01"):
            with self.assertRefused("between its start and today", UserError):
                path.action_close("2026-01-09")
            with self.assertRefused("between its start and today", UserError):
                path.action_close("2026-03-02")
            with self.assertRefused("Invalid date", UserError):
                path.action_close("31/02/2026")
            wizard = self.env["ixl.ips.path.close"].with_user(self.ips_user).create(
                {"path_id": self.path.id})
            self.assertEqual(str(wizard.date_end), "2026-03-01")
            wizard.date_end = "2026-02-20"
            wizard.action_close()
        self.assertEqual(str(self.path.date_end), "2026-02-20")
        self.assertFalse(self.path.active_path)
        with self.assertRefused("already closed", UserError):
            path.action_close()
        with self.assertRaises(AccessError):
            path.action_reopen()
        self.path.with_user(self.coordinator).action_reopen()
        self.assertTrue(self.path.active_path)


@tagged("post_install", "-at_install")
class TestRetrainingSeats(IxlCase):
    def test_quota(self):
        self.env["ir.config_parameter"].set_param("ixl_training.retraining_seats", 2)
        Seat = self.env["ixl.retraining.seat"].with_user(self.operator)
        people = [self.make_beneficiary(state="active") for _i in range(3)]
        with freeze_time("2031-06-30"):
            Seat.create({"beneficiary_id": people[0].id})
            Seat.create({"beneficiary_id": people[1].id, "date": "2031-12-31"})
            # a constraint refuses the seat once inserted: rolled back with the savepoint
            with self.assertRefused("2 re-training seats of 2031", ValidationError):
                Seat.create({"beneficiary_id": people[2].id})
            # The quota is per year.
            Seat.create({"beneficiary_id": people[2].id, "date": "2032-01-01"})
            with self.assertRefused("already has a re-training seat", ValidationError):
                Seat.create({"beneficiary_id": people[2].id, "date": "2032-02-01"})
            with self.assertRefused("is not admitted", ValidationError):
                Seat.create({"beneficiary_id": self.make_beneficiary().id, "date": "2032-02-01"})
