from odoo.tests import new_test_user, tagged

from .common import MicrocreditCase

# Expected rights per model and group (r, w, c, u allowed).
MATRIX = {
    "ixl.guarantee.fund": {"operator": "", "coordinator": "rwc", "finance": "rwc",
                           "admin": "rwcu", "committee": "", "employee": ""},
    "ixl.fund.ceiling": {"operator": "", "coordinator": "r", "finance": "r",
                         "admin": "r", "committee": "", "employee": ""},
    "ixl.fund.move": {"operator": "", "coordinator": "r", "finance": "r",
                      "admin": "r", "committee": "", "employee": ""},
    "ixl.loan.product": {"operator": "r", "coordinator": "rwc", "finance": "rwc",
                         "admin": "rwcu", "committee": "", "employee": ""},
    "ixl.loan": {"operator": "r", "coordinator": "rwc", "finance": "rwc",
                 "admin": "rwcu", "committee": "", "employee": ""},
    "ixl.loan.instalment": {"operator": "r", "coordinator": "r", "finance": "r",
                            "admin": "r", "committee": "", "employee": ""},
    "ixl.selfemployment.project": {"operator": "rwc", "coordinator": "rwcu", "finance": "r",
                                   "admin": "rwcu", "committee": "", "employee": ""},
    "ixl.social.project": {"operator": "rwc", "coordinator": "rwcu", "finance": "r",
                           "admin": "rwcu", "committee": "rw", "employee": ""},
    "ixl.social.project.payment": {"operator": "r", "coordinator": "rwcu", "finance": "rwcu",
                                   "admin": "rwcu", "committee": "r", "employee": ""},
}


@tagged("post_install", "-at_install")
class TestAccess(MicrocreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "operator": cls.operator, "coordinator": cls.coordinator, "finance": cls.finance,
            "admin": new_test_user(cls.env, login="ixl_mc_admin",
                                   groups="ixl_beneficiary.group_ixl_admin"),
            "committee": cls.committee,
            "employee": new_test_user(cls.env, login="ixl_mc_employee", groups="base.group_user"),
        }
        loan = cls.make_loan(1000.0)
        loan.action_approve()
        loan.action_disburse()
        org = cls.env["res.partner"].create({"name": "Coop", "is_company": True})
        social = cls.env["ixl.social.project"].create({"name": "Garden", "partner_id": org.id,
                                                       "funding_approved": 100.0})
        cls.records = {
            "ixl.guarantee.fund": cls.fund,
            "ixl.fund.ceiling": cls.fund.ceiling_ids,
            "ixl.fund.move": cls.fund.move_ids[:1],
            "ixl.loan.product": cls.product80,
            "ixl.loan": loan,
            "ixl.loan.instalment": loan.instalment_ids[:1],
            "ixl.selfemployment.project": cls.env["ixl.selfemployment.project"].create({
                "name": "Bakery", "beneficiary_id": cls.person.id}),
            "ixl.social.project": social,
            "ixl.social.project.payment": cls.env["ixl.social.project.payment"].create({
                "project_id": social.id, "amount": 50.0}),
        }

    def test_access_matrix(self):
        self.assertAccessMatrix("ixl_microcredit", MATRIX, self.users, self.records)
