"""The year 2020 of the programme, built through the models (batch creates).

The figures are those of the 2020 annual report (docs: /work/shared/domain.md):
1,062 registrations, 788 first interviews, 354 placements for 160 people, 103 Board
companies out of 252 contacted, 374 training packages, 65 internships, 38
self-employment proposals, 64 social-innovation projects evaluated over four years
(2017-2020) and the OSS 2020 course (22 participants, 41 placements, 20 people employed:
186.4% and 90.9%). 2019 has 120 registrations a month (the previous period).

``build_2020(env)`` needs ixl_board, ixl_training and ixl_microcredit installed and an
environment of the superuser (data set up by the test, as a migration would). Demo Board
companies are taken out of the Board first (their dates are relative to today), so the
Board counts are the dataset's. Reuse it: ``year = build_2020(cls.env)`` in setUpClass.
"""
from types import SimpleNamespace

from freezegun import freeze_time

from odoo.addons.ixl_board.tests.common import without_demo_board

FIGURES = {
    "registrations": 1062,
    "registrations_2019": 1440,
    "interviews": 788,
    "in_target": 610,
    "placements": 354,
    "placed_people": 160,
    "permanent": 31,
    "board_contacted": 252,
    "board_members": 103,
    "training_packages": 374,
    "internships": 65,
    "internships_ended": 30,
    "selfemployment": 38,
    "social_projects": 64,
    "social_2020": 17,
    "oss_participants": 22,
    "oss_placements": 41,
    "oss_employed": 20,
}
# 2020 by month (lockdown in March-May), 1,062 in all.
REGISTRATIONS_BY_MONTH = [120, 115, 60, 40, 70, 95, 100, 70, 105, 100, 95, 92]
SOCIAL_BY_YEAR = {2017: 14, 2018: 16, 2019: 17, 2020: 17}
# Training packages of 2020 besides the 22 of the OSS course: 352.
PACKAGES_BY_KIND = {"dynamic_cv": 110, "soft_skills": 80, "safety": 60, "italian": 40,
                    "technical": 30, "haccp": 22, "skills_assessment": 10}
SE_STATES_2020 = ["proposed"] * 12 + ["accompaniment"] * 10 + ["standby"] * 4 + \
    ["rejected"] * 8 + ["started"] * 4
SOCIAL_STATES_CYCLE = ["selected", "rejected", "accompaniment", "positive", "concluded",
                       "withdrawn", "standby"]
# Hires other than the OSS ones: (contract, count); with 12 mini jobs and 6
# self-employment placements they make the 248 placements of the other 140 people.
OTHER_HIRES = [("fixed_term", 180), ("permanent", 31), ("on_call", 15), ("own_account", 4)]
OTHER_TYPES = [("mini_job", 12), ("self_employment", 6)]
# Hires of the ten companies that hired most (the Board ranking); the other placements
# go round 27 more members (at most 4 each).
TOP_HIRES = [30, 24, 20, 17, 15, 13, 11, 10, 9, 8]


def _day(month, pos, last=28):
    return f"2020-{month:02d}-{1 + pos % last:02d}"


class Builder:
    def __init__(self, env):
        self.env = env(context=dict(env.context, tracking_disable=True,
                                    mail_create_nolog=True, mail_notrack=True))
        self.bologna = self.env.ref("ixl_beneficiary.municipality_bologna")
        self.italy = self.env.ref("base.it")
        self.morocco = self.env.ref("base.ma")
        self.year = SimpleNamespace(figures=FIGURES)

    def people(self, dates, prefix, **vals):
        """People registered on ``dates`` (UTC datetimes), codice fiscale pending."""
        return self.env["ixl.beneficiary"].create([{
            "first_name": "Persona", "last_name": f"{prefix}{pos:04d}",
            "fiscal_code_pending": True, "registration_date": when,
            "municipality_id": self.bologna.id, "gender": ("female", "male")[pos % 2],
            "nationality_id": (self.italy, self.morocco)[pos % 3 == 0].id,
            "birthdate_date": f"{1960 + pos % 40}-05-10", **vals,
        } for pos, when in enumerate(dates)])

    def registrations(self):
        dates = [f"{_day(month, pos)} 09:00:00"
                 for month, count in enumerate(REGISTRATIONS_BY_MONTH, 1)
                 for pos in range(count)]
        self.year.people = self.people(dates, "Iscritto")
        older = [f"2019-{1 + pos % 12:02d}-{1 + pos % 28:02d} 09:00:00"
                 for pos in range(FIGURES["registrations_2019"])]
        self.year.people_2019 = self.people(older, "Iscritto2019")

    def interviews(self):
        """788 of the people of 2020 interviewed in 2020: 610 in target (ready, not
        ready, fragile, pending), 178 not in target."""
        interviewed = self.year.people[:FIGURES["interviews"]]
        in_target = interviewed[:FIGURES["in_target"]]
        readiness = ("ready", "ready", "not_ready", "fragile", "pending")
        for pos, person in enumerate(in_target):
            month = min(12, person.registration_date.month + 1)
            person.write({"state": "in_target", "first_outcome": "in_target",
                          "interview_held_date": _day(month, pos),
                          "readiness": readiness[pos % 5], "vulnerability_score": pos % 20,
                          "has_score": True,
                          "first_profile_type": "strong" if pos % 20 <= 10 else "weak"})
        (interviewed - in_target).write({
            "state": "out_of_target", "first_outcome": "out_of_target",
            "interview_held_date": "2020-12-15", "readiness": "pending"})
        self.year.in_target = in_target

    def board(self):
        Partner = self.env["res.partner"]
        without_demo_board(self.env)
        members = FIGURES["board_members"]
        self.year.companies = Partner.create([{
            "name": f"Impresa {pos + 1:03d}", "is_company": True,
            "ixl_board_state": "member" if pos < members else "contacted",
            "ixl_contact_date": _day(1 + pos % 12, pos),
            "ixl_board_join_date": _day(1 + pos % 12, pos) if pos < members else False,
        } for pos in range(FIGURES["board_contacted"])])
        self.year.members = self.year.companies[:members]

    def placement_people(self):
        """160 people placed: 20 of the OSS course, 65 interns, 75 others; 2 more OSS
        participants are never placed."""
        people = self.year.in_target[:FIGURES["placed_people"] + 2]
        people.write({"state": "active"})
        self.year.oss_people = people[:FIGURES["oss_participants"]]
        self.year.oss_employed = people[:FIGURES["oss_employed"]]
        self.year.interns = people[22:22 + FIGURES["internships"]]
        self.year.others = people[22 + FIGURES["internships"]:]
        self.year.placed = self.year.oss_employed | self.year.interns | self.year.others

    def training(self):
        provider = self.env["res.partner"].create(
            {"name": "Ente di formazione 2020", "is_company": True,
             "is_training_provider": True})
        self.env["ixl.training.agreement"].create({
            "name": "Convenzione 2020", "provider_id": provider.id, "risk_share": 30,
            "indicator": "employment_rate", "target_value": 60, "window_months": 6})
        Course, Edition = self.env["ixl.course"], self.env["ixl.course.edition"]
        oss_course = Course.create({"name": "Operatore socio-sanitario",
                                    "kind": "qualification", "provider_id": provider.id,
                                    "qualification": "OSS"})
        self.year.oss = Edition.create({
            "name": "OSS 2020", "course_id": oss_course.id, "date_start": "2020-01-13",
            "date_end": "2020-06-30", "hours": 1000, "total_cost": 60000})
        packages = [{"beneficiary_id": person.id, "edition_id": self.year.oss.id,
                     "date_enrolled": "2020-01-10", "outcome": "completed"}
                    for person in self.year.oss_people]
        pool = self.year.in_target[FIGURES["oss_participants"]:]
        start = 0
        for kind, count in PACKAGES_BY_KIND.items():
            course = Course.create({"name": f"Corso {kind}", "kind": kind,
                                    "provider_id": provider.id})
            edition = Edition.create({
                "name": f"{kind} 2020", "course_id": course.id, "date_start": "2020-02-01",
                "date_end": "2021-03-31", "hours": 20, "total_cost": 1000})
            packages += [{"beneficiary_id": person.id, "edition_id": edition.id,
                          "date_enrolled": _day(1 + pos % 12, pos), "outcome": "completed"}
                         for pos, person in enumerate(pool[start:start + count])]
            start += count
        self.year.packages = self.env["ixl.training.package"].create(packages)

    def placements(self):
        Placement = self.env["ixl.placement"]
        members = self.year.members
        # OSS: 41 placements in the window (July-December) for 20 people: each person a
        # fixed-term hire, renewed once (21 renewals: one person twice).
        first = Placement.create([{
            "beneficiary_id": person.id, "employer_id": members[50 + pos % 10].id,
            "placement_type": "hire", "contract_type": "fixed_term",
            "date_start": _day(7, pos), "date_end": _day(9, pos)}
            for pos, person in enumerate(self.year.oss_employed)])
        renewals = [{"beneficiary_id": hire.beneficiary_id.id, "employer_id": hire.employer_id.id,
                     "placement_type": "hire", "contract_type": "fixed_term",
                     "relation": "renewal", "previous_placement_id": hire.id,
                     "date_start": _day(10, pos)} for pos, hire in enumerate(first)]
        second = Placement.create(renewals)
        Placement.create([{**renewals[0], "previous_placement_id": second[0].id,
                           "date_start": "2020-12-01"}])
        # The other 140 people: 248 placements, one each and a second for 108 of them.
        kinds = [("hire", contract) for contract, count in OTHER_HIRES for _i in range(count)]
        kinds += [(ptype, False) for ptype, count in OTHER_TYPES for _i in range(count)]
        others = self.year.interns | self.year.others
        targets = list(others) + list(others[:len(kinds) - len(others)])
        employers = [members[rank] for rank, count in enumerate(TOP_HIRES) for _i in range(count)]
        employers += [members[10 + pos % 27] for pos in range(len(kinds) - len(employers))]
        Placement.create([{
            "beneficiary_id": person.id, "employer_id": employer.id,
            "placement_type": ptype, "contract_type": contract,
            "weekly_hours": 10 if ptype == "mini_job" else 38,
            "date_start": _day(1 + pos % 12, pos)}
            for pos, (person, (ptype, contract), employer)
            in enumerate(zip(targets, kinds, employers, strict=True))])

    def internships(self):
        """65 internships started in 2020 (each records an internship placement): 30
        ended in 2020 (no hire), 35 still ongoing at year end."""
        Internship = self.env["ixl.internship"]
        internships = Internship.create([{
            "partner_id": self.year.members[pos % 40].id, "beneficiary_id": person.id,
            "tutor_name": "Tutor", "date_start": _day(1 + pos % 9, pos),
            "date_end": _day(4 + pos % 9, pos), "monthly_indemnity": 450}
            for pos, person in enumerate(self.year.interns)])
        internships.action_start()
        internships[:FIGURES["internships_ended"]].action_close("ended")
        self.year.internships = internships

    def projects(self):
        SE = self.env["ixl.selfemployment.project"]
        self.year.selfemployment = SE.create([{
            "name": f"Autoimpiego {pos + 1}", "beneficiary_id": person.id,
            "date_proposed": _day(1 + pos % 12, pos)}
            for pos, person in enumerate(self.year.others[:FIGURES["selfemployment"]])])
        for project, state in zip(self.year.selfemployment, SE_STATES_2020, strict=True):
            project.state = state
        org = self.env["res.partner"].create({"name": "Cooperativa sociale 2020",
                                              "is_company": True})
        Social = self.env["ixl.social.project"]
        vals, states = [], []
        for year, count in SOCIAL_BY_YEAR.items():
            for pos in range(count):
                vals.append({"name": f"Innovazione {year}-{pos + 1}", "partner_id": org.id,
                             "evaluation_date": f"{year}-{1 + pos % 12:02d}-15",
                             "funding_approved": 10000 if pos % 7 != 1 else 0})
                states.append(SOCIAL_STATES_CYCLE[pos % len(SOCIAL_STATES_CYCLE)])
        self.year.social = Social.create(vals)
        for project, state in zip(self.year.social, states, strict=True):
            project.state = state

    def fund(self):
        """The guarantee fund at Emil Banca: ceiling raised from 100,000 to 150,000 EUR in
        2020; three Credito Sociale loans approved in 2020 for started projects."""
        bank = self.env["res.partner"].create({"name": "Emil Banca", "is_company": True})
        fund = self.env["ixl.guarantee.fund"].create({"name": "Fondo di garanzia",
                                                      "bank_id": bank.id})
        fund.change_ceiling("2019-01-01", 100000.0, "Delibera 2019")
        fund.change_ceiling("2020-10-01", 150000.0, "Delibera 2020")
        product = self.env["ixl.loan.product"].create({"name": "Credito Sociale",
                                                       "coverage_rate": 80.0})
        started = self.year.selfemployment.filtered(lambda p: p.state == "started")[:3]
        for pos, project in enumerate(started):
            loan = self.env["ixl.loan"].create({
                "fund_id": fund.id, "product_id": product.id,
                "beneficiary_id": project.beneficiary_id.id, "amount_requested": 15000,
                "amount_approved": 15000, "term_months": 36,
                "date_request": f"2020-0{pos + 3}-01",
                "selfemployment_project_id": project.id})
            with freeze_time(f"2020-0{pos + 4}-01 10:00:00"):
                loan.action_approve()
        self.year.fund = fund


def build_2020(env):
    """Build the year 2020 (see the module's docstring); returns a namespace with the
    records (``people``, ``companies``, ``oss``, ``internships``...) and ``figures``."""
    builder = Builder(env)
    builder.registrations()
    builder.interviews()
    builder.board()
    builder.placement_people()
    builder.training()
    builder.placements()
    builder.internships()
    builder.projects()
    builder.fund()
    builder.env.flush_all()
    return builder.year
