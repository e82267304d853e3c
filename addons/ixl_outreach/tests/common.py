from odoo.addons.ixl_beneficiary.tests.common import IxlCase


class FollowupCase(IxlCase):
    """Two people out of protocol sharing one email, and a follow-up campaign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("ixl_outreach.survey_followup")
        cls.anna = cls.make_beneficiary("out_of_protocol", first_name="Anna",
                                        email="family@example.com")
        cls.bruno = cls.make_beneficiary("out_of_protocol", first_name="Bruno",
                                         email="family@example.com")
        cls.campaign = cls.env["ixl.followup.campaign"].with_user(cls.operator).create({
            "name": "Follow-up 2026",
            "beneficiary_ids": [(6, 0, (cls.anna | cls.bruno).ids)],
        })

    @classmethod
    def question(cls, key):
        return cls.env.ref(f"ixl_outreach.survey_followup_q_{key}")

    @classmethod
    def choice(cls, key, value):
        return cls.question(key).suggested_answer_ids.filtered(lambda a: a.ixl_value == value)

    @classmethod
    def answer(cls, user_input, choices, comment=None, done=True):
        lines = [{
            "user_input_id": user_input.id,
            "question_id": cls.question(key).id,
            "answer_type": "suggestion",
            "suggested_answer_id": cls.choice(key, value).id,
        } for key, value in choices.items()]
        if comment:
            lines.append({"user_input_id": user_input.id, "question_id": cls.question("comment").id,
                          "answer_type": "text_box", "value_text_box": comment})
        cls.env["survey.user_input.line"].create(lines)
        if done:
            user_input._mark_done()
        else:
            user_input._mark_in_progress()
