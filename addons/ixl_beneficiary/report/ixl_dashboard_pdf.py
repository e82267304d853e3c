from odoo import api, fields, models
from odoo.tools.misc import format_date, format_datetime

from . import dashboard_svg

REPORT_LANG = "it_IT"
HEADLINES_PER_ROW = 3
# Patterns of the cell types for res.lang.format (with the language's separators).
CELL_FORMATS = {"int": "%d", "float": "%.1f", "money": "%.2f", "pct": "%.1f"}


class IxlDashboardPdf(models.AbstractModel):
    """The programme in numbers of a year as a PDF (the annual report's chapter 1):
    headline figures, then every section the user may see, each block as a chart (from
    its ``chart`` hint, drawn as SVG on the server) and a table. It renders the dicts of
    ``ixl.dashboard.get_dashboard``, so the sections of every addon print without code of
    their own. Always in Italian, whatever the user's language."""

    _name = "report.ixl_beneficiary.report_dashboard_year"
    _description = "Programme in numbers: printed year"

    @api.model
    def _get_report_values(self, docids, data=None):
        # Same rights as the dashboard: checked before anything is read.
        self.env["ixl.dashboard"]._dashboard_check_access()
        env = self.env(context=dict(self.env.context, lang=self._report_lang()))
        docs = env["ixl.dashboard.print"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "ixl.dashboard.print",
            "docs": docs,
            "years": {doc.id: self.with_env(env)._year_values(doc) for doc in docs},
            "report_lang": env.lang,
        }

    def _report_lang(self):
        """Italian when installed (ixl_beneficiary's post_init_hook installs it)."""
        installed = dict(self.env["res.lang"].get_installed())
        return REPORT_LANG if REPORT_LANG in installed else self.env.lang

    def _year_values(self, doc):
        dashboard = self.env["ixl.dashboard"].get_dashboard(
            doc.date_from.isoformat(), doc.date_to.isoformat())
        lang = self.env["res.lang"]._lang_get(self.env.lang)

        def fmt(cell):
            return self._format_cell(lang, cell)

        before = str(doc.year - 1)

        def fmt_cell(cell):
            """The figure and, under it, the previous year's (as on the dashboard)."""
            previous = cell.get("previous")
            return {"text": fmt(cell), "previous": None if previous is None else
                    f"{before}: {fmt(dict(cell, value=previous))}"}

        sections = [self._section_values(section, fmt, fmt_cell)
                    for section in dashboard["sections"]]
        headlines = [hl for hl in (self._headline(s) for s in sections) if hl]
        return {
            "year": doc.year,
            "period": self.env._("Period: %(from)s - %(to)s", **{
                "from": format_date(self.env, doc.date_from),
                "to": format_date(self.env, doc.date_to)}),
            "printed": self.env._("Printed on %(when)s by %(who)s", when=format_datetime(
                self.env, fields.Datetime.now(), tz="Europe/Rome"), who=self.env.user.name),
            "headline_rows": [headlines[pos:pos + HEADLINES_PER_ROW]
                              for pos in range(0, len(headlines), HEADLINES_PER_ROW)],
            "sections": sections,
        }

    @staticmethod
    def _format_cell(lang, cell):
        """A cell as the dashboard shows it, with the language's separators."""
        value = cell.get("value")
        if value is None:
            return "-"
        kind = cell.get("type")
        if kind not in CELL_FORMATS:
            return str(value)
        text = lang.format(CELL_FORMATS[kind], value, grouping=True)
        return f"{text} %" if kind == "pct" else text

    def _section_values(self, section, fmt, fmt_cell):
        blocks = []
        for block in section["blocks"]:
            blocks.append({
                "title": block["title"],
                "columns": block["columns"],
                "chart": dashboard_svg.chart_svg(block, fmt),
                "chart_type": block.get("chart"),
                "rows": [{"label": row["label"], "total": row.get("total", False),
                          "cells": [fmt_cell(cell) for cell in row["cells"]]}
                         for row in block["rows"]],
            })
        return {"key": section["key"], "title": section["title"], "blocks": blocks}

    @staticmethod
    def _headline(section):
        """The first figure of a section: its first block's first row, unless that block
        is a series of months or years (no headline then)."""
        for block in section["blocks"][:1]:
            if block["chart_type"] in ("bar", "trend"):
                return None
            for row in block["rows"][:1]:
                if row["cells"]:
                    return {"section": section["title"], "label": row["label"],
                            "value": row["cells"][0]["text"]}
        return None
