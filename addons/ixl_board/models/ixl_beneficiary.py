from markupsafe import Markup

from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import related_records_action, set_related_count


class IxlBeneficiary(models.Model):
    _inherit = "ixl.beneficiary"

    candidate_ids = fields.One2many("ixl.candidate", "beneficiary_id", string="Candidatures")
    candidate_count = fields.Integer(string="Number of candidatures",
                                     compute="_compute_candidate_count")
    internship_ids = fields.One2many("ixl.internship", "beneficiary_id", string="Internships")
    offer_line_ids = fields.One2many("ixl.job.offer.line", "beneficiary_id",
                                     string="Job offers signalled",
                                     groups="ixl_beneficiary.group_ixl_operator")
    offer_line_count = fields.Integer(string="Offers signalled",
                                      compute="_compute_offer_line_count",
                                      groups="ixl_beneficiary.group_ixl_operator")

    def _portal_short_name(self):
        """What a company sees of the person's name: first name and initial."""
        self.ensure_one()
        initial = (self.last_name or "")[:1].upper()
        return f"{self.first_name or ''} {initial}.".strip()

    def _compute_candidate_count(self):
        set_related_count(self, "candidate_count", "ixl.candidate", "beneficiary_id")

    def _compute_offer_line_count(self):
        set_related_count(self, "offer_line_count", "ixl.job.offer.line", "beneficiary_id")

    def _ixl_offer_mail_blockers(self):
        """{person: why a job offer cannot be emailed to them} (no address, blacklisted;
        the communications consent is added by ixl_outreach_board)."""
        blocked = {}
        for person in self:
            contact = person.sudo().partner_id  # the address only, to tell staff why
            if not contact.email:
                blocked[person] = self.env._("no email address")
            elif contact.is_blacklisted:
                blocked[person] = self.env._("the email address is blacklisted")
        return blocked

    def action_view_offer_lines(self):
        return self._action_view_related("ixl.job.offer.line", self.env._("Job offers"))

    def action_view_fitting(self):
        """The open job offers and personnel requests fitting the person, best first
        (the matching engine of the Board, from the person's side)."""
        self.ensure_one()
        self.env["ixl.match"]._refresh_for_person(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Offers and requests for %s", self.name),
            "res_model": "ixl.match",
            "view_mode": "list",
            "views": [(self.env.ref("ixl_board.ixl_match_view_list_person").id, "list")],
            "domain": [("beneficiary_id", "=", self.id), ("for_person", "=", True)],
            "help": Markup("<p>%s</p><p>%s</p>") % (
                self.env._("No open job offer or personnel request fits %(name)s now.",
                           name=self.name),
                self.env._("Only people admitted to the programme, ready for placement and "
                           "not placed full-time are matched (for personnel requests, with "
                           "the consent to share the CV).")),
        }

    def action_view_candidates(self):
        return related_records_action(self, "ixl.candidate", "beneficiary_id",
                                      self.env._("Candidatures"), context={})

    # ---------------------------------------------------------------- privacy hooks
    def _privacy_related_records(self):
        person = self.sudo()
        return super()._privacy_related_records() + [
            person.candidate_ids, person.internship_ids, person.offer_line_ids]

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
