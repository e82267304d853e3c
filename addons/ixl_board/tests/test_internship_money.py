from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import InternshipCase


@tagged("post_install", "-at_install")
class TestIndemnityMonths(InternshipCase):
    """Issue 15.20, on 15 April 2026: January to March are past, April is the current
    month."""

    freeze_time = "2026-04-15 10:00:00"

    def _started(self, **vals):
        values = {"date_start": "2026-01-01", "date_end": "2026-06-30", "monthly_indemnity": 500}
        values.update(vals)
        internship = self._internship(**values)
        internship.with_user(self.operator).action_start()
        return internship

    def _line(self, internship, month):
        return internship.month_ids.filtered(lambda line: line.month == month)

    def test_raise_applies_to_open_months_only(self):
        internship = self._started()
        internship.with_user(self.operator).monthly_indemnity = 600
        self.assertEqual(internship.month_ids.mapped("amount"), [500, 500, 500, 600, 600, 600])
        self.assertEqual(internship.month_ids.mapped("monthly_indemnity"),
                         [500, 500, 500, 600, 600, 600])
        self.assertEqual(internship.total_indemnity, 3300)
        self.assertEqual(internship.month_ids.mapped("is_fixed"),
                         [True, True, True, False, False, False])

    def test_payments(self):
        internship = self._started()
        march = self._line(internship, date(2026, 3, 1))
        april = self._line(internship, date(2026, 4, 1))
        for user in (self.operator, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._pay(march, user=user, date=date(2026, 4, 5))
        self._pay(march, date=date(2026, 4, 5))
        self.assertEqual((march.paid_amount, march.paid_date), (500, date(2026, 4, 5)))
        self.assertIn("500.00", internship.message_ids[:1].body)
        self.assertEqual(internship.total_paid, 500)
        refused = [
            (march, {"date": date(2026, 4, 6)}, "already paid"),
            (april, {"date": date(2026, 4, 16)}, "to today"),
            (april, {"date": date(2026, 3, 31)}, "first day of the month"),
            (april, {"date": date(2026, 4, 15), "amount": 0}, "positive"),
        ]
        for line, values, message in refused:
            with self.subTest(message), self.assertRaisesRegex(UserError, message), \
                    self.cr.savepoint():
                self._pay(line, **values)
        # A month paid in advance is fixed too: a later raise leaves it as paid.
        self._pay(april, date=date(2026, 4, 15), amount=480)
        internship.with_user(self.operator).monthly_indemnity = 700
        self.assertEqual(internship.month_ids.mapped("amount"), [500, 500, 500, 500, 700, 700])
        self.assertEqual(internship.total_paid, 980)
        with self.assertRaises(AccessError):
            april.with_user(self.coordinator).write({"paid_amount": 500})
        with self.assertRaises(AccessError):
            april.with_user(self.coordinator).unlink()

    def test_fixed_months_are_not_lowered(self):
        internship = self._started()
        with self.assertRaisesRegex(UserError, "03/2026"), self.cr.savepoint():
            self._suspend(internship, "2026-03-01", "2026-03-05")
        with self.assertRaisesRegex(UserError, "03/2026"), self.cr.savepoint():
            self._close(internship, "ended", date_end=date(2026, 3, 15))
        self._suspend(internship, "2026-04-01", "2026-04-05")
        april = self._line(internship, date(2026, 4, 1))
        self.assertEqual((april.days_paid, april.amount), (25, 416.67))
        self._pay(april, date=date(2026, 4, 15))
        with self.assertRaisesRegex(UserError, "04/2026"), self.cr.savepoint():
            internship.suspension_ids.with_user(self.operator).unlink()
        self._close(internship, "ended", date_end=date(2026, 5, 20))
        self.assertEqual(self._months(internship)[-1], (date(2026, 5, 1), 20, 0, 20, 322.58))

    def test_extension_after_a_paid_month(self):
        """The extension's days of a month already paid get a line of their own."""
        internship = self._started(date_start="2026-01-10", date_end="2026-03-10",
                                   monthly_indemnity=600)
        march = self._line(internship, date(2026, 3, 1))
        self._pay(march, date=date(2026, 4, 2))
        self._extend(internship, date(2026, 5, 31))
        self.assertEqual(self._months(internship)[2:], [
            (date(2026, 3, 1), 10, 0, 10, 193.55), (date(2026, 3, 1), 21, 0, 21, 406.45),
            (date(2026, 4, 1), 30, 0, 30, 600.0), (date(2026, 5, 1), 31, 0, 31, 600.0)])
        self.assertEqual((march.paid_amount, march.amount), (193.55, 193.55))
