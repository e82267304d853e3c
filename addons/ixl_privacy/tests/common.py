import base64

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


class PrivacyCase(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.italy = cls.env.ref("base.it")
        cls.morocco = cls.env.ref("base.ma")

    @classmethod
    def make_person(cls, birthdate="1980-01-15", gender="male", nationality=None, **vals):
        """An active person with a CV, an identity document and CV consent."""
        return cls.make_beneficiary(
            state="active", birthdate_date=birthdate, gender=gender,
            nationality_id=(nationality or cls.italy).id, phone="+39 051 123456",
            street="Via Indipendenza 1", zip="40121", city="Bologna",
            cv_file=base64.b64encode(b"%PDF-1.4 cv"), cv_filename="cv.pdf",
            id_document=base64.b64encode(b"%PDF-1.4 id"), id_document_filename="id.pdf",
            fragility_notes="<p>Health condition X</p>",
            interview_notes="<p>Met on Monday</p>", cv_sharing_consent=True, **vals)

    @classmethod
    def place(cls, person, start, **vals):
        values = {"beneficiary_id": person.id, "employer_id": cls.employer.id,
                  "placement_type": "hire", "contract_type": "fixed_term",
                  "date_start": start, "weekly_hours": 20, **vals}
        return cls.env["ixl.placement"].create(values)
