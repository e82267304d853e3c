"""Quantitative matching of a personnel request against the beneficiaries.

Score out of 100, readable by staff:
- skills, up to 60: each required skill counts 2 when the person has it at the
  minimum level or above, 1 when at a lower level, 0 when missing;
  points = 60 * earned // (2 * required skills) (60 when nothing is required);
- territory, up to 25: same municipality 25, same district 12, elsewhere 0;
- availability, up to 15: no ongoing placement 15, ongoing part-time placements
  (under 30 hours a week in all) 5; people placed full-time (30 hours or more, or
  hours not recorded) are left out.
Only admitted people (in target or active) who are ready for placement and gave
their consent to share the CV with companies are ranked, and nobody already
proposed for the request. Ties: longest registered first, then id.
The fast path is one SQL query; the same rule written record by record through the ORM
is the reference of the tests and the benchmark (tests/naive_matching.py).
"""

from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import index_exists

from odoo.addons.ixl_beneficiary.models.tools import require_group

from .board_tools import OPERATOR

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
    "ixl_beneficiary_matchable_idx": SQL(
        "CREATE INDEX ixl_beneficiary_matchable_idx ON ixl_beneficiary (id) "
        "INCLUDE (municipality_id, district_id, registration_date) "
        "WHERE active AND state IN ('in_target', 'active') AND readiness = 'ready' "
        "AND cv_sharing_consent"),
    "ixl_placement_ongoing_idx": SQL(
        "CREATE INDEX ixl_placement_ongoing_idx ON ixl_placement (beneficiary_id) "
        "INCLUDE (date_start, date_end, weekly_hours)"),
}

TERRITORY = [("municipality", "Same municipality"), ("district", "Same district"),
             ("elsewhere", "Elsewhere")]
AVAILABILITY = [("free", "Available"), ("part_time", "Placed part-time")]


class IxlMatch(models.Model):
    _name = "ixl.match"
    _description = "Matching result"
    _order = "rank"

    request_id = fields.Many2one("ixl.job.request", required=True, ondelete="cascade",
                                 index=True)
    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="cascade")
    rank = fields.Integer()
    score = fields.Integer()
    skill_points = fields.Integer(string="Skills")
    territory = fields.Selection(TERRITORY)
    territory_points = fields.Integer(string="Territory points")
    availability = fields.Selection(AVAILABILITY)
    availability_points = fields.Integer(string="Availability points")
    skills_matched = fields.Char()
    skills_missing = fields.Char()
    readiness = fields.Selection(related="beneficiary_id.readiness")
    municipality_id = fields.Many2one(related="beneficiary_id.municipality_id")
    shortlisted = fields.Boolean(compute="_compute_shortlisted")

    def init(self):
        for name, statement in MATCH_INDEXES.items():
            if not index_exists(self.env.cr, name):
                self.env.cr.execute(statement)

    @api.depends("request_id.candidate_ids")
    def _compute_shortlisted(self):
        for match in self:
            proposed = match.request_id.candidate_ids.beneficiary_id
            match.shortlisted = match.beneficiary_id in proposed

    # ----------------------------------------------------------------- fast path
    @api.model
    def _rank_sql(self, request, limit=TOP, window=None):
        """[(beneficiary_id, score, skill_points, territory_points, availability_points)]

        Availability only lowers a score (15 free, 5 part-time, out when full-time), so
        the people are first ordered by skills + territory + 15, an upper bound of their
        score, and only the first `window` of them get their placements looked up. That
        ranking is exact when its last kept person still beats the bound of the first
        person left out; otherwise the window grows (docs/performance.md).
        """
        self.env["ixl.beneficiary"].flush_model()
        self.env["ixl.beneficiary.skill"].flush_model()
        self.env["ixl.placement"].flush_model()
        self.env["ixl.candidate"].flush_model()
        request.flush_recordset()
        request.skill_ids.flush_recordset()
        window = window or max(4 * limit, 200)
        while True:
            rows = self._rank_window(request, window)
            ranking, exact = self._rank_rows(rows, limit, window)
            if exact:
                return ranking
            window *= 8

    @api.model
    def _rank_rows(self, rows, limit, window):
        """The top `limit` of the window's rows, and whether it is the exact top."""
        ranked = []
        for person_id, registered, skills, territory, hours, unknown in rows[:window - 1]:
            if hours is None:
                availability = FREE_POINTS
            elif unknown or hours >= FULL_TIME_HOURS:
                continue
            else:
                availability = PART_TIME_POINTS
            score = skills + territory + availability
            ranked.append(((-score, registered, person_id),
                           (person_id, score, skills, territory, availability)))
        ranked.sort()
        top = ranked[:limit]
        if len(rows) < window:
            return [row for _key, row in top], True
        person_id, registered, skills, territory, _hours, _unknown = rows[-1]
        bound = (-(skills + territory + FREE_POINTS), registered, person_id)
        return [row for _key, row in top], len(top) == limit and top[-1][0] < bound

    @api.model
    def _rank_window(self, request, window):
        """The first `window` matchable people by upper bound, with their ongoing hours."""
        today = fields.Date.context_today(self)
        required = len(request.skill_ids)
        skill_expr = (
            SQL("(%s * COALESCE(s.earned, 0)) / %s", SKILL_POINTS, 2 * required)
            if required else SQL("%s", SKILL_POINTS)
        )
        query = SQL(
            """
            WITH req AS (
                SELECT skill_id, COALESCE(min_progress, 0) AS min_progress
                  FROM ixl_job_request_skill WHERE request_id = %(request)s
            ), earned AS (
                SELECT bs.beneficiary_id,
                       SUM(CASE WHEN COALESCE(bs.level_progress, 0) >= req.min_progress
                                THEN 2 ELSE 1 END) AS earned
                  FROM ixl_beneficiary_skill bs JOIN req ON req.skill_id = bs.skill_id
                 GROUP BY bs.beneficiary_id
            ), scored AS (
                SELECT b.id, b.registration_date,
                       %(skill_expr)s AS skill_points,
                       CASE WHEN b.municipality_id = %(municipality)s THEN %(mun_pts)s
                            WHEN b.district_id = %(district)s THEN %(dis_pts)s
                            ELSE 0 END AS territory_points
                  FROM ixl_beneficiary b
                  LEFT JOIN earned s ON s.beneficiary_id = b.id
                 WHERE b.active AND b.state IN ('in_target', 'active') AND b.readiness = 'ready'
                   AND b.cv_sharing_consent
                   AND b.id <> ALL (ARRAY(SELECT c.beneficiary_id FROM ixl_candidate c
                                           WHERE c.request_id = %(request)s))
            ), bound AS (
                SELECT * FROM scored
                 ORDER BY skill_points + territory_points DESC, registration_date, id
                 LIMIT %(window)s
            )
            SELECT bound.id, bound.registration_date, bound.skill_points,
                   bound.territory_points, busy.hours, busy.unknown
              FROM bound
              LEFT JOIN LATERAL (
                    SELECT SUM(COALESCE(p.weekly_hours, 0)) AS hours,
                           BOOL_OR(COALESCE(p.weekly_hours, 0) = 0) AS unknown
                      FROM ixl_placement p
                     WHERE p.beneficiary_id = bound.id AND p.date_start <= %(today)s
                       AND (p.date_end IS NULL OR p.date_end >= %(today)s)
                   ) busy ON TRUE
             ORDER BY bound.skill_points + bound.territory_points DESC,
                      bound.registration_date, bound.id
            """,
            request=request.id, today=today, skill_expr=skill_expr,
            municipality=request.municipality_id.id or None,
            district=request.district_id.id or None,
            mun_pts=MUNICIPALITY_POINTS, dis_pts=DISTRICT_POINTS, window=window,
        )
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    # ------------------------------------------------------------ result lines
    @api.model
    def _refresh_for_request(self, request):
        """Replace the request's results with the current top candidates."""
        ranking = self._rank_sql(request)
        request.match_ids.unlink()
        people = self.env["ixl.beneficiary"].browse([row[0] for row in ranking])
        people.fetch(["municipality_id", "district_id"])
        skills = self.env["ixl.beneficiary.skill"].search_read(
            [("beneficiary_id", "in", people.ids)], ["beneficiary_id", "skill_id",
                                                    "level_progress"], load=False)
        held = {}
        for skill in skills:
            held.setdefault(skill["beneficiary_id"], {})[skill["skill_id"]] = (
                skill["level_progress"] or 0)
        vals_list = []
        for rank, (person_id, score, skill_pts, territory_pts, avail_pts) in enumerate(ranking, 1):
            matched, missing = self._describe_skills(request, held.get(person_id, {}))
            vals_list.append({
                "request_id": request.id, "beneficiary_id": person_id, "rank": rank,
                "score": score, "skill_points": skill_pts,
                "territory_points": territory_pts,
                "territory": {MUNICIPALITY_POINTS: "municipality",
                              DISTRICT_POINTS: "district"}.get(territory_pts, "elsewhere"),
                "availability_points": avail_pts,
                "availability": "free" if avail_pts == FREE_POINTS else "part_time",
                "skills_matched": matched, "skills_missing": missing,
            })
        return self.create(vals_list)

    @api.model
    def _describe_skills(self, request, held):
        matched, missing = [], []
        for line in request.skill_ids:
            progress = held.get(line.skill_id.id)
            if progress is None:
                missing.append(line.skill_id.name)
            elif progress >= (line.min_progress or 0):
                matched.append(line.skill_id.name)
            else:
                matched.append(self.env._("%s (lower level)", line.skill_id.name))
        return ", ".join(matched), ", ".join(missing)

    def action_shortlist(self):
        """Propose the people to the request, with the score of the matching (a
        snapshot only this step writes)."""
        require_group(self, OPERATOR)
        Candidate = self.env["ixl.candidate"]._ixl_transition()
        for match in self.filtered(lambda m: not m.shortlisted):
            Candidate.create({
                "request_id": match.request_id.id,
                "beneficiary_id": match.beneficiary_id.id,
                "match_score": match.score,
            })
        return True
