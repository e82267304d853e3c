import base64

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


def without_demo_board(env):
    """Take the companies of the database (demo data, dated relative to the install day)
    out of the Board, so the Board counts are the test's own (trusted write)."""
    env["res.partner"].with_context(active_test=False).search(
        [("ixl_board_state", "!=", False)]).write({
            "ixl_board_state": False, "ixl_contact_date": False,
            "ixl_board_join_date": False, "ixl_board_leave_date": False})


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
    def make_forklift_request_and_person(cls):
        """A warehouse request wanting a forklift driver (basic level) and a ready person
        in Casalecchio who drives forklifts (advanced) and shared a CV."""
        cls.request = cls.make_request([(cls.forklift, cls.basic)], positions=1)
        cls.person = cls.make_ready([(cls.forklift, cls.advanced)], cls.casalecchio,
                                    cv_file=base64.b64encode(b"%PDF-1.4 cv"),
                                    cv_filename="cv.pdf")

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


class OfferCase(BoardCase):
    freeze_time = "2026-03-10 09:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.logistics = ref("ixl_beneficiary.job_area_logistics_and_warehouse")
        cls.cleaning_area = ref("ixl_beneficiary.job_area_cleaning_services")
        cls.dozza = ref("ixl_beneficiary.municipality_dozza")
        cls.alto_reno = ref("ixl_beneficiary.municipality_alto_reno_terme")
        cls.mail_template = ref("ixl_board.mail_template_job_offer")

    @classmethod
    def make_offer(cls, skills=(), municipality=None, user=None, **vals):
        values = {
            "name": "Forklift driver", "employer_name": "Magazzini Imolesi Srl",
            "url": "https://www.example.com/offerte/carrellista-imola",
            "source": "Indeed", "municipality_id": (municipality or cls.imola).id,
            "job_area_id": cls.logistics.id, "placement_type": "hire",
            "contract_type": "fixed_term", "weekly_hours": 40,
            "skill_ids": [(0, 0, {"skill_type_id": cls.skill_type.id, "skill_id": skill.id,
                                  "min_level_id": level.id if level else False})
                          for skill, level in skills],
        }
        values.update(vals)
        return cls.env["ixl.job.offer"].with_user(user or cls.operator).create(values)

    def send(self, offer, people, user=None):
        """The operator's path: the offer's "Send to people" button, the wizard."""
        action = offer.with_user(user or self.operator)._open_send(people)
        form = self.action_form(action, user)
        wizard = form.save()
        return wizard, wizard.action_confirm()

    def answer(self, line, user=None, **values):
        return self.run_wizard(line, "action_open_answer", user, **values)


class InternshipCase(IxlCase):
    """Internships driven as staff drive them: the form's buttons and their wizards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_beneficiary(state="active")
        cls.eur = cls.env.ref("base.EUR")
        # 50 employees: 5 trainees at a time under the regional rule (ixl.internship.rule).
        cls.employer.ixl_employee_count = 50

    def _internship(self, user=None, **vals):
        values = {"partner_id": self.employer.id, "beneficiary_id": self.person.id,
                  "tutor_name": "Tina Tutor", "tutor_email": "tina@example.com",
                  "date_start": "2026-01-15", "date_end": "2026-04-10",
                  "monthly_indemnity": 600}
        values.update(vals)
        return self.env["ixl.internship"].with_user(user or self.operator).create(values)

    def _suspend(self, internship, date_from, date_to, user=None, **values):
        return self.run_wizard(internship, "action_open_suspend", user, date_from=date_from,
                               date_to=date_to, reason="Sick leave", **values)

    def _close(self, internship, outcome, user=None, **values):
        return self.run_wizard(internship, "action_open_close", user, outcome=outcome, **values)

    def _extend(self, internship, date_end, user=None):
        return self.run_wizard(internship, "action_open_extend", user, date_end=date_end)

    def _pay(self, line, user=None, **values):
        return self.run_wizard(line, "action_open_payment", user or self.coordinator, **values)

    @staticmethod
    def _months(internship):
        return [(line.month, line.days_in_period, line.days_suspended, line.days_paid,
                 line.amount) for line in internship.month_ids]
