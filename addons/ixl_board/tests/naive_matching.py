"""The reference ranking of ``ixl.match``: the rule of the SQL path (models/match_engine.py)
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


def rank_naive(target, limit=TOP):
    """The same ranking as ``ixl.match._rank_sql(target, limit)`` for a personnel request
    or a job offer: [(beneficiary_id, score, skill_points, territory_points,
    availability_points)]."""
    today = fields.Date.context_today(target)
    domain = [("is_admitted", "=", True), ("readiness", "=", "ready")]
    if target._ixl_match_needs_cv_consent():
        domain.append(("cv_sharing_consent", "=", True))
    people = target.env["ixl.beneficiary"].search(domain)
    reached = target._ixl_match_reached()
    required = {line.skill_id: line.min_progress or 0 for line in target.skill_ids}
    area = target._ixl_match_area()
    items = len(required) + (1 if area else 0)
    rows = []
    for person in people - reached:
        availability = _availability(person, today)
        if availability is None:
            continue
        earned = 0
        for skill in person.skill_ids:
            if skill.skill_id in required:
                earned += 2 if (skill.level_progress or 0) >= required[skill.skill_id] else 1
        if area and area in person.job_area_ids:
            earned += 2
        skills = (SKILL_POINTS * earned) // (2 * items) if items else SKILL_POINTS
        territory = max(_territory(town, target) for town in
                        (person.municipality_id, person.domicile_municipality_id))
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


def _territory(town, target):
    """Points of one of the person's municipalities (residence or domicile)."""
    if not town:
        return 0
    if target.municipality_id and town == target.municipality_id:
        return MUNICIPALITY_POINTS
    district = target.municipality_id.district_id
    if district and town.district_id == district:
        return DISTRICT_POINTS
    return 0
