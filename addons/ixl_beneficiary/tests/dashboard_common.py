"""The frame of the dashboard tests and helpers to read the sections of ixl.dashboard
(shared by the addons)."""


class DashboardMixin:
    """A dataset of 2024 built by hand, read with time frozen in 2025 and English labels.
    Put it before the addon's case: ``class TestX(DashboardMixin, IxlCase)``, tagged
    post_install."""

    freeze_time = "2025-06-15 10:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))


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
