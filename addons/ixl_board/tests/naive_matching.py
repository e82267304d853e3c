"""The reference ranking of ``ixl.match``: the rule of the SQL path (models/ixl_match.py)
written record by record through the ORM. It lives with the tests, which check that both
paths rank identically, and the benchmark times it (scripts/benchlib/matching.py); no
production code calls it. It imports nothing of Odoo's test framework."""

from odoo import fields

from odoo.addons.ixl_board.models.ixl_match import (
    DISTRICT_POINTS,
    FREE_POINTS,
    FULL_TIME_HOURS,
    MUNICIPALITY_POINTS,
    PART_TIME_POINTS,
    SKILL_POINTS,
    TOP,
)


def rank_naive(request, limit=TOP):
    """The same ranking as ``ixl.match._rank_sql(request, limit)``:
    [(beneficiary_id, score, skill_points, territory_points, availability_points)]."""
    today = fields.Date.context_today(request)
    people = request.env["ixl.beneficiary"].search([
        ("is_admitted", "=", True), ("readiness", "=", "ready"),
        ("cv_sharing_consent", "=", True)])
    proposed = request.candidate_ids.beneficiary_id
    required = {line.skill_id: line.min_progress or 0 for line in request.skill_ids}
    rows = []
    for person in people - proposed:
        availability = _availability(person, today)
        if availability is None:
            continue
        earned = 0
        for skill in person.skill_ids:
            if skill.skill_id in required:
                earned += 2 if (skill.level_progress or 0) >= required[skill.skill_id] else 1
        skills = (SKILL_POINTS * earned) // (2 * len(required)) if required else SKILL_POINTS
        territory = _territory(person, request)
        rows.append((person.id, skills + territory + availability, skills, territory,
                     availability, person.registration_date))
    rows.sort(key=lambda r: (-r[1], r[5], r[0]))
    return [row[:5] for row in rows[:limit]]


def _availability(person, today):
    ongoing = person.placement_ids.filtered(
        lambda p: p.date_start <= today and (not p.date_end or p.date_end >= today))
    if not ongoing:
        return FREE_POINTS
    hours = sum(ongoing.mapped("weekly_hours"))
    if any(not p.weekly_hours for p in ongoing) or hours >= FULL_TIME_HOURS:
        return None
    return PART_TIME_POINTS


def _territory(person, request):
    if request.municipality_id and person.municipality_id == request.municipality_id:
        return MUNICIPALITY_POINTS
    if request.district_id and person.district_id == request.district_id:
        return DISTRICT_POINTS
    return 0
