"""The one matching engine of the Board: people against targets (a personnel request, a
job offer found online), in both directions: the best people for one target, and the
targets that fit one person (the same SQL, the same score).

Score out of 100, readable by staff:
- skills and interests, up to 60: each required skill counts 2 when the person has it at
  the minimum level or above, 1 when at a lower level, 0 when missing; a job area of the
  target counts as one more item, 2 when the person declared it among their job interests;
  points = 60 * earned // (2 * items) (60 when nothing is required);
- territory, up to 25, the nearer of the person's residence and domicile: same
  municipality 25, same district 12, elsewhere 0;
- availability, up to 15: no ongoing placement 15, ongoing part-time placements
  (under 30 hours a week in all) 5; people placed full-time (30 hours or more, or
  hours not recorded) are left out.
Only admitted people (in target or active) who are ready for placement are ranked (for a
personnel request, only those who gave their consent to share the CV with companies),
and nobody the target already reached (candidates of a request, people an offer was sent
to). Ties: longest registered first, then id.
The fast path is one SQL query; the same rule written record by record through the ORM
is the reference of the tests and the benchmark (tests/naive_matching.py).
"""

from typing import NamedTuple

from odoo.tools import SQL

SKILL_POINTS = 60
MUNICIPALITY_POINTS = 25
DISTRICT_POINTS = 12
FREE_POINTS = 15
PART_TIME_POINTS = 5
FULL_TIME_HOURS = 30
TOP = 50

# Covering indexes of the fast path (docs/performance.md has the EXPLAIN ANALYZE).
MATCH_INDEXES = {
    "ixl_beneficiary_skill_match_idx": SQL(
        "CREATE INDEX ixl_beneficiary_skill_match_idx ON ixl_beneficiary_skill "
        "(skill_id) INCLUDE (beneficiary_id, level_progress)"),
    # the ready people, whatever their CV consent (offers are signalled without it)
    "ixl_beneficiary_match_ready_idx": SQL(
        "CREATE INDEX ixl_beneficiary_match_ready_idx ON ixl_beneficiary (id) "
        "INCLUDE (municipality_id, domicile_municipality_id, district_id, registration_date, "
        "cv_sharing_consent) "
        "WHERE active AND state IN ('in_target', 'active') AND readiness = 'ready'"),
    "ixl_placement_ongoing_idx": SQL(
        "CREATE INDEX ixl_placement_ongoing_idx ON ixl_placement (beneficiary_id) "
        "INCLUDE (date_start, date_end, weekly_hours)"),
}
# Replaced by ixl_beneficiary_match_ready_idx (it required the CV consent).
OLD_INDEXES = ("ixl_beneficiary_matchable_idx",)


class MatchTarget(NamedTuple):
    """What the engine needs of a target (``ixl.match.target._ixl_match_target()``)."""

    key: int  # the record's id
    skills: tuple  # ((skill id, minimum level progress), ...)
    area_id: int  # job area (0: none)
    municipality_id: int  # workplace (0: none)
    district_id: int  # its district (0: none)
    excluded: tuple  # ids of the people the target already reached
    cv_consent: bool  # only people who agreed to share their CV with companies


def availability_points(hours, unknown):
    """Points of availability from the ongoing placements' hours (None: no placement);
    None when the person is placed full-time (left out)."""
    if hours is None:
        return FREE_POINTS
    if unknown or hours >= FULL_TIME_HOURS:
        return None
    return PART_TIME_POINTS


def score_rows(env, targets, people=None, window=None, today=None):
    """One query: [(target key, person id, registration date, skill points, territory
    points, ongoing hours, hours unknown)] of the people fitting the ``targets``.

    ``people``: only these ids (the targets fitting one person). ``window``: only the
    first ``window`` rows by upper bound (skills + territory + 15), for one target.
    """
    rel = env["ixl.beneficiary"]._fields["job_area_ids"]
    people_filter = SQL("AND b.id = ANY(%s)", list(people)) if people is not None else SQL()
    skill_filter = (SQL("WHERE bs.beneficiary_id = ANY(%s)", list(people))
                    if people is not None else SQL())
    limit = SQL("LIMIT %s", window) if window else SQL()
    query = SQL(
        """
        WITH tgt AS (
            SELECT * FROM unnest(%(keys)s::int[], %(items)s::int[], %(areas)s::int[],
                                 %(towns)s::int[], %(districts)s::int[], %(consents)s::bool[])
                   AS t(key, items, area_id, municipality_id, district_id, cv_consent)
        ), req AS (
            SELECT * FROM unnest(%(req_keys)s::int[], %(req_skills)s::int[],
                                 %(req_levels)s::int[]) AS r(key, skill_id, min_progress)
        ), excluded AS (
            SELECT * FROM unnest(%(ex_keys)s::int[], %(ex_people)s::int[])
                   AS x(key, beneficiary_id)
        ), earned AS (
            SELECT req.key, bs.beneficiary_id,
                   SUM(CASE WHEN COALESCE(bs.level_progress, 0) >= req.min_progress
                            THEN 2 ELSE 1 END) AS earned
              FROM ixl_beneficiary_skill bs JOIN req ON req.skill_id = bs.skill_id
              %(skill_filter)s
             GROUP BY req.key, bs.beneficiary_id
        ), scored AS (
            SELECT tgt.key, b.id, b.registration_date,
                   CASE WHEN tgt.items = 0 THEN %(skill_pts)s
                        ELSE %(skill_pts)s * (COALESCE(s.earned, 0)
                             + CASE WHEN tgt.area_id > 0 AND EXISTS (
                                    SELECT 1 FROM %(rel)s ja WHERE ja.%(rel_person)s = b.id
                                       AND ja.%(rel_area)s = tgt.area_id) THEN 2 ELSE 0 END)
                             / (2 * tgt.items) END AS skill_points,
                   CASE WHEN tgt.municipality_id IN (b.municipality_id,
                                                     b.domicile_municipality_id)
                        THEN %(mun_pts)s
                        WHEN tgt.district_id IN (b.district_id, dm.district_id)
                        THEN %(dis_pts)s
                        ELSE 0 END AS territory_points
              FROM tgt
              JOIN ixl_beneficiary b ON b.active AND b.state IN ('in_target', 'active')
                                    AND b.readiness = 'ready'
                                    AND (b.cv_sharing_consent OR NOT tgt.cv_consent)
              LEFT JOIN ixl_municipality dm ON dm.id = b.domicile_municipality_id
              LEFT JOIN earned s ON s.key = tgt.key AND s.beneficiary_id = b.id
             WHERE NOT EXISTS (SELECT 1 FROM excluded x
                                WHERE x.key = tgt.key AND x.beneficiary_id = b.id)
                   %(people_filter)s
        ), bound AS (
            SELECT * FROM scored
             ORDER BY key, skill_points + territory_points DESC, registration_date, id
             %(limit)s
        )
        SELECT bound.key, bound.id, bound.registration_date, bound.skill_points,
               bound.territory_points, busy.hours, busy.unknown
          FROM bound
          LEFT JOIN LATERAL (
                SELECT SUM(COALESCE(p.weekly_hours, 0)) AS hours,
                       BOOL_OR(COALESCE(p.weekly_hours, 0) = 0) AS unknown
                  FROM ixl_placement p
                 WHERE p.beneficiary_id = bound.id AND p.date_start <= %(today)s
                   AND (p.date_end IS NULL OR p.date_end >= %(today)s)
               ) busy ON TRUE
         ORDER BY bound.key, bound.skill_points + bound.territory_points DESC,
                  bound.registration_date, bound.id
        """,
        keys=[t.key for t in targets],
        items=[len(t.skills) + (1 if t.area_id else 0) for t in targets],
        areas=[t.area_id or 0 for t in targets],
        towns=[t.municipality_id or 0 for t in targets],
        districts=[t.district_id or 0 for t in targets],
        consents=[bool(t.cv_consent) for t in targets],
        req_keys=[t.key for t in targets for _s in t.skills],
        req_skills=[skill for t in targets for skill, _level in t.skills],
        req_levels=[level or 0 for t in targets for _skill, level in t.skills],
        ex_keys=[t.key for t in targets for _p in t.excluded],
        ex_people=[person for t in targets for person in t.excluded],
        skill_filter=skill_filter, people_filter=people_filter, limit=limit, today=today,
        skill_pts=SKILL_POINTS, mun_pts=MUNICIPALITY_POINTS, dis_pts=DISTRICT_POINTS,
        rel=SQL.identifier(rel.relation), rel_person=SQL.identifier(rel.column1),
        rel_area=SQL.identifier(rel.column2),
    )
    env.cr.execute(query)
    return env.cr.fetchall()


def rank_rows(rows, limit, window):
    """The top ``limit`` of one target's window of rows, and whether it is the exact top:
    [(person id, score, skill points, territory points, availability points)]."""
    ranked = []
    for _key, person_id, registered, skills, territory, hours, unknown in rows[:window - 1]:
        availability = availability_points(hours, unknown)
        if availability is None:
            continue
        score = skills + territory + availability
        ranked.append(((-score, registered, person_id),
                       (person_id, score, skills, territory, availability)))
    ranked.sort()
    top = ranked[:limit]
    if len(rows) < window:
        return [row for _key, row in top], True
    _key, person_id, registered, skills, territory, _hours, _unknown = rows[-1]
    bound = (-(skills + territory + FREE_POINTS), registered, person_id)
    return [row for _key, row in top], len(top) == limit and top[-1][0] < bound


def rank_people(env, target, limit=TOP, window=None, today=None):
    """The best people for one target: [(person id, score, skill points, territory
    points, availability points)], best first.

    Availability only lowers a score (15 free, 5 part-time, out when full-time), so the
    people are first ordered by skills + territory + 15, an upper bound of their score,
    and only the first ``window`` of them get their placements looked up. That ranking
    is exact when its last kept person still beats the bound of the first person left
    out; otherwise the window grows (docs/performance.md).
    """
    window = window or max(4 * limit, 200)
    while True:
        rows = score_rows(env, [target], window=window, today=today)
        ranking, exact = rank_rows(rows, limit, window)
        if exact:
            return ranking
        window *= 8


def rank_targets(env, targets, person_id, today=None):
    """The targets fitting one person: {target key: (score, skill points, territory
    points, availability points)} (empty when the person is placed full-time)."""
    if not targets:
        return {}
    result = {}
    for key, _pid, _reg, skills, territory, hours, unknown in score_rows(
            env, targets, people=[person_id], today=today):
        availability = availability_points(hours, unknown)
        if availability is not None:
            result[key] = (skills + territory + availability, skills, territory, availability)
    return result
