from odoo.addons.ixl_beneficiary.tests.common import IxlCase


class MeetingCase(IxlCase):
    """The Tavolo tecnico of the seven signatories, meeting every three months."""

    SIGNATORIES = ("Arcidiocesi di Bologna", "Comune di Bologna", "Città metropolitana",
                   "Fondazione San Petronio", "OPIMM", "FOMAL", "Emil Banca")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members = cls.env["res.partner"]
        for index, name in enumerate(cls.SIGNATORIES):
            organisation = cls.env["res.partner"].create({"name": name, "is_company": True})
            cls.members |= cls.env["res.partner"].create({
                "name": f"Rappresentante {index + 1}", "parent_id": organisation.id,
                "email": f"rep{index + 1}@example.com"})
        cls.tecnico = cls.env["ixl.table"].with_user(cls.coordinator).create({
            "name": "Tavolo tecnico", "kind": "tecnico", "interval_months": 3,
            "member_ids": [(6, 0, cls.members.ids)]})
        cls.coordinamento = cls.env["ixl.table"].with_user(cls.coordinator).create({
            "name": "Tavolo di coordinamento", "kind": "coordinamento", "interval_months": 6,
            "member_ids": [(6, 0, cls.members[:3].ids)]})

    @classmethod
    def plan(cls, table, start, **vals):
        return cls.env["ixl.meeting"].with_user(cls.coordinator).create(
            {"table_id": table.id, "start": start, **vals})
