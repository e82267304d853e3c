from collections import defaultdict

from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt
from odoo.addons.ixl_beneficiary.models.dashboard_tools import WITH_ARCHIVED

from .ixl_job_offer import ANSWERS

LINE = "ixl.job.offer.line"


class IxlDashboard(models.AbstractModel):
    """Job offers found online and signalled to people, in the programme in numbers.

    Everything counts the sendings of the period (an offer emailed to a person on a day
    of the period): offers signalled (offers with a sending), people reached (distinct),
    the answers given to those sendings and the placements they led to. Three queries
    whatever the period."""

    _inherit = "ixl.dashboard"  # pylint: disable=consider-merging-classes-inherited

    @dt.section("job_offers", dt.PEOPLE, 42)
    def _dashboard_job_offers(self, period):
        _ = self.env._
        Line = self.env[LINE]
        sent = period.date_domain("date_sent")
        by_month, answers = defaultdict(lambda: defaultdict(int)), defaultdict(int)
        for month, answer, count in Line._read_group(
                sent, ["date_sent:month", "answer"], ["__count"]):
            by_month[dt.month_key(month)]["sent"] += count
            by_month[dt.month_key(month)][answer] += count
            answers[answer] += count
        distinct = {dt.month_key(month): (people, offers) for month, people, offers in
                    Line._read_group(sent, ["date_sent:month"],
                                     ["beneficiary_id:count_distinct",
                                      "offer_id:count_distinct"])}
        [(people, offers)] = Line._read_group(
            sent, [], ["beneficiary_id:count_distinct", "offer_id:count_distinct"])
        total = sum(answers.values())
        summary = dt.block(_("Job offers found online"), [_("Figures")], [
            dt.row(_("Offers signalled"), self._offers_cell(offers, period)),
            dt.row(_("Sendings"), dt.count_cell(total, LINE, sent)),
            dt.row(_("People reached"), self._people_cell(people, period)),
            dt.row(_("Placements from the offers"), dt.count_cell(
                answers["hired"], LINE, sent + [("answer", "=", "hired")])),
        ])
        labels = self._selection_labels(LINE, "answer")
        split = dt.block(_("Answers to the offers sent in the period"), [_("Sendings"), "%"],
                         dt.share_rows([(labels[key], answers[key], [("answer", "=", key)])
                                        for key, _label in ANSWERS], total, LINE, sent),
                         chart="doughnut")
        return {"title": _("Job offers"), "blocks": [
            summary, split, self._offers_monthly(period, by_month, distinct)]}

    def _offers_monthly(self, period, by_month, distinct):
        _ = self.env._
        rows = []
        for start, month in period.months():
            key = (start.year, start.month)
            counts, (people, offers) = by_month[key], distinct.get(key, (0, 0))
            domain = month.date_domain("date_sent")
            rows.append(dt.row(
                self._month_label(start),
                dt.count_cell(counts["sent"], LINE, domain),
                self._offers_cell(offers, month),
                self._people_cell(people, month),
                dt.count_cell(counts["interested"] + counts["applied"], LINE,
                              domain + [("answer", "in", ("interested", "applied"))]),
                dt.count_cell(counts["not_interested"], LINE,
                              domain + [("answer", "=", "not_interested")]),
                dt.count_cell(counts["hired"], LINE, domain + [("answer", "=", "hired")]),
            ))
        return dt.block(_("Job offers per month"), [
            _("Sendings"), _("Offers signalled"), _("People reached"),
            _("Interested or applied"), _("Not interested"), _("Placements")], rows,
            chart="bar")

    @staticmethod
    def _sent_in(period):
        return [("line_ids", "any", period.date_domain("date_sent"))]

    def _offers_cell(self, count, period):
        return dt.count_cell(count, "ixl.job.offer", self._sent_in(period))

    def _people_cell(self, count, period):
        return dt.count_cell(count, "ixl.beneficiary", WITH_ARCHIVED + [
            ("offer_line_ids", "any", period.date_domain("date_sent"))])
