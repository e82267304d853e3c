from odoo import api, fields, models

from .ixl_beneficiary import OUTCOMES, PROFILE_TYPES, READINESS, profile_of


class IxlInterviewOutcomeRecord(models.Model):
    """One recorded outcome of an interview of a person: the first interview and every
    later assessment (a person not in target can be assessed again, e.g. when the target
    widens). Written only by the interview outcome wizard (``ixl.workflow.mixin``),
    never edited: the history of the decisions."""

    _name = "ixl.interview.outcome.record"
    _description = "Interview outcome (history)"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date desc, id desc"
    _rec_name = "beneficiary_id"
    _ixl_locked_fields = ("beneficiary_id", "date", "interviewer_id", "user_id", "outcome",
                          "has_score", "vulnerability_score", "profile_type", "readiness",
                          "is_first")

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, ondelete="cascade", index=True, readonly=True)
    date = fields.Date(string="Interview date", required=True, readonly=True)
    interviewer_id = fields.Many2one("res.users", readonly=True)
    user_id = fields.Many2one("res.users", string="Recorded by", required=True, readonly=True,
                              default=lambda self: self.env.user)
    outcome = fields.Selection(OUTCOMES, required=True, readonly=True)
    has_score = fields.Boolean(string="Score recorded", readonly=True)
    vulnerability_score = fields.Integer(readonly=True)
    profile_type = fields.Selection(PROFILE_TYPES, compute="_compute_profile_type", store=True)
    readiness = fields.Selection(READINESS, readonly=True)
    is_first = fields.Boolean(string="First interview", readonly=True)

    @api.depends("has_score", "vulnerability_score")
    def _compute_profile_type(self):
        for rec in self:
            rec.profile_type = profile_of(rec.has_score, rec.vulnerability_score)

    @api.model
    def _ixl_backfill_first_interviews(self):
        """People interviewed before the history existed (older versions, demo data):
        the outcome of the first interview (in target when a score was recorded) and one
        history row each, with the person's current score and readiness; people still
        "interviewed" wait for their outcome. Trusted code (migration, data files)."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("""
            UPDATE ixl_beneficiary
               SET first_outcome = CASE WHEN has_score THEN 'in_target' ELSE 'out_of_target' END,
                   first_profile_type = profile_type
             WHERE interview_held_date IS NOT NULL AND first_outcome IS NULL
               AND state != 'interviewed'
        """)
        cr.execute("""
            INSERT INTO ixl_interview_outcome_record
                   (beneficiary_id, date, interviewer_id, user_id, outcome, has_score,
                    vulnerability_score, profile_type, readiness, is_first,
                    create_uid, create_date, write_uid, write_date)
            SELECT b.id, b.interview_held_date, b.interviewer_id,
                   COALESCE(b.interviewer_id, %(uid)s), b.first_outcome,
                   COALESCE(b.has_score, FALSE), b.vulnerability_score, b.first_profile_type,
                   b.readiness, TRUE, %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s,
                   NOW() AT TIME ZONE 'UTC'
              FROM ixl_beneficiary b
             WHERE b.interview_held_date IS NOT NULL AND b.first_outcome IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM ixl_interview_outcome_record r
                                WHERE r.beneficiary_id = b.id)
        """, {"uid": self.env.uid})
        self.env.invalidate_all()
