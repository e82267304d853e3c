import importlib.util
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import file_path

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


@tagged("post_install", "-at_install")
class TestBoardMembership(IxlCase):
    """Issue 18: a company that joins, leaves and joins the Board again through the
    operator's Board steps keeps each stay, and the dashboard counts the members at
    the end of any past year."""

    freeze_time = "2026-03-01 10:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.partner"].create({"name": "Nuova Srl", "is_company": True})

    def _step(self, method, day):
        return self.run_wizard(self.company, method, date=day)

    def _members_at_end_of(self, year):
        data = self.env["ixl.dashboard"].with_user(self.operator).get_dashboard(
            f"{year}-01-01", f"{year}-12-31")
        board = next(s for s in data["sections"] if s["key"] == "board")
        cell = next(row["cells"][0] for row in board["blocks"][0]["rows"]
                    if row["label"] == "Board members at the end of the period")
        count = self.env[cell["action"]["model"]].search_count(
            cell["action"]["domain"] + [("id", "=", self.company.id)])
        return count, cell

    def test_left_and_joined_again(self):
        self._step("action_ixl_mark_contacted", date(2021, 3, 1))
        self._step("action_ixl_join_board", date(2021, 4, 1))
        self._step("action_ixl_leave_board", date(2022, 12, 31))  # left on the last day
        self._step("action_ixl_join_board", date(2024, 5, 2))
        stays = self.company.with_user(self.operator).ixl_board_membership_ids.sorted(
            "date_from")
        self.assertEqual([(s.date_from, s.date_to) for s in stays], [
            (date(2021, 4, 1), date(2022, 12, 31)), (date(2024, 5, 2), False)])
        # the company's fields alone (join 2024, no leave date) would say "not a member"
        # in 2021 and "member" in 2023
        self.assertEqual([self._members_at_end_of(year)[0]
                          for year in (2020, 2021, 2022, 2023, 2024)], [0, 1, 0, 0, 1])
        # next to 2024's figure, 2023's: the same count as the 2023 dashboard's (other
        # companies, e.g. of the demo, count in both)
        _count, cell = self._members_at_end_of(2024)
        _count, cell_2023 = self._members_at_end_of(2023)
        self.assertEqual(cell["previous"], cell_2023["value"])

    def test_history_is_read_only(self):
        self._step("action_ixl_mark_contacted", date(2021, 3, 1))
        self._step("action_ixl_join_board", date(2021, 4, 1))
        stay = self.company.ixl_board_membership_ids
        for user in (self.operator, self.coordinator, self.finance):
            self.assertEqual(stay.with_user(user).date_from, date(2021, 4, 1))
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                stay.with_user(user).write({"date_from": "2020-01-01"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["ixl.board.membership"].with_user(user).create({
                    "partner_id": self.company.id, "date_from": "2020-01-01"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                stay.with_user(user).unlink()

    def test_migration_gives_each_member_its_stay(self):
        """18.0.1.2.0: the companies of an older database get their stay from their
        Board dates, once (running it again adds nothing)."""
        spec = importlib.util.spec_from_file_location(
            "ixl_board_post_migrate_18_0_1_2_0",
            file_path("ixl_board/migrations/18.0.1.2.0/post-migrate.py"))
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        Partner = self.env["res.partner"]
        member = Partner.create({
            "name": "Old Member", "is_company": True, "ixl_board_state": "member",
            "ixl_contact_date": "2019-01-01", "ixl_board_join_date": "2019-02-01"})
        gone = Partner.create({
            "name": "Old Leaver", "is_company": True, "ixl_board_state": "left",
            "ixl_contact_date": "2019-01-01", "ixl_board_join_date": "2019-02-01",
            "ixl_board_leave_date": "2020-05-05"})
        self.env.flush_all()
        self.env.cr.execute("DELETE FROM ixl_board_membership WHERE partner_id IN %s",
                            [tuple((member | gone).ids)])  # as before the upgrade
        for _run in range(2):
            migration.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        stays = (member | gone).ixl_board_membership_ids
        self.assertEqual(len(stays), 2)
        self.assertEqual(
            {(s.partner_id.id, s.date_from, s.date_to) for s in stays},
            {(member.id, date(2019, 2, 1), False), (gone.id, date(2019, 2, 1), date(2020, 5, 5))})
