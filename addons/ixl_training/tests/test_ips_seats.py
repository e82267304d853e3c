from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase

from .common import RefusedMixin


@tagged("post_install", "-at_install")
class TestIps(RefusedMixin, IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ips_user = new_test_user(cls.env, login="ixl_ips", name="Irene IPS",
                                     groups="ixl_training.group_ixl_ips_operator")
        cls.portal = new_test_user(cls.env, login="ixl_portal_ips", name="Paolo Portal",
                                   groups="base.group_portal")
        cls.worker = cls.env["hr.employee"].create({"name": "Irene IPS",
                                                    "is_ips_operator": True})
        cls.other = cls.env["hr.employee"].create({"name": "Not IPS"})
        cls.person = cls.make_beneficiary(state="active")
        cls.path = cls.env["ixl.ips.path"].create({
            "beneficiary_id": cls.person.id, "employee_id": cls.worker.id,
            "date_start": "2026-01-10", "weekly_hours": 5, "notes": "<p>Health notes</p>"})

    def test_expected_end_and_operator(self):
        self.assertEqual(str(self.path.date_expected_end), "2026-10-10")
        with self.assertRefused(ValidationError, "is not an IPS operator"):
            self.env["ixl.ips.path"].create({"beneficiary_id": self.person.id,
                                             "employee_id": self.other.id})

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
            third.date_end = "2031-02-28"
            third.invalidate_recordset(["caseload_warning"])
            self.assertFalse(third.caseload_warning)


@tagged("post_install", "-at_install")
class TestRetrainingSeats(RefusedMixin, IxlCase):
    def test_quota(self):
        self.env["ir.config_parameter"].set_param("ixl_training.retraining_seats", 2)
        Seat = self.env["ixl.retraining.seat"].with_user(self.operator)
        people = [self.make_beneficiary(state="active") for _i in range(3)]
        with freeze_time("2031-06-30"):
            Seat.create({"beneficiary_id": people[0].id})
            Seat.create({"beneficiary_id": people[1].id, "date": "2031-12-31"})
            with self.assertRefused(ValidationError, "2 re-training seats of 2031"):
                Seat.create({"beneficiary_id": people[2].id})
            self.assertEqual(Seat.search_count([("year", "=", 2031)]), 2, "nothing saved")
            # The quota is per year.
            Seat.create({"beneficiary_id": people[2].id, "date": "2032-01-01"})
            with self.assertRefused(ValidationError, "already has a re-training seat"):
                Seat.create({"beneficiary_id": people[2].id, "date": "2032-02-01"})
            with self.assertRefused(ValidationError, "is not admitted"):
                Seat.create({"beneficiary_id": self.make_beneficiary().id, "date": "2032-02-01"})
