from odoo.addons.ixl_beneficiary.tests.common import IxlCase


class BoardCase(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Skill = cls.env["hr.skill"]
        cls.skill_type = cls.env.ref("ixl_beneficiary.skill_type_professional")
        cls.basic = cls.env.ref("ixl_beneficiary.skill_level_professional_basic")
        cls.intermediate = cls.env.ref("ixl_beneficiary.skill_level_professional_intermediate")
        cls.advanced = cls.env.ref("ixl_beneficiary.skill_level_professional_advanced")
        cls.cleaning = Skill.browse(cls.env.ref("ixl_beneficiary.skill_office_cleaning").id)
        cls.forklift = cls.env.ref("ixl_beneficiary.skill_forklift_operation")
        cls.picking = cls.env.ref("ixl_beneficiary.skill_warehouse_picking")
        cls.casalecchio = cls.env.ref("ixl_beneficiary.municipality_casalecchio_di_reno")
        cls.zola = cls.env.ref("ixl_beneficiary.municipality_zola_predosa")
        cls.company = cls.env["res.partner"].create({
            "name": "Logistica Test Srl", "is_company": True, "ixl_board_state": "member"})

    @classmethod
    def make_ready(cls, skills=(), municipality=None, **vals):
        """An active, ready beneficiary with (skill, level) pairs."""
        vals.setdefault("cv_sharing_consent", True)
        person = cls.make_beneficiary(
            state="active", readiness="ready",
            municipality_id=(municipality or cls.bologna).id, **vals)
        for skill, level in skills:
            cls.env["ixl.beneficiary.skill"].create({
                "beneficiary_id": person.id, "skill_type_id": cls.skill_type.id,
                "skill_id": skill.id, "skill_level_id": level.id})
        return person

    @classmethod
    def make_request(cls, skills=(), municipality=None, **vals):
        return cls.env["ixl.job.request"].create({
            "name": "Warehouse worker", "partner_id": cls.company.id,
            "municipality_id": (municipality or cls.casalecchio).id,
            "placement_type": "hire", "contract_type": "fixed_term", "weekly_hours": 38,
            "skill_ids": [(0, 0, {"skill_type_id": cls.skill_type.id, "skill_id": skill.id,
                                  "min_level_id": level.id if level else False})
                          for skill, level in skills],
            **vals,
        })
