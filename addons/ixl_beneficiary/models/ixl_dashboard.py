from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

from . import dashboard_tools as dt
from .dashboard_tools import FUNDS, PEOPLE, WITH_ARCHIVED
from .ixl_beneficiary import READINESS
from .ixl_placement import CONTRACT_TYPES, PLACEMENT_TYPES
from .tools import LOCAL_TZ, local_today

MAX_PERIOD_DAYS = 366 * 20
PERMANENT_HIRE = [("placement_type", "=", "hire"), ("contract_type", "=", "permanent")]


class IxlDashboard(models.AbstractModel):
    """The programme in numbers: figures of a period computed from the records with a
    fixed number of aggregate queries, whatever the amount of data.

    A section is a method declared with ``@dt.section(key, kind, sequence)``; the addons
    that own the records of a section add its method (``_inherit = "ixl.dashboard"``), so
    a missing addon simply has no section. People sections are for IXL operators
    (coordinators and administrators included), funds sections for finance and
    coordinators.
    """

    _name = "ixl.dashboard"
    _description = "Programme in numbers"

    # ------------------------------------------------------------------ public API
    @api.model
    def get_dashboard(self, date_from=None, date_to=None, kinds=None, compare=True):
        """Sections of the period [date_from, date_to] (ISO dates, both included; default
        the current year) that the user may see, restricted to ``kinds`` if given.
        With ``compare``, every figure also carries its value in the previous period
        (``previous``, ``change``: see ``dashboard_tools.attach_previous``)."""
        allowed = self._dashboard_check_access()
        period = self._dashboard_period(date_from, date_to)
        kinds = allowed & set(kinds) if kinds else allowed
        sections = self._dashboard_compute(period, kinds)
        result = {**period.to_json(), "sections": sections,
                  "can_see_people": PEOPLE in allowed, "can_see_funds": FUNDS in allowed}
        if compare:
            previous = period.previous()
            dt.attach_previous(sections, self._dashboard_compute(previous, kinds, True))
            result["previous"] = previous.to_json()
        return result

    @api.model
    def _dashboard_compute(self, period, kinds, for_comparison=False):
        """The sections of ``kinds`` for ``period``; ``for_comparison`` leaves out the
        sections that are not compared with the previous period (``compare: False``)."""
        sections = []
        for spec in sorted(self._dashboard_sections(), key=lambda s: s["sequence"]):
            if spec["kind"] not in kinds or (for_comparison and not spec.get("compare", True)):
                continue
            section = getattr(self, spec["method"])(period)
            section.update(key=spec["key"], kind=spec["kind"], sequence=spec["sequence"])
            sections.append(section)
        return sections

    @api.model
    def action_export_xlsx(self, date_from=None, date_to=None, funds_only=False):
        """Report action of the XLSX of the whole dashboard for the period."""
        self._dashboard_check_access()
        period = self._dashboard_period(date_from, date_to)
        wizard = self.env["ixl.dashboard.export"].create({
            "date_from": period.date_from, "date_to": period.date_to, "funds_only": funds_only,
        })
        return wizard.action_export()

    # ------------------------------------------------------------------ framework
    @api.model
    def _dashboard_sections(self):
        """[{key, kind, sequence, method}] of the section methods declared with
        ``@dt.section`` (here and in the addons) that the user may have."""
        return dt.declared_sections(self)

    @api.model
    def _dashboard_check_access(self):
        """The kinds of sections the user may see; nothing for portal and other users."""
        allowed = self._dashboard_allowed_kinds()
        if not allowed:
            raise AccessError(self.env._("Only IXL staff can see the programme in numbers."))
        return allowed

    @api.model
    def _dashboard_allowed_kinds(self):
        user = self.env.user
        kinds = set()
        if user.has_group("ixl_beneficiary.group_ixl_operator"):
            kinds.add(PEOPLE)
        if user.has_group("ixl_beneficiary.group_ixl_finance") or user.has_group(
                "ixl_beneficiary.group_ixl_coordinator"):
            kinds.add(FUNDS)
        return kinds

    @api.model
    def _dashboard_period(self, date_from, date_to):
        today = local_today()
        try:
            start = fields.Date.to_date(date_from) or date(today.year, 1, 1)
            stop = fields.Date.to_date(date_to) or date(start.year, 12, 31)
        except ValueError as exc:
            raise UserError(self.env._("Invalid date: %s", exc)) from exc
        if stop < start:
            raise UserError(self.env._("The end of the period cannot precede its start."))
        if (stop - start).days > MAX_PERIOD_DAYS:
            raise UserError(self.env._("Choose a period of at most twenty years."))
        return dt.Period(start, stop, LOCAL_TZ)

    def _selection_labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _month_label(self, day):
        return format_date(self.env, day, date_format="MMMM y")

    def _per_month_rows(self, period, cells):
        """A row per month of ``period``, then the total row: ``cells(key, days)`` are the
        cells of the month ``key`` = (year, month), or of the whole period for None, over
        the days ``days`` (a Period)."""
        rows = [dt.row(self._month_label(start), *cells((start.year, start.month), month))
                for start, month in period.months()]
        rows.append(dt.row(self.env._("Total"), *cells(None, period), total=True))
        return rows

    def _monthly_rows(self, period, counts, total, model, field, datetime_field=False):
        rows = []
        for start, month in period.months():
            count = counts.get((start.year, start.month), 0)
            domain = month.datetime_domain(field) if datetime_field else month.date_domain(field)
            rows.append(dt.row(self._month_label(start), dt.count_cell(count, model, domain),
                               dt.pct_cell(dt.percent(count, total))))
        return rows

    # ------------------------------------------------------------------ registrations
    @dt.section("registrations", PEOPLE, 10)
    def _dashboard_registrations(self, period):
        _ = self.env._
        Beneficiary = self.env["ixl.beneficiary"].with_context(tz=LOCAL_TZ)
        model = "ixl.beneficiary"
        domain = WITH_ARCHIVED + period.datetime_domain("registration_date")
        by_month = {
            dt.month_key(month): count for month, count in Beneficiary._read_group(
                domain, ["registration_date:month"], ["__count"])
        }
        total = sum(by_month.values())
        months = len(period.months())
        summary = dt.block(_("Registrations"), [_("Value")], [
            dt.row(_("Registrations in the period"), dt.count_cell(total, model, domain)),
            dt.row(_("Monthly average"), dt.float_cell(dt.round_half_up(total, months))),
        ])
        monthly = dt.block(_("Registrations per month"), [_("Registrations"), "%"],
                           self._monthly_rows(period, by_month, total, model,
                                              "registration_date", datetime_field=True),
                           chart="bar", compare="position")
        return {"title": _("Registrations"), "blocks": [
            summary, monthly, self._registration_cohort(period, domain, total)]}

    def _registration_cohort(self, period, domain, total):
        """The people registered in the period and their first interview: held by the
        end of the period, held after it (up to today), not held yet."""
        _ = self.env._
        Beneficiary = self.env["ixl.beneficiary"]
        model = "ixl.beneficiary"
        end = period.date_to.isoformat()
        by_end = domain + [("interview_held_date", "<=", end)]
        later = domain + [("interview_held_date", ">", end)]
        waiting = domain + [("interview_held_date", "=", False)]
        count_by_end = Beneficiary.search_count(by_end)
        count_later = Beneficiary.search_count(later)
        ever = count_by_end + count_later
        return dt.block(_("People registered in the period: first interview"),
                        [_("People"), "%"], [
            *dt.split_rows(_("Registered in the period"), [
                (_("First interview by the end of the period"), count_by_end, by_end[-1:]),
                (_("First interview after the end of the period"), count_later, later[-1:]),
                (_("No first interview yet"), total - ever, waiting[-1:]),
            ], total, model, domain),
            dt.row(_("Interviewed by today (ever)"), dt.count_cell(
                ever, model, domain + [("interview_held_date", "!=", False)]),
                dt.pct_cell(dt.percent(ever, total)), total=True),
        ], chart="doughnut")

    # ------------------------------------------------------------------ interviews
    @dt.section("interviews", PEOPLE, 20)
    def _dashboard_interviews(self, period):
        """First interviews held in the period, by the outcome of the FIRST interview (a
        later assessment does not move them); readiness and profile of those found in
        target then."""
        _ = self.env._
        Beneficiary = self.env["ixl.beneficiary"]
        model = "ixl.beneficiary"
        base = WITH_ARCHIVED + period.date_domain("interview_held_date")
        outcome = Beneficiary._read_group(
            base, ["first_outcome", "readiness", "first_profile_type"], ["__count"])
        people = Beneficiary._read_group(
            base, ["gender", "nationality_group", "interview_age_band"], ["__count"])
        total = sum(count for *_keys, count in outcome)
        sums = self._marginals(outcome, ("first_outcome", "readiness", "first_profile_type"))
        in_rows = [row for row in outcome if row[0] == "in_target"]
        in_sums = self._marginals(in_rows, ("first_outcome", "readiness", "first_profile_type"))
        in_target = sums["first_outcome"].get("in_target", 0)
        target = dt.block(_("First interviews held"), [_("People"), "%"], [
            *dt.split_rows(_("Interviewed"), [
                (_("In target"), in_target, [("first_outcome", "=", "in_target")]),
                (_("Not in target"), sums["first_outcome"].get("out_of_target", 0),
                 [("first_outcome", "=", "out_of_target")]),
                (_("Outcome to be decided"), sums["first_outcome"].get(False, 0),
                 [("first_outcome", "=", False)]),
            ], total, model, base),
        ], chart="doughnut")
        in_base = base + [("first_outcome", "=", "in_target")]
        readiness = dt.block(_("In target: readiness"), [_("People"), "%"], dt.share_rows(
            [(label, in_sums["readiness"].get(key, 0), [("readiness", "=", key)])
             for key, label in self._ordered_labels(model, "readiness", READINESS)],
            in_target, model, in_base), chart="doughnut")
        profile = dt.block(_("In target: profile"), [_("People"), "%"], dt.share_rows([
            (_("Strong profile"), in_sums["first_profile_type"].get("strong", 0),
             [("first_profile_type", "=", "strong")]),
            (_("Weak profile"), in_sums["first_profile_type"].get("weak", 0),
             [("first_profile_type", "=", "weak")]),
        ], in_target, model, in_base), chart="doughnut")
        blocks = [target, readiness, profile]
        blocks += self._people_blocks(
            self._marginals(people, ("gender", "nationality_group", "interview_age_band")),
            total, model, base, "interview_age_band")
        return {"title": _("First interviews"), "blocks": blocks}

    @staticmethod
    def _marginals(groups, names):
        """Sums of ``groups`` (rows of _read_group: keys..., count) per value of each key."""
        sums = {name: defaultdict(int) for name in names}
        for *keys, count in groups:
            for pos, name in enumerate(names):
                sums[name][keys[pos]] += count
        return sums

    def _ordered_labels(self, model, field, selection):
        labels = self._selection_labels(model, field)
        return [(key, labels[key]) for key, _label in selection]

    def _people_blocks(self, sums, total, model, base, band_field, count_column=None):
        """Gender, nationality and age band blocks of a set of people."""
        _ = self.env._
        column = count_column or _("People")
        genders = self._selection_labels("res.partner", "gender")
        gender_items = [(label, sums["gender"].get(key, 0), [("gender", "=", key)])
                        for key, label in genders.items()]
        gender_items.append((_("Not recorded"), sums["gender"].get(False, 0),
                             [("gender", "=", False)]))
        return [
            dt.block(_("By gender"), [column, "%"],
                     dt.share_rows(gender_items, total, model, base), chart="doughnut"),
            dt.block(_("By nationality"), [column, "%"], dt.share_rows([
                (_("Italian"), sums["nationality_group"].get("italian", 0),
                 [("nationality_group", "=", "italian")]),
                (_("Non-Italian"), sums["nationality_group"].get("non_italian", 0),
                 [("nationality_group", "=", "non_italian")]),
                (_("Not recorded"), sums["nationality_group"].get("unknown", 0),
                 [("nationality_group", "=", "unknown")]),
            ], total, model, base), chart="doughnut"),
            dt.block(_("By age"), [column, "%"], dt.share_rows([
                (_("Under 35"), sums[band_field].get("under_35", 0),
                 [(band_field, "=", "under_35")]),
                (_("35 and over"), sums[band_field].get("35_over", 0),
                 [(band_field, "=", "35_over")]),
                (_("Birth date not recorded"), sums[band_field].get(False, 0),
                 [(band_field, "=", False)]),
            ], total, model, base), chart="doughnut"),
        ]

    # ------------------------------------------------------------------ placements
    @dt.section("placements", PEOPLE, 30)
    def _dashboard_placements(self, period):
        _ = self.env._
        Placement = self.env["ixl.placement"]
        model = "ixl.placement"
        base = period.date_domain("date_start")
        groups = Placement._read_group(
            base, ["date_start:month", "placement_type", "contract_type"], ["__count"])
        total = sum(count for *_keys, count in groups)
        by_month, by_type, by_contract = defaultdict(int), defaultdict(int), defaultdict(int)
        for month, ptype, contract, count in groups:
            by_month[dt.month_key(month)] += count
            by_type[ptype] += count
            if ptype == "hire":
                by_contract[contract] += count
        hires = by_type["hire"]
        permanent = by_contract["permanent"]
        type_labels = self._selection_labels(model, "placement_type")
        contract_labels = self._selection_labels(model, "contract_type")
        blocks = [
            dt.block(_("Placements"), [_("Value")], [
                dt.row(_("Placements in the period"), dt.count_cell(total, model, base)),
                dt.row(_("Permanent contracts"),
                       dt.count_cell(permanent, model, base + PERMANENT_HIRE)),
            ]),
            dt.block(_("Placements per month"), [_("Placements"), "%"], self._monthly_rows(
                period, by_month, total, model, "date_start"), chart="bar", compare="position"),
            dt.block(_("By type"), [_("Placements"), "%"], dt.share_rows(
                [(type_labels[key], by_type[key], [("placement_type", "=", key)])
                 for key, _label in PLACEMENT_TYPES], total, model, base), chart="doughnut"),
            dt.block(_("Hires by contract"), [_("Hires"), "%"], dt.share_rows(
                [(contract_labels[key], by_contract[key], [("contract_type", "=", key)])
                 for key, _label in CONTRACT_TYPES],
                hires, model, base + [("placement_type", "=", "hire")]), chart="doughnut"),
        ]
        blocks += self._placed_people_blocks(period)
        return {"title": _("Placements"), "blocks": blocks}

    def _placed_people_blocks(self, period):
        """People placed in the period (each person once per value) by gender, nationality
        and age at the start of the placement."""
        Placement = self.env["ixl.placement"]
        base = period.date_domain("date_start")
        sums = {}
        for field in ("gender", "nationality_group", "age_band"):
            sums[field] = dict(Placement._read_group(
                base, [field], ["beneficiary_id:count_distinct"]))
        total = Placement._read_group(base, [], ["beneficiary_id:count_distinct"])[0][0]
        people_base = WITH_ARCHIVED + [("placement_ids", "any", base)]
        blocks = self._people_blocks(
            sums, total, "ixl.beneficiary", [], "age_band", self.env._("People placed"))
        for blk in blocks:
            for line in blk["rows"]:
                action = line["cells"][0]["action"]
                action["domain"] = WITH_ARCHIVED + [
                    ("placement_ids", "any", base + action["domain"])]
        blocks.insert(0, dt.block(self.env._("People placed"), [self.env._("People")], [
            dt.row(self.env._("People placed in the period"),
                   dt.count_cell(total, "ixl.beneficiary", people_base)),
        ]))
        return blocks
