from odoo import fields, models


class IxlBeneficiary(models.Model):
    _inherit = "ixl.beneficiary"

    candidate_ids = fields.One2many("ixl.candidate", "beneficiary_id", string="Candidatures")
    refusal_count = fields.Integer(
        string="Offers refused", compute="_compute_refusal_count",
        help="Candidatures the person refused (refused by the beneficiary).",
    )
    internship_ids = fields.One2many("ixl.internship", "beneficiary_id", string="Internships")

    def _portal_short_name(self):
        """What a company sees of the person's name: first name and initial."""
        self.ensure_one()
        initial = (self.last_name or "")[:1].upper()
        return f"{self.first_name or ''} {initial}.".strip()

    def _compute_refusal_count(self):
        counts = dict(self.env["ixl.candidate"]._read_group(
            [("beneficiary_id", "in", self.ids), ("state", "=", "refused_beneficiary")],
            ["beneficiary_id"], ["__count"]))
        for person in self:
            person.refusal_count = counts.get(person, 0)

    def action_view_candidates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Candidatures"),
            "res_model": "ixl.candidate",
            "view_mode": "list,form",
            "domain": [("beneficiary_id", "=", self.id)],
        }
