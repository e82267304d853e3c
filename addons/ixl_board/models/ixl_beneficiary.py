from odoo import fields, models


class IxlBeneficiary(models.Model):
    _inherit = "ixl.beneficiary"

    candidate_ids = fields.One2many("ixl.candidate", "beneficiary_id", string="Candidatures")
    candidate_count = fields.Integer(string="Number of candidatures",
                                     compute="_compute_candidate_count")
    internship_ids = fields.One2many("ixl.internship", "beneficiary_id", string="Internships")

    def _portal_short_name(self):
        """What a company sees of the person's name: first name and initial."""
        self.ensure_one()
        initial = (self.last_name or "")[:1].upper()
        return f"{self.first_name or ''} {initial}.".strip()

    def _compute_candidate_count(self):
        counts = dict(self.env["ixl.candidate"]._read_group(
            [("beneficiary_id", "in", self.ids)], ["beneficiary_id"], ["__count"]))
        for person in self:
            person.candidate_count = counts.get(person, 0)

    def action_view_candidates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Candidatures"),
            "res_model": "ixl.candidate",
            "view_mode": "list,form",
            "domain": [("beneficiary_id", "=", self.id)],
        }

    # ---------------------------------------------------------------- privacy hooks
    def _privacy_related_records(self):
        person = self.sudo()
        return super()._privacy_related_records() + [person.candidate_ids,
                                                     person.internship_ids]

    def _privacy_erasure_blockers(self):
        reasons = super()._privacy_erasure_blockers()
        ongoing = self.sudo().internship_ids.filtered(lambda i: i.state == "ongoing")
        if ongoing:
            reasons.append(self.env._(
                "An internship is ongoing (%s): the host company, the insurance and the "
                "indemnity payments need the person's data until it ends.",
                ", ".join(ongoing.mapped("display_name"))))
        return reasons

    def _privacy_anonymise_related(self):
        res = super()._privacy_anonymise_related()
        person = self.sudo()
        person.candidate_ids.write({"refusal_note": False})
        person.internship_ids.write({"note": False})
        self.env["ixl.match"].sudo().search([("beneficiary_id", "in", self.ids)]).unlink()
        return res
