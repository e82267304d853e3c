from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_beneficiary.models.tools import fmt_amount

from .ixl_internship_rule import TRAINEE_CATEGORIES

# The values the regional rule checks: a create or a change of any of them is checked.
RULE_FIELDS = ("kind", "partner_id", "date_start", "date_end", "monthly_indemnity",
               "trainee_category")
# Internships that count towards a host's quota while their periods overlap.
QUOTA_STATES = ("draft", "ongoing", "done")


class IxlInternship(models.Model):
    """Internships and traineeships follow the regional rule (``ixl.internship.rule``)
    in force on their start date: minimum monthly indemnity, minimum and maximum
    duration (the maximum by the trainee's category), and the host's quota of trainees
    at the same time by its staff size.

    The rule is checked when an internship is created or one of ``RULE_FIELDS``
    changes (a plan, an extension), never on upgrade nor on a closing (an internship may
    end early). Records that met an older rule stay valid."""

    _inherit = "ixl.internship"

    trainee_category = fields.Selection(
        TRAINEE_CATEGORIES, string="Trainee category", required=True, default="standard",
        tracking=True, groups="base.group_user",
        help="The category under which the internship is activated (stated in the "
             "agreement): it sets the longest duration allowed by the regional rule.")

    @api.constrains(*RULE_FIELDS)
    def _check_values_regional_rule(self):
        # Named to run after ``_check_values`` (constraints run by name): the plain
        # errors (negative indemnity, end before start...) are reported first.
        Rule = self.env["ixl.internship.rule"]
        for internship in self.sudo():
            if internship.state not in ("draft", "ongoing"):
                continue
            rule = Rule._ixl_rule_on(internship.date_start)
            if not rule or internship.date_end < internship.date_start:
                continue
            internship._ixl_check_indemnity(rule)
            internship._ixl_check_duration(rule)
            internship._ixl_check_quota(rule)

    def _ixl_check_indemnity(self, rule):
        minimum = rule.currency_id._convert(
            rule.min_monthly_indemnity, self.currency_id, self.env.company, self.date_start)
        if self.currency_id.compare_amounts(self.monthly_indemnity, minimum) < 0:
            raise ValidationError(self.env._(
                "The monthly indemnity of %(name)s (%(amount)s) is below the regional minimum "
                "of %(minimum)s gross per month (%(rule)s).",
                name=self.display_name, amount=fmt_amount(self.env, self.monthly_indemnity,
                                                          self.currency_id),
                minimum=fmt_amount(self.env, minimum, self.currency_id), rule=rule.name))

    def _ixl_check_duration(self, rule):
        start, end = self.date_start, self.date_end
        earliest = rule._ixl_months_later(start, rule.min_months)
        if end < earliest:
            raise ValidationError(self.env._(
                "%(name)s would last less than the regional minimum of %(months)s months "
                "(%(rule)s): starting on %(start)s it must end on %(earliest)s or later.",
                name=self.display_name, months=rule.min_months, rule=rule.name, start=start,
                earliest=earliest))
        months = rule._ixl_max_months(self.trainee_category)
        latest = rule._ixl_months_later(start, months)
        if end > latest:
            category = dict(self._fields["trainee_category"]._description_selection(
                self.env))[self.trainee_category]
            raise ValidationError(self.env._(
                "%(name)s would last more than %(months)s months, extensions included: the "
                "regional maximum for the category \"%(category)s\" (%(rule)s). Starting on "
                "%(start)s it must end by %(latest)s. A longer internship is possible only "
                "for disadvantaged people or people with disabilities (Trainee category).",
                name=self.display_name, months=months, category=category, rule=rule.name,
                start=start, latest=latest))

    def _ixl_check_quota(self, rule):
        host = self.partner_id
        staff = host.ixl_employee_count
        quota = rule._ixl_quota(staff)
        others = self.search([
            ("partner_id", "=", host.id), ("state", "in", QUOTA_STATES),
            ("date_start", "<=", self.date_end), ("date_end", ">=", self.date_start)])
        # The most trainees at the host on one day: a peak starts when one of them starts.
        peak, day = max(
            (sum(1 for o in others if o.date_start <= day <= o.date_end), day)
            for day in {max(o.date_start, self.date_start) for o in others})
        if peak > quota:
            raise ValidationError(self.env._(
                "%(host)s (%(staff)s employees) may host %(quota)s trainee(s) at a time under "
                "the regional rule (%(rule)s): with %(name)s it would host %(count)s on "
                "%(day)s. Record the host's staff size on its company sheet if it changed.",
                host=host.display_name, staff=staff, quota=quota, rule=rule.name,
                name=self.display_name, count=peak, day=day))
