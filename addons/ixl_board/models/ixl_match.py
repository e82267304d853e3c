"""Results of the matching engine (models/match_engine.py), kept for staff to read: the
best people for a target (a personnel request, a job offer), or the targets fitting one
person (``for_person``). Each line explains its score."""

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import index_exists

from odoo.addons.ixl_beneficiary.models.tools import require_group

from . import match_engine as engine
from .board_tools import OPERATOR

# Kept importable from here (tests, benchmark).
from .match_engine import (  # noqa: F401
    DISTRICT_POINTS,
    FREE_POINTS,
    FULL_TIME_HOURS,
    MATCH_INDEXES,
    MUNICIPALITY_POINTS,
    PART_TIME_POINTS,
    SKILL_POINTS,
    TOP,
)

TERRITORY = [("municipality", "Same municipality"), ("district", "Same district"),
             ("elsewhere", "Elsewhere")]
TERRITORY_BASIS = [("residence", "Residence"), ("domicile", "Domicile")]
AVAILABILITY = [("free", "Available"), ("part_time", "Placed part-time")]
# The target models and their field on the result lines.
TARGET_FIELDS = {"ixl.job.request": "request_id", "ixl.job.offer": "offer_id"}


class IxlMatch(models.Model):
    _name = "ixl.match"
    _description = "Matching result"
    _order = "rank"

    request_id = fields.Many2one("ixl.job.request", ondelete="cascade", index=True)
    offer_id = fields.Many2one("ixl.job.offer", string="Job offer", ondelete="cascade",
                               index="btree_not_null")
    for_person = fields.Boolean(
        string="Ranked for the person", index=True,
        help="A line of the offers and requests fitting one person (the reverse view).")
    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="cascade",
                                     index=True)
    rank = fields.Integer()
    score = fields.Integer()
    skill_points = fields.Integer(string="Skills")
    territory = fields.Selection(TERRITORY)
    territory_basis = fields.Selection(
        TERRITORY_BASIS, string="Territory from",
        help="Whether the residence or the domicile (the nearer of the two) gave the "
        "territory points.")
    territory_points = fields.Integer(string="Territory points")
    availability = fields.Selection(AVAILABILITY)
    availability_points = fields.Integer(string="Availability points")
    skills_matched = fields.Char()
    skills_missing = fields.Char()
    readiness = fields.Selection(related="beneficiary_id.readiness")
    municipality_id = fields.Many2one(related="beneficiary_id.municipality_id")
    domicile_municipality_id = fields.Many2one(
        related="beneficiary_id.domicile_municipality_id")
    target_deadline = fields.Date(string="Deadline", compute="_compute_target_deadline")
    shortlisted = fields.Boolean(
        string="Already proposed", compute="_compute_shortlisted",
        help="Candidate of the request, or the offer was already sent to the person.")

    _sql_constraints = [
        ("one_target", "CHECK((request_id IS NULL) <> (offer_id IS NULL))",
         "A matching result is for a personnel request or for a job offer."),
    ]

    def init(self):
        cr = self.env.cr
        for name in engine.OLD_INDEXES:
            cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(name)))
        for name, statement in MATCH_INDEXES.items():
            if not index_exists(cr, name):
                cr.execute(statement)

    @api.depends("request_id.candidate_ids", "offer_id.line_ids")
    def _compute_shortlisted(self):
        for match in self:
            reached = (match.request_id.candidate_ids.beneficiary_id
                       | match.offer_id.line_ids.beneficiary_id)
            match.shortlisted = match.beneficiary_id in reached

    @api.depends("request_id.deadline", "offer_id.deadline")
    def _compute_target_deadline(self):
        for match in self:
            match.target_deadline = match.request_id.deadline or match.offer_id.deadline

    def _target(self):
        self.ensure_one()
        return self.request_id or self.offer_id

    # ----------------------------------------------------------------- fast path
    @api.model
    def _rank_sql(self, target, limit=TOP, window=None):
        """[(beneficiary_id, score, skill_points, territory_points, availability_points)]
        of the best people for ``target`` (a request or an offer)."""
        self._flush_engine()
        return engine.rank_people(self.env, target._ixl_match_target(), limit, window,
                                  fields.Date.context_today(self))

    def _flush_engine(self):
        for model in ("ixl.beneficiary", "ixl.beneficiary.skill", "ixl.placement",
                      "ixl.municipality", *TARGET_FIELDS):
            self.env[model].flush_model()

    # ------------------------------------------------------------ result lines
    @api.model
    def _refresh_for_target(self, target):
        """Replace the target's results with the current top people. Results are
        written by the matching only (operators read them): an operator's score could
        otherwise be copied onto a candidature or a sending."""
        require_group(target, OPERATOR)
        ranking = self._rank_sql(target)
        field = TARGET_FIELDS[target._name]
        target.match_ids.filtered(lambda m: not m.for_person).sudo().unlink()
        points = {person_id: row for person_id, *row in ranking}
        people = self.env["ixl.beneficiary"].browse(list(points))  # in ranking order
        held = self._held_skills(people)
        return self.sudo().create([
            self._line_vals(target, person, held, rank, points[person.id], {field: target.id})
            for rank, person in enumerate(people, 1)
        ]).sudo(False)

    @api.model
    def _refresh_for_person(self, person):
        """Replace the person's lines of the reverse view with the open requests and open
        offers fitting them, best first (the same engine, one query per kind)."""
        require_group(person, OPERATOR)
        self._flush_engine()
        self.search([("beneficiary_id", "=", person.id),
                     ("for_person", "=", True)]).sudo().unlink()
        today = fields.Date.context_today(self)
        held = self._held_skills(person)
        found = []
        for model, field in TARGET_FIELDS.items():
            targets = self.env[model]._ixl_match_open_targets()
            scores = engine.rank_targets(self.env, [t._ixl_match_target() for t in targets],
                                         person.id, today)
            found += [(score, target, field) for target in targets
                      if (score := scores.get(target.id))]
        found.sort(key=lambda item: (-item[0][0], item[1].deadline or date.max,
                                     item[2], item[1].id))
        return self.sudo().create([
            self._line_vals(target, person, held, rank, score,
                            {field: target.id, "for_person": True})
            for rank, (score, target, field) in enumerate(found[:TOP], 1)
        ]).sudo(False)

    @api.model
    def _held_skills(self, people):
        """{person id: {skill id: level progress}}."""
        held = {}
        for skill in self.env["ixl.beneficiary.skill"].search_read(
                [("beneficiary_id", "in", people.ids)],
                ["beneficiary_id", "skill_id", "level_progress"], load=False):
            held.setdefault(skill["beneficiary_id"], {})[skill["skill_id"]] = (
                skill["level_progress"] or 0)
        return held

    @api.model
    def _line_vals(self, target, person, held, rank, points, extra):
        score, skill_pts, territory_pts, avail_pts = points
        matched, missing = self._describe_skills(target, held.get(person.id, {}))
        interest_ok, interest_missing = self._describe_interest(target, person)
        return {
            "beneficiary_id": person.id, "rank": rank, "score": score,
            "skill_points": skill_pts, "territory_points": territory_pts,
            "territory": {MUNICIPALITY_POINTS: "municipality",
                          DISTRICT_POINTS: "district"}.get(territory_pts, "elsewhere"),
            "territory_basis": self._territory_basis(target, person, territory_pts),
            "availability_points": avail_pts,
            "availability": "free" if avail_pts == FREE_POINTS else "part_time",
            "skills_matched": ", ".join(matched + interest_ok),
            "skills_missing": ", ".join(missing + interest_missing),
            **extra,
        }

    @api.model
    def _territory_basis(self, target, person, points):
        """Which of residence and domicile gave the territory points."""
        if points == MUNICIPALITY_POINTS:
            near = person.municipality_id == target.municipality_id
        elif points == DISTRICT_POINTS:
            near = person.district_id == target.municipality_id.district_id
        else:
            return False
        return "residence" if near else "domicile"

    @api.model
    def _describe_skills(self, target, held):
        matched, missing = [], []
        for line in target.skill_ids:
            progress = held.get(line.skill_id.id)
            if progress is None:
                missing.append(line.skill_id.name)
            elif progress >= (line.min_progress or 0):
                matched.append(line.skill_id.name)
            else:
                matched.append(self.env._("%s (lower level)", line.skill_id.name))
        return matched, missing

    @api.model
    def _describe_interest(self, target, person):
        area = target._ixl_match_area()
        if not area:
            return [], []
        if area in person.job_area_ids:
            return [self.env._("interest: %s", area.name)], []
        return [], [self.env._("interest: %s", area.name)]

    def action_shortlist(self):
        """Propose the people to the request, with the score of the matching (a
        snapshot only this step writes)."""
        require_group(self, OPERATOR)
        Candidate = self.env["ixl.candidate"]._ixl_transition()
        for match in self.filtered(lambda m: m.request_id and not m.shortlisted):
            Candidate.create({
                "request_id": match.request_id.id,
                "beneficiary_id": match.beneficiary_id.id,
                "match_score": match.score,
            })
        return True

    def action_send_offer(self):
        """Open the sending of the offer to the selected people (one offer at a time)."""
        offers = self.offer_id
        if len(offers) != 1:
            raise UserError(self.env._("Select people proposed for one job offer."))
        people = self.filtered(lambda m: not m.shortlisted).beneficiary_id
        return offers._open_send(people)

    def action_open_target(self):
        target = self._target()
        return {"type": "ir.actions.act_window", "res_model": target._name,
                "res_id": target.id, "view_mode": "form"}
