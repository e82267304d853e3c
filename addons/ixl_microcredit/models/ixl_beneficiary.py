from odoo import fields, models

# Loans whose guarantee is still committed at the bank.
OPEN_LOAN_STATES = ("approved", "disbursed", "repaying")


class IxlBeneficiary(models.Model):
    """Privacy hooks of the microcredit: loans and self-employment projects."""

    _inherit = "ixl.beneficiary"

    selfemployment_project_ids = fields.One2many(
        "ixl.selfemployment.project", "beneficiary_id", string="Self-employment projects")

    def _privacy_loans(self):
        return self.env["ixl.loan"].sudo().search([("beneficiary_id", "in", self.ids)])

    def _privacy_related_records(self):
        projects = self.env["ixl.selfemployment.project"].sudo().search(
            [("beneficiary_id", "in", self.ids)])
        loans = self._privacy_loans()
        return super()._privacy_related_records() + [loans, loans.instalment_ids, projects]

    def _privacy_erasure_blockers(self):
        reasons = super()._privacy_erasure_blockers()
        loans = self._privacy_loans()
        open_loans = loans.filtered(lambda loan: loan.state in OPEN_LOAN_STATES)
        if open_loans:
            reasons.append(self.env._(
                "Loan %s is still open: the guarantee fund and the bank (Emil Banca) need "
                "the borrower's data until it is repaid or closed.",
                ", ".join(open_loans.mapped("name"))))
        called = loans.filtered(lambda loan: loan.state == "defaulted" and loan.loss_amount > 0)
        if called:
            reasons.append(self.env._(
                "The guarantee of loan %s was called and is not recovered: the recovery "
                "requires the debtor's data.", ", ".join(called.mapped("name"))))
        return reasons

    def _privacy_anonymise_related(self):
        res = super()._privacy_anonymise_related()
        self._privacy_loans().write({"note": False})
        projects = self.env["ixl.selfemployment.project"].sudo().search(
            [("beneficiary_id", "in", self.ids)])
        for project in projects:
            project.write({
                "name": self.env._("Anonymised project %s", project.id),
                "idea": False, "monitoring_notes": False,
                "business_plan": False, "business_plan_name": False,
            })
        return res
