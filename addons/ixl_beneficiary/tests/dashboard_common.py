"""The frame of the dashboard tests and helpers to read the sections of ixl.dashboard
(shared by the addons)."""
import inspect


class DashboardMixin:
    """A dataset of 2024 built by hand, read with time frozen in 2025 and English labels.
    Put it before the addon's case: ``class TestX(DashboardMixin, IxlCase)``, tagged
    post_install."""

    freeze_time = "2025-06-15 10:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))

    def get_method_additional_tags(self, test_method):
        """A test calling assertSameQueries counts queries: tagged ``is_query_count`` as
        Odoo tags those calling assertQueryCount."""
        tags = super().get_method_additional_tags(test_method)
        if test_method and "self.assertSameQueries" in inspect.getsource(test_method):
            tags.append("is_query_count")
        return tags

    def count_queries(self, run):
        """The queries of ``run()`` with cold caches (pending writes flushed before)."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        run()
        return self.env.cr.sql_log_count - before

    def assertSameQueries(self, first, then=None, add_data=None):
        """``then()`` (e.g. the dashboard of ten years; default: ``first`` again) makes as
        many queries as ``first()`` (e.g. of one year), also after ``add_data()``: both
        counted once a first call has warmed the caches (groups, selections,
        translations), then ``then()`` checked with assertQueryCount."""
        then = then or first
        self.count_queries(first)  # warms the caches
        expected = self.count_queries(first)
        if add_data:
            add_data()
        self.assertEqual(self.count_queries(then), expected)
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            then()


def figures(section):
    """{block title: {row label: [cell values]}} of a dashboard section."""
    return {blk["title"]: {row["label"]: [cell["value"] for cell in row["cells"]]
                           for row in blk["rows"]}
            for blk in section["blocks"]}


def column(section, title, index=0):
    """Values of one column of a block, in row order."""
    blk = next(b for b in section["blocks"] if b["title"] == title)
    return [row["cells"][index]["value"] for row in blk["rows"]]


def get_section(env, key, date_from="2024-01-01", date_to="2024-12-31"):
    data = env["ixl.dashboard"].get_dashboard(date_from, date_to)
    return next((s for s in data["sections"] if s["key"] == key), None)


def check_drilldowns(case, section):
    """Every count of ``section`` opens records, and exactly as many as it shows."""
    for blk in section["blocks"]:
        for row in blk["rows"]:
            for cell in row["cells"]:
                if cell["type"] not in ("int", "money"):
                    continue
                case.assertIn("action", cell, f"{blk['title']} / {row['label']}")
                if cell["type"] == "int":
                    action = cell["action"]
                    case.assertEqual(case.env[action["model"]].search_count(action["domain"]),
                                     cell["value"], f"{blk['title']} / {row['label']}")
