"""Small helpers shared by the IXL addons: one home for each of these rules."""

from datetime import datetime

import pytz

from odoo import fields
from odoo.tools import SQL
from odoo.tools.misc import format_amount

LOCAL_TZ = "Europe/Rome"
YOUNG_AGE_LIMIT = 35
AGE_BANDS = [("under_35", "Under 35"), ("35_over", "35 and over")]


def age_band(age):
    """Age band of the reports: under 35 or 35 and over (False without a birth date)."""
    if age is None or age is False:
        return False
    return "under_35" if age < YOUNG_AGE_LIMIT else "35_over"


def local_date(value):
    """The Bologna calendar date of a UTC datetime (Odoo stores naive UTC): the date of a
    person's event. Dates pass through; False stays False."""
    if not value:
        return value
    if not isinstance(value, datetime):
        return fields.Date.to_date(value)
    return pytz.utc.localize(value).astimezone(pytz.timezone(LOCAL_TZ)).date()


def local_today():
    """Today in Bologna."""
    return datetime.now(pytz.timezone(LOCAL_TZ)).date()


def fmt_amount(env, amount, currency):
    """Money for people: localised, with the currency symbol (exact until here)."""
    currency = currency or env.ref("base.EUR")
    return format_amount(env, amount, currency)


def lock_rows(records, counter_field):
    """Lock the rows of ``records`` for this transaction and bump ``counter_field``.

    NOWAIT: a concurrent transaction fails at once with LockNotAvailable (Odoo retries
    the request). The UPDATE makes a transaction whose snapshot predates another one's
    change fail with a serialization error instead of deciding on stale sums (Odoo runs
    in REPEATABLE READ)."""
    if not records:
        return
    ids = tuple(records.ids)
    table = SQL.identifier(records._table)
    column = SQL.identifier(counter_field)
    records.env.cr.execute(SQL("SELECT id FROM %s WHERE id IN %s FOR UPDATE NOWAIT", table, ids))
    records.env.cr.execute(SQL(
        "UPDATE %s SET %s = COALESCE(%s, 0) + 1 WHERE id IN %s", table, column, column, ids))
    records.invalidate_recordset([counter_field])


def related_records_action(record, model, field, name):
    """Window action listing the ``model`` records whose ``field`` is ``record``,
    creating new ones for it by default (the smart buttons of the forms)."""
    record.ensure_one()
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": model,
        "view_mode": "list,form",
        "domain": [(field, "=", record.id)],
        "context": {f"default_{field}": record.id},
    }
