"""The one home of the course indicators: the edition's fields, the XLSX reports, the
dashboard and the risk-sharing settlement all take them from here.

An indicator is a ratio of two counts of ``ixl.course.edition._get_indicator_counts``
(e.g. employment rate = people employed / participants). Its exact value is a
``Fraction`` (money is computed on it); what people see is a percentage with one
decimal rounded half up (6.25% shows 6.3%), the dashboard's rounding.
"""

from fractions import Fraction

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt

# Indicator fields: (field, numerator key, denominator key), over everybody and over
# the participants who obtained the qualification.
RATES = [
    ("placement_rate", "placements", "participants"),
    ("employment_rate", "employed", "participants"),
    ("permanent_rate", "permanent", "employed"),
    ("qualified_placement_rate", "q_placements", "q_participants"),
    ("qualified_employment_rate", "q_employed", "q_participants"),
    ("qualified_permanent_rate", "q_permanent", "q_employed"),
]
TERMS = {field: (numerator, denominator) for field, numerator, denominator in RATES}
COUNTS = ["participants", "placements", "employed", "permanent",
          "q_participants", "q_placements", "q_employed", "q_permanent"]


def terms(counts, indicator):
    """(numerator, denominator) of ``indicator`` (a field of RATES) in ``counts``."""
    numerator, denominator = TERMS[indicator]
    return counts[numerator], counts[denominator]


def exact_rate(numerator, denominator):
    """The exact percentage numerator / denominator x 100; 0 when nobody is counted."""
    return Fraction(100 * numerator, denominator) if denominator else Fraction(0)


def rate(numerator, denominator):
    """The percentage shown to people: one decimal, half up; None when nobody is
    counted (the fields show 0)."""
    return dt.percent(numerator, denominator)


def rate_of(counts, indicator):
    """Displayed value of ``indicator`` over ``counts`` (None when nobody is counted)."""
    return rate(*terms(counts, indicator))
