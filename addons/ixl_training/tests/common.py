from odoo.tests import new_test_user

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


def new_ips_operator(env, login="ixl_ips"):
    """An operator of the IPS paths with the Mental Health Department (health data)."""
    return new_test_user(env, login=login, name="Irene IPS",
                         groups="ixl_training.group_ixl_ips_operator")


class TrainingCase(IxlCase):
    """Providers, agreement, course; editions, packages and placements on demand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.env.ref("base.EUR")
        cls.provider = cls.env["res.partner"].create(
            {"name": "Ente Formazione Test", "is_company": True, "is_training_provider": True})
        cls.agreement = cls.env["ixl.training.agreement"].create({
            "name": "Agreement 2025", "provider_id": cls.provider.id, "risk_share": 30,
            "indicator": "employment_rate", "target_value": 50, "window_months": 6})
        cls.course = cls.env["ixl.course"].create({
            "name": "Social-health operator", "kind": "qualification",
            "provider_id": cls.provider.id, "qualification": "OSS"})

    @classmethod
    def make_edition(cls, name="OSS 2025", **vals):
        return cls.env["ixl.course.edition"].create({
            "name": name, "course_id": cls.course.id, "date_start": "2025-01-01",
            "date_end": "2025-03-31", "hours": 1000, "total_cost": 10000, **vals})

    @classmethod
    def enrol(cls, edition, count, outcome="completed"):
        people = cls.env["ixl.beneficiary"]
        for _i in range(count):
            people |= cls.make_beneficiary(state="active")
        cls.env["ixl.training.package"].create([
            {"beneficiary_id": person.id, "edition_id": edition.id, "outcome": outcome}
            for person in people])
        return people

    @classmethod
    def place(cls, person, date_start, contract="fixed_term", previous=None):
        return cls.env["ixl.placement"].create({
            "beneficiary_id": person.id, "employer_id": cls.employer.id,
            "placement_type": "hire", "contract_type": contract, "date_start": date_start,
            "relation": "renewal" if previous else "new",
            "previous_placement_id": previous.id if previous else False})
