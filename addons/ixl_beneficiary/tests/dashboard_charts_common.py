"""A test-only dashboard section with one block per chart hint, and a helper that hints
existing blocks, so the charts are tested whatever hints the real sections carry."""
from contextlib import contextmanager
from datetime import date
from unittest.mock import patch

from ..models import dashboard_tools as dt

MODEL = "ixl.beneficiary"


def _cell(value, label):
    return dt.count_cell(value, MODEL, [("last_name", "=", label)])


def chart_test_section(period):
    """Blocks "label | count | %" with totals first, last and in the middle."""
    months = [dt.row(name, _cell(count, name), dt.pct_cell(pct))
              for name, count, pct in (("Jan", 3, 30.0), ("Feb", 5, 50.0), ("Mar", 2, 20.0))]
    split = [dt.row("Total", _cell(10, "Total"), dt.pct_cell(100.0), total=True),
             dt.row("Women", _cell(6, "Women"), dt.pct_cell(60.0)),
             dt.row("Men", _cell(4, "Men"), dt.pct_cell(40.0))]
    ranking = [dt.row(f"Company {pos}", _cell(10 - pos, f"Company {pos}"))
               for pos in range(1, 5)]
    trend = [dt.row(str(year), _cell(10 * pos, str(year)), _cell(pos, f"P{year}"),
                    dt.pct_cell(dt.percent(pos, 10 * pos)))
             for pos, year in enumerate((2021, 2022, 2023, 2024), 1)]
    cut = [*months[:2], dt.row("Subtotal", _cell(8, "Subtotal"), total=True), months[2]]
    return {"title": "Chart test", "blocks": [
        dt.block("Per month", ["Registrations", "%"],
                 [*months, dt.row("Total", _cell(10, "Total"), dt.pct_cell(100.0),
                                  total=True)], chart="bar"),
        dt.block("Split", ["People", "%"], split, chart="doughnut"),
        dt.block("Ranking", ["Hires"], ranking, chart="hbar"),
        dt.block("Four years", ["Placements", "Permanent", "% permanent"], trend,
                 chart="trend"),
        dt.block("Cut by a subtotal", ["Registrations", "%"], cut, chart="bar"),
        dt.block("No chart", ["Value"], [dt.row("Plain", _cell(1, "Plain"))]),
    ]}


@contextmanager
def only_chart_test_section(env):
    """ixl.dashboard shows the test section alone."""
    cls = type(env["ixl.dashboard"])
    spec = [{"key": "chart_test", "kind": "people", "sequence": 1,
             "method": "_dashboard_chart_test"}]
    with patch.object(cls, "_dashboard_chart_test", lambda self, period: chart_test_section(
            period), create=True), patch.object(cls, "_dashboard_sections", lambda self: spec):
        yield


@contextmanager
def hinted(env, method, hints):
    """Wrap the section ``method`` of ixl.dashboard so the blocks titled as the keys of
    ``hints`` carry that chart (unless they carry one already)."""
    cls = type(env["ixl.dashboard"])
    original = getattr(cls, method)

    def with_hints(self, period):
        section = original(self, period)
        for blk in section["blocks"]:
            if blk["title"] in hints:
                blk.setdefault("chart", hints[blk["title"]])
        return section

    with patch.object(cls, method, with_hints):
        yield


PLACEMENT = "ixl.placement"
PERMANENT = [("placement_type", "=", "hire"), ("contract_type", "=", "permanent")]


def placement_tour_section(env, period):
    """Real figures for the tour: placements of the period by type (doughnut) and, per
    year, placements and permanent ones with the % as a line (trend): the % cell has no
    action, its point opens the permanent placements on its left."""
    Placement = env[PLACEMENT]
    base = period.date_domain("date_start")
    split = [dt.row(label, dt.count_cell(Placement.search_count(base + extra), PLACEMENT,
                                         base + extra))
             for label, extra in (("Hire", [("placement_type", "=", "hire")]),
                                  ("Internship", [("placement_type", "=", "internship")]))]
    trend = []
    for year in range(period.date_to.year - 1, period.date_to.year + 1):
        year_domain = dt.Period(date(year, 1, 1), date(year, 12, 31)).date_domain("date_start")
        total = Placement.search_count(year_domain)
        permanent = Placement.search_count(year_domain + PERMANENT)
        trend.append(dt.row(str(year), dt.count_cell(total, PLACEMENT, year_domain),
                            dt.count_cell(permanent, PLACEMENT, year_domain + PERMANENT),
                            dt.pct_cell(dt.percent(permanent, total))))
    return {"title": "Chart tour", "blocks": [
        dt.block("Placements by type", ["Placements"], split, chart="doughnut"),
        dt.block("Trend", ["Placements", "Permanent", "% permanent"], trend, chart="trend"),
    ]}


@contextmanager
def with_placement_tour_section(env):
    """ixl.dashboard shows the tour's section first, then the usual ones."""
    cls = type(env["ixl.dashboard"])
    original = cls._dashboard_sections
    spec = {"key": "chart_tour", "kind": "people", "sequence": 1,
            "method": "_dashboard_chart_tour"}
    with patch.object(cls, "_dashboard_chart_tour", lambda self, period: (
            placement_tour_section(self.env, period)), create=True), \
            patch.object(cls, "_dashboard_sections", lambda self: [*original(self), spec]):
        yield
