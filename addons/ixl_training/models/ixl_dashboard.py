from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt

from .indicators import rate_of
from .ixl_course import REPORT_CATEGORIES, UNREPORTED_KINDS

MAX_EDITION_ROWS = 200


class IxlDashboard(models.AbstractModel):
    """Training packages and course indicators in the programme in numbers."""

    _inherit = "ixl.dashboard"

    @dt.section("training", dt.PEOPLE, 50)
    def _dashboard_training(self, period):
        return {"title": self.env._("Training"),
                "blocks": [self._training_packages(period), self._course_indicators(period)]}

    def _training_packages(self, period):
        """Packages DELIVERED in the period: those of the editions that start in it (the
        day of enrolment does not matter), in the annual report's seven categories."""
        _ = self.env._
        model = "ixl.training.package"
        base = period.date_domain("date_start")
        counts = dict(self.env[model]._read_group(base, ["kind"], ["__count"]))
        total = sum(counts.values())
        labels = self._selection_labels("ixl.course", "kind")
        labels["technical"] = _("Technical-specific (with qualifications and cleaning)")
        items = [(labels[key], sum(counts.get(kind, 0) for kind in kinds),
                  [("kind", "in", list(kinds))]) for key, kinds in REPORT_CATEGORIES]
        items.append((_("Other courses (not in the report's categories)"),
                      sum(counts.get(kind, 0) for kind in UNREPORTED_KINDS),
                      [("kind", "in", list(UNREPORTED_KINDS))]))
        return dt.block(
            _("Training packages delivered in the period (course started), by category"),
            [_("Packages"), "%"], dt.split_rows(_("Total"), items, total, model, base),
            chart="doughnut")

    def _course_indicators(self, period):
        """The indicators of ixl_training (one query for all the editions) of the editions
        ended in the period; rates with the dashboard's rounding (one decimal, half up).

        Archived people still count (a past figure does not change when somebody is
        archived): the SQL counts ignore ``active`` and the drill-downs include them."""
        _ = self.env._
        editions = self.env["ixl.course.edition"].search(
            period.date_domain("date_end"), limit=MAX_EDITION_ROWS, order="date_end, id")
        counts = editions._get_indicator_counts()
        rows = []
        for edition in editions:
            values = counts[edition.id]
            window = [("date_start", ">=", edition.date_start.isoformat()),
                      ("date_start", "<=", edition.window_end.isoformat())]
            enrolled = [("training_package_ids.edition_id", "=", edition.id),
                        ("active", "in", [True, False])]
            rows.append(dt.row(
                edition.display_name,
                dt.count_cell(values["participants"], "ixl.training.package",
                              [("edition_id", "=", edition.id)]),
                dt.count_cell(values["placements"], "ixl.placement",
                              [("beneficiary_id", "any", enrolled)] + window),
                dt.count_cell(values["employed"], "ixl.beneficiary",
                              enrolled + [("placement_ids", "any", window)]),
                dt.pct_cell(rate_of(values, "employment_rate")),
                dt.pct_cell(rate_of(values, "placement_rate")),
            ))
        return dt.block(_("Course indicators (editions ended in the period)"), [
            _("Participants"), _("Placements"), _("People employed"),
            _("Employment rate (%)"), _("Placement rate (%)")], rows, chart="trend")
