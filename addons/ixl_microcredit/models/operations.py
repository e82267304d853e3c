"""Who may do an operation of the microcredit, and on which day.

Groups (see docs/rules/money.md):

- loans and the guarantee fund (approve, disburse, repay, default, recover, cancel,
  ceiling changes, deposits, reversals): Finance and Coordinators, the groups that
  write loans and funds; operators only read them;
- the decision on a social-innovation project (select, reject): the evaluation
  committee only; its follow-up (accompany, positive, conclude, stand-by, withdraw)
  and every step of a self-employment project: Coordinators.
"""

from odoo import fields
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from odoo.addons.ixl_beneficiary.models.tools import local_today, require_group

FINANCE = "ixl_beneficiary.group_ixl_finance"
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"
COMMITTEE = "ixl_microcredit.group_ixl_committee"
MONEY_GROUPS = (FINANCE, COORDINATOR)


def move_project(projects, transitions, state, values=None):
    """A coordinator's step of ``projects`` to ``state`` (with ``values``), refused for a
    project whose state may not become it (``transitions``: {state: the states it may
    become})."""
    require_group(projects, COORDINATOR)
    env = projects.env
    labels = dict(projects._fields["state"]._description_selection(env))
    for project in projects:
        if state not in transitions.get(project.state, set()):
            raise UserError(env._(
                "A project %(from)s cannot become %(to)s.",
                **{"from": labels[project.state], "to": labels[state]}))
    projects._ixl_transition().write({"state": state, **(values or {})})
    return True


def in_posting(records):
    """Whether ``records`` are written by an operation (``_ixl_transition``), superuser
    or not: ledger lines, ceiling changes and instalments are never written otherwise."""
    sentinel = records.browse()._ixl_transition().env.context["ixl_transition"]
    return records.env.context.get("ixl_transition") is sentinel


def operation_date(records, value, not_before=None, previous=None):
    """The day of an operation: ``value`` or today in Bologna. Never in the future, never
    before ``not_before`` (the day of the previous step, named by ``previous``)."""
    env = records.env
    day = fields.Date.to_date(value) or local_today()
    if day > local_today():
        raise UserError(env._(
            "The date of the operation (%(date)s) cannot be in the future.",
            date=format_date(env, day)))
    if not_before and day < not_before:
        raise UserError(env._(
            "The date of the operation (%(date)s) cannot be before %(previous)s "
            "(%(limit)s).", date=format_date(env, day), previous=previous,
            limit=format_date(env, not_before)))
    return day
