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

A section is the method of ixl.dashboard that returns it for a period, declared with
``@section(key, kind, sequence)`` (see ``section``).
"""
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytz
from dateutil.relativedelta import relativedelta

from .tools import local_today

ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")
# Kinds of sections: people for IXL operators, funds for finance and coordinators.
PEOPLE = "people"
FUNDS = "funds"
SECTION_ATTR = "_ixl_dashboard_section"
# Records archived later still count in the figures of the past: a domain on ``active``
# lifts Odoo's implicit filter, so the drill-down lists the same records.
WITH_ARCHIVED = [("active", "in", (True, False))]


def section(key, kind, sequence, compare=True, when=None):
    """Declare the decorated method of ixl.dashboard (``method(self, period)`` returning
    ``{"title", "blocks"}``) as the section ``key`` of ``kind`` (PEOPLE or FUNDS), shown
    in the order of ``sequence``. ``compare=False``: not compared with the previous
    period; ``when(dashboard)``: the section is listed only when it returns true (e.g.
    a group of the user). Like ``@api.ondelete``, but an override of the method in
    another addon need not repeat the decorator: the section stays declared."""
    spec = {"key": key, "kind": kind, "sequence": sequence}
    if not compare:
        spec["compare"] = False

    def decorate(method):
        setattr(method, SECTION_ATTR, (spec, when))
        return method
    return decorate


def may_read(model):
    """A ``when`` of ``section``: the section is listed for who may read the records of
    ``model`` it is drawn from (e.g. meetings for coordinators, IPS paths for IPS staff)."""
    return lambda dashboard: dashboard.env[model].has_access("read")


def declared_sections(dashboard):
    """[{key, kind, sequence, method[, compare]}] of the methods of ``dashboard``'s class
    declared with ``section`` and listed for its user, in the order the addons declare
    them. The classes are read from the base up, so an undecorated override keeps the
    declaration of the method it overrides and a decorated one replaces it."""
    declared = {}
    for cls in reversed(type(dashboard).__mro__):
        for name, member in vars(cls).items():
            if callable(member) and hasattr(member, SECTION_ATTR):
                declared[name] = getattr(member, SECTION_ATTR)
    return [{**spec, "method": name} for name, (spec, when) in declared.items()
            if when is None or when(dashboard)]


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


def row(label, *cells, total=False, compare=True):
    """A row; ``total=True`` marks a total row, left out of the block's chart;
    ``compare=False`` a figure that does not depend on the period (today, all time):
    no previous period next to it."""
    result = {"label": label, "cells": list(cells)}
    if total:
        result["total"] = True
    if not compare:
        result["compare"] = False
    return result


CHART_TYPES = ("bar", "doughnut", "hbar", "trend")
# How a block's rows meet the rows of the same block in the previous period.
COMPARE_MODES = ("label", "position")


def block(title, columns, rows, chart=None, compare="label"):
    """A table of figures. ``chart`` says how the web client, the XLSX and the printed
    report draw it: "bar" (one bar per row, e.g. months), "doughnut" (a split), "hbar"
    (a ranking), "trend" (the first column as bars, the last column, a %, as a line).
    A chart draws the first column of the rows not marked ``total``.

    ``compare`` says how each row finds its row in the previous period (see
    ``attach_previous``): "label" (the same label), "position" (the same place, e.g.
    January next to January) or None (no comparison, e.g. a trend over years)."""
    assert chart in (None, *CHART_TYPES), chart
    assert compare in (None, *COMPARE_MODES), compare
    result = {"title": title, "columns": list(columns), "rows": list(rows)}
    if chart:
        result["chart"] = chart
    if compare != "label":
        result["compare"] = compare
    return result


COMPARED_TYPES = ("int", "float", "money", "pct")


def attach_previous(sections, previous_sections):
    """Give every figure of ``sections`` the value of the same figure in
    ``previous_sections`` (the previous period) as ``previous`` and the ``change``: in %
    of the previous value for counts and amounts (``change_type`` "pct", None when the
    previous value is 0), in percentage points for a % (``change_type`` "points").
    Sections meet by key, blocks by title, rows as the block's ``compare`` says, cells
    by place."""
    previous_by_key = {section["key"]: section for section in previous_sections}
    for section in sections:
        previous = previous_by_key.get(section["key"])
        if not previous:
            continue
        for blk, prev_blk in _paired_blocks(section["blocks"], previous["blocks"]):
            for line, prev_line in _paired_rows(blk, prev_blk):
                for cell, prev_cell in zip(line["cells"], prev_line["cells"], strict=False):
                    _compare_cell(cell, prev_cell)
    return sections


def _paired_blocks(blocks, prev_blocks):
    """Each block with the previous period's block of the same title (the n-th of a title
    with the n-th): a block found in one period only (e.g. a fund opened since) leaves
    the others paired."""
    by_title = defaultdict(list)
    for prev_blk in prev_blocks:
        by_title[prev_blk["title"]].append(prev_blk)
    return [(blk, by_title[blk["title"]].pop(0)) for blk in blocks if by_title[blk["title"]]]


def _paired_rows(blk, prev_blk):
    mode = blk.get("compare", "label")
    if mode == "position":
        if len(blk["rows"]) != len(prev_blk["rows"]):
            return []
        return list(zip(blk["rows"], prev_blk["rows"], strict=True))
    if mode == "label":
        by_label = {line["label"]: line for line in prev_blk["rows"]}
        return [(line, by_label[line["label"]]) for line in blk["rows"]
                if line["label"] in by_label and line.get("compare", True)]
    return []


def _compare_cell(cell, prev_cell):
    if cell["type"] not in COMPARED_TYPES or prev_cell["type"] != cell["type"]:
        return
    value, before = cell["value"], prev_cell["value"]
    cell["previous"] = before
    if cell["type"] == "pct":
        cell["change_type"] = "points"
        cell["change"] = None if value is None or before is None else float(
            (Decimal(str(value)) - Decimal(str(before))).quantize(ONE_DECIMAL))
    else:
        cell["change_type"] = "pct"
        cell["change"] = None if value is None or before is None else round_half_up(
            Decimal(str(value)) - Decimal(str(before)), Decimal(str(before)), 100)


def share_rows(items, total, model, base_domain):
    """Rows "label | count | %" from ``items`` = [(label, count, extra_domain)]."""
    return [
        row(label, count_cell(count, model, base_domain + extra), pct_cell(percent(count, total)))
        for label, count, extra in items
    ]


def split_rows(label, items, total, model, base_domain):
    """A split of ``total``: its row "label | total | 100 %" (marked total), then the
    ``share_rows`` of ``items``."""
    return [row(label, count_cell(total, model, base_domain),
                pct_cell(percent(total, total)), total=True),
            *share_rows(items, total, model, base_domain)]


def year_period(year, tz="Europe/Rome"):
    return Period(date(year, 1, 1), date(year, 12, 31), tz)


def by_year(groups):
    """{year: count} of the rows (``field:year``, count) of a ``_read_group``."""
    return {value.year: count for value, count in groups if value}


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

    def last_day_so_far(self):
        """The end of the period, or today for a period not over yet: figures "at the
        end of the period" of the current year are today's."""
        return min(self.date_to, local_today())

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


def with_total(counts):
    """``counts`` ({(year, month): n}) with their sum under the key None (the period)."""
    return {**counts, None: sum(counts.values())}


def month_key(value):
    """(year, month) of a date/datetime returned by a ``field:month`` group."""
    if isinstance(value, (date, datetime)):
        return value.year, value.month
    return None
