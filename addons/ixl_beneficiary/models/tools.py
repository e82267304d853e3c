"""Small helpers shared by the IXL addons: one home for each of these rules."""

from datetime import datetime

import pytz

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
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


def check_period(records, message, start="date_start", end="date_end"):
    """Refuse (``message``, translated by the caller) any of ``records`` that ends before
    it starts; a period missing either date is not checked (open, or not yet known)."""
    if any(rec[start] and rec[end] and rec[end] < rec[start] for rec in records):
        raise ValidationError(message)


def check_percent(value, message):
    """Refuse (``message``, translated by the caller) a percentage outside 0-100."""
    if not 0 <= value <= 100:
        raise ValidationError(message)


def programme_currency(env):
    """The currency of the programme's money (the euro; the company's if the euro is
    missing): the default of every amount's currency."""
    return env.ref("base.EUR", raise_if_not_found=False) or env.company.currency_id


def fmt_amount(env, amount, currency):
    """Money for people: localised, with the currency symbol (exact until here)."""
    return format_amount(env, amount, currency or programme_currency(env))


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


def wizard_action(name, model, **defaults):
    """Window action opening the wizard ``model`` in a dialog titled ``name``, with
    ``defaults`` as its default values (``default_<field>`` in its context)."""
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": model,
        "view_mode": "form",
        "target": "new",
        "context": {f"default_{field}": value for field, value in defaults.items()},
    }


def related_records_action(record, model, field, name, view_mode="list,form", context=None):
    """Window action listing the ``model`` records whose ``field`` is ``record``,
    creating new ones for it by default (the smart buttons of the forms); ``context``
    replaces that default (``{}``: none)."""
    record.ensure_one()
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": model,
        "view_mode": view_mode,
        "domain": [(field, "=", record.id)],
        "context": {f"default_{field}": record.id} if context is None else context,
    }


def count_related(records, model, field, domain=()):
    """{record: how many ``model`` records have ``field`` = record (and match
    ``domain``)} for each of ``records``, 0 for none: the counts of the smart buttons,
    in one query."""
    counts = dict(records.env[model]._read_group(
        [(field, "in", records.ids), *domain], [field], ["__count"]))
    return {record: counts.get(record, 0) for record in records}


def set_related_count(records, count_field, model, field, domain=()):
    """Compute ``count_field`` of ``records``: their ``count_related``."""
    counts = count_related(records, model, field, domain)
    for record in records:
        record[count_field] = counts[record]


def require_group(records, *xmlids):
    """The group half of a transition's check on ``records``: refuse the user unless in
    one of the groups ``xmlids`` (superuser code is trusted: it runs after its own
    check)."""
    env = records.env
    if env.su or any(env.user.has_group(xmlid) for xmlid in xmlids):
        return
    groups = " / ".join(env.ref(xmlid).sudo().name for xmlid in xmlids)
    raise AccessError(env._(
        "Only %(groups)s can do this on %(model)s.", groups=groups, model=records._description))
