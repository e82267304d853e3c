"""Building blocks of the dashboard "Programme in numbers" (ixl.dashboard).

A section is a JSON-able dict::

    {"key": "placements", "title": "Placements", "kind": "people" | "funds",
     "sequence": 30, "blocks": [block, ...]}

and a block a small table::

    {"title": "By type", "columns": ["Placements", "%"],
     "rows": [{"label": "Hire", "cells": [cell, ...]}, ...]}

where a cell is ``{"value": 12, "type": "int"|"float"|"pct"|"money"|"text"}`` plus,
for the figures drawn from records, ``"action": {"model": ..., "domain": [...]}``: the
list of the records behind the figure. The web client and the XLSX export both render
these dicts, so a section added by another addon needs no code of its own on either side.
"""
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytz
from dateutil.relativedelta import relativedelta

ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")


def round_half_up(numerator, denominator, scale=1):
    """``numerator * scale / denominator`` rounded to one decimal, half up (exact: no
    binary float in between, so 1/16 = 6.25% gives 6.3%). None when the denominator is 0."""
    if not denominator:
        return None
    value = Decimal(numerator) * Decimal(scale) / Decimal(denominator)
    return float(value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP))


def percent(part, total):
    """Share of ``part`` in ``total`` in %, one decimal half up (None if total is 0)."""
    return round_half_up(part, total, 100)


def money(amount):
    """Amount rounded to the cent, half up."""
    return float(Decimal(str(amount or 0)).quantize(TWO_DECIMALS, rounding=ROUND_HALF_UP))


def count_cell(value, model=None, domain=None):
    cell = {"value": value, "type": "int"}
    if model:
        cell["action"] = {"model": model, "domain": domain or []}
    return cell


def money_cell(value, model=None, domain=None):
    cell = count_cell(money(value), model, domain)
    cell["type"] = "money"
    return cell


def pct_cell(value):
    return {"value": value, "type": "pct"}


def float_cell(value):
    return {"value": value, "type": "float"}


def text_cell(value):
    return {"value": value, "type": "text"}


def row(label, *cells, total=False):
    """A row; ``total=True`` marks a total row, left out of the block's chart."""
    result = {"label": label, "cells": list(cells)}
    if total:
        result["total"] = True
    return result


CHART_TYPES = ("bar", "doughnut", "hbar", "trend")


def block(title, columns, rows, chart=None):
    """A table of figures. ``chart`` says how the web client, the XLSX and the printed
    report draw it: "bar" (one bar per row, e.g. months), "doughnut" (a split), "hbar"
    (a ranking), "trend" (the first column as bars, the last column, a %, as a line).
    A chart draws the first column of the rows not marked ``total``."""
    assert chart in (None, *CHART_TYPES), chart
    result = {"title": title, "columns": list(columns), "rows": list(rows)}
    if chart:
        result["chart"] = chart
    return result


def share_rows(items, total, model, base_domain):
    """Rows "label | count | %" from ``items`` = [(label, count, extra_domain)]."""
    return [
        row(label, count_cell(count, model, base_domain + extra), pct_cell(percent(count, total)))
        for label, count, extra in items
    ]


class Period:
    """A closed range of days [date_from, date_to] (both included)."""

    def __init__(self, date_from, date_to, tz="Europe/Rome"):
        self.date_from = date_from
        self.date_to = date_to
        self.tz = pytz.timezone(tz)

    def date_domain(self, field):
        return [(field, ">=", self.date_from.isoformat()), (field, "<=", self.date_to.isoformat())]

    def utc_bounds(self):
        """UTC datetimes of local midnight on date_from and the day after date_to."""
        def utc(day):
            local = self.tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)
        return utc(self.date_from), utc(self.date_to + timedelta(days=1))

    def datetime_domain(self, field):
        start, stop = self.utc_bounds()
        return [(field, ">=", start.strftime("%Y-%m-%d %H:%M:%S")),
                (field, "<", stop.strftime("%Y-%m-%d %H:%M:%S"))]

    def months(self):
        """[(first day of month, Period of that month within the period)]."""
        result = []
        start = self.date_from.replace(day=1)
        while start <= self.date_to:
            end = start + relativedelta(months=1, days=-1)
            result.append((start, Period(max(start, self.date_from), min(end, self.date_to),
                                         self.tz.zone)))
            start += relativedelta(months=1)
        return result

    def is_whole_months(self):
        return self.date_from.day == 1 and (self.date_to + timedelta(days=1)).day == 1

    def previous(self):
        """The period of the same length just before: whole months when the period is made
        of whole months (a year before a year), else the same number of days."""
        if self.is_whole_months():
            months = len(self.months())
            start = self.date_from - relativedelta(months=months)
            return Period(start, self.date_from - timedelta(days=1), self.tz.zone)
        days = (self.date_to - self.date_from).days + 1
        return Period(self.date_from - timedelta(days=days), self.date_from - timedelta(days=1),
                      self.tz.zone)

    def to_json(self):
        return {"date_from": self.date_from.isoformat(), "date_to": self.date_to.isoformat()}


def month_key(value):
    """(year, month) of a date/datetime returned by a ``field:month`` group."""
    if isinstance(value, (date, datetime)):
        return value.year, value.month
    return None
