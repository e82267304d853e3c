"""Synthetic IXL data over ten years, written with SQL bulk inserts.

Every stored computed column is filled here as the ORM would fill it; `check_computed`
recomputes a sample through the ORM and fails the bench on any difference.
"""

import string
import time
from datetime import datetime, timedelta

from . import execute_values, progress


def _local_date(value):
    """The addon's own Bologna date (imported here: the addons path is set by then)."""
    from odoo.addons.ixl_beneficiary.models.tools import local_date

    return local_date(value)


SKILLS_PER_PERSON = 5
YEARS = 10
MONTHS = "ABCDEHLMPRST"
GENDERS = ["male", "female", "other"]
GENDER_WEIGHTS = [52, 47, 1]
READINESS = ["ready", "not_ready", "fragile", "pending"]
READINESS_WEIGHTS = [55, 20, 10, 15]
# State spreads by the age of the registration (recent people are still in intake).
STATES_RECENT = (["registered", "scheduled", "interviewed"], [60, 30, 10])
STATES_MONTH = (["registered", "scheduled", "interviewed", "in_target", "out_of_target",
                 "active"], [5, 5, 10, 30, 10, 40])
STATES_OLD = (["registered", "interviewed", "in_target", "out_of_target", "active",
               "out_of_protocol"], [0.3, 1, 20, 8, 50, 20])
EXIT_REASONS = (["employed", "unreachable", "non_collaborative"], [50, 35, 15])
# (placement_type, contract_type, weight, weekly hours choices)
PLACEMENT_KINDS = [
    ("hire", "fixed_term", 30, [20, 25, 30, 36, 38, 40]),
    ("hire", "permanent", 18, [20, 25, 30, 38, 40]),
    ("hire", "on_call", 5, [0, 10, 15]),
    ("hire", "own_account", 2, [20, 40]),
    ("internship", None, 18, [20, 25, 30, 36]),
    ("traineeship", None, 10, [20, 30, 36]),
    ("mini_job", None, 12, [8, 10, 12, 15, 18]),
    ("self_employment", None, 5, [0, 30, 40]),
]
RELATIONS = (["renewal", "extension", "transformation"], [50, 30, 20])
PLACED_STATES = ("in_target", "active")


def fiscal_code(rng, birth, female, town_letters="ABCDEFGHIL"):
    """A valid codice fiscale (format and check digit) for the birth date."""
    from stdnum.it import codicefiscale

    letters = "".join(rng.choice(string.ascii_uppercase) for _i in range(6))
    town = f"{rng.choice(town_letters)}{rng.randint(100, 999)}"
    day = birth.day + (40 if female else 0)
    body = f"{letters}{birth.year % 100:02d}{MONTHS[birth.month - 1]}{day:02d}{town}"
    return body + codicefiscale.calc_check_digit(body)


def _nationality_group(person):
    """ixl.beneficiary.nationality_group of a generated person (all have a nationality)."""
    return "italian" if person["italian"] else "non_italian"


def age_at(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class Seeder:
    """Seeds one database; sizes come from the scale."""

    def __init__(self, env, sizes, rng):
        self.env, self.cr, self.sizes, self.rng = env, env.cr, sizes, rng
        self.now = datetime.now().replace(microsecond=0)
        self.today = self.now.date()
        municipalities = env["ixl.municipality"].search([])
        self.mun_district = {m.id: m.district_id.id for m in municipalities}
        self.mun_ids = list(self.mun_district)
        self.skill_type = env.ref("ixl_beneficiary.skill_type_professional")
        self.skills = self.skill_type.skill_ids.ids
        self.levels = [(lvl.id, lvl.level_progress) for lvl in self.skill_type.skill_level_ids]
        self.italy = env.ref("base.it").id
        self.countries = env["res.country"].search(
            [("code", "in", ["RO", "MA", "AL", "UA", "CN", "PK", "NG", "TN", "PE", "BD"])]).ids
        self.lang = "it_IT" if env["res.lang"]._lang_get("it_IT") else "en_US"
        self.people = []          # dicts, index aligned with beneficiary_ids
        self.operators = []
        self.companies = []
        self.beneficiary_ids = []
        self.request_ids = []

    def run(self):
        t0 = time.perf_counter()
        self.seed_operators()
        self.seed_companies()
        self.seed_beneficiaries()
        self.seed_skills()
        self.seed_exits()
        self.seed_placements()
        self.seed_activities()
        self.seed_requests()
        self.env.invalidate_all()
        progress("ANALYZE")
        self.cr.execute("ANALYZE")
        return time.perf_counter() - t0

    # ------------------------------------------------------------------ people
    def seed_operators(self):
        group = self.env.ref("ixl_beneficiary.group_ixl_operator")
        users = self.env["res.users"].with_context(no_reset_password=True).create([{
            "name": f"Bench operator {i}", "login": f"bench.operator{i}",
            "groups_id": [(6, 0, [group.id])],
        } for i in range(8)])
        self.operators = users.ids

    def seed_companies(self):
        n = self.sizes["companies"]
        progress(f"seeding {n} companies")
        rows = [(f"Bench company {i}", f"Bench company {i}", True, "contact", True,
                 self.rng.choice(["contacted", "member"]), self.rng.choice(self.mun_ids),
                 True, f"Bench company {i}", self.lang, self.now, self.now, 1, 1)
                for i in range(n)]
        self.companies = [r[0] for r in execute_values(self.cr, """
            INSERT INTO res_partner (name, complete_name, is_company, type, active,
                ixl_board_state, ixl_municipality_id, partner_share, commercial_company_name,
                lang, create_date, write_date, create_uid, write_uid)
            VALUES %s RETURNING id""", rows)]
        self.cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
                        [self.companies])

    def _person(self, i):
        rng = self.rng
        registered = self.now - timedelta(minutes=rng.randint(0, YEARS * 525_600))
        age_days = (self.now - registered).days
        spread = STATES_RECENT if age_days < 15 else STATES_MONTH if age_days < 60 else STATES_OLD
        state = rng.choices(*spread)[0]
        birth = registered.date() - timedelta(days=rng.randint(18 * 365, 64 * 365))
        gender = rng.choices(GENDERS, GENDER_WEIGHTS)[0]
        italian = rng.random() < 0.62
        person = {
            "i": i, "registered": registered, "state": state, "birth": birth,
            "gender": gender, "nationality": self.italy if italian else rng.choice(self.countries),
            "italian": italian, "municipality": rng.choice(self.mun_ids),
            "operator": rng.choice(self.operators), "active": rng.random() > 0.01,
            "readiness": "pending", "score": None, "held": None, "interview": None,
            "channel": rng.choices(["web", "office", "import"], [60, 35, 5])[0],
        }
        if state == "scheduled":
            person["interview"] = self.now + timedelta(hours=rng.randint(2, 300))
        elif state != "registered":
            held = registered.date() + timedelta(days=rng.randint(1, 25))
            person["held"] = min(held, self.today)
        if state in ("in_target", "active", "out_of_protocol"):
            person["score"] = rng.randint(0, 20)
        if state in PLACED_STATES:
            person["readiness"] = rng.choices(READINESS, READINESS_WEIGHTS)[0]
        return person

    def seed_beneficiaries(self):
        n = self.sizes["beneficiaries"]
        progress(f"seeding {n} beneficiaries (registrations over {YEARS} years)")
        codes = set()
        for i in range(n):
            person = self._person(i)
            code = fiscal_code(self.rng, person["birth"], person["gender"] == "female")
            while code in codes:
                code = fiscal_code(self.rng, person["birth"], person["gender"] == "female")
            codes.add(code)
            person["code"] = code
            self.people.append(person)
            if (i + 1) % 20000 == 0:
                progress(f"  {i + 1} people generated")
        partner_ids = [r[0] for r in execute_values(self.cr, """
            INSERT INTO res_partner (name, complete_name, type, active, is_company, birthdate_date,
                gender, nationality_id, email, email_normalized, lang, partner_share,
                is_ixl_beneficiary, create_date, write_date, create_uid, write_uid)
            VALUES %s RETURNING id""",
            [(f"Nome{p['i']} Cognome{p['i']}", f"Nome{p['i']} Cognome{p['i']}", "contact", True,
              False, p["birth"], p["gender"], p["nationality"], f"bench{p['i']}@example.com",
              f"bench{p['i']}@example.com", self.lang, True, True, p["registered"], self.now,
              1, 1)
             for p in self.people])]
        self.cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
                        [partner_ids])
        progress(f"  {n} partners inserted")
        self.beneficiary_ids = [r[0] for r in execute_values(self.cr, """
            INSERT INTO ixl_beneficiary (partner_id, reference, active, first_name, last_name,
                fiscal_code, nationality_group, state, is_admitted, readiness, municipality_id,
                district_id, user_id, registration_date, registration_channel, waiting_since,
                interview_deadline, interview_date, interview_held_date, interviewer_id,
                vulnerability_score, has_score, profile_type, first_outcome,
                first_profile_type, create_date, write_date, create_uid, write_uid)
            VALUES %s RETURNING id""",
            [self._beneficiary_row(pid, p) for pid, p in zip(partner_ids, self.people,
                                                              strict=True)])]
        progress(f"  {n} beneficiaries inserted")
        # Age at the first interview (stored for the dashboard) as _compute_age_at_interview
        # does; every bench person consented to share the CV (matching needs it).
        self.cr.execute("""
            UPDATE ixl_beneficiary b
               SET age_at_interview = COALESCE(a.age, 0),
                   interview_age_band = CASE WHEN a.age IS NULL THEN NULL
                                             WHEN a.age < 35 THEN 'under_35'
                                             ELSE '35_over' END,
                   cv_sharing_consent = TRUE
              FROM (SELECT b2.id, DATE_PART('year', AGE(b2.interview_held_date,
                                                        p.birthdate_date))::int AS age
                      FROM ixl_beneficiary b2 JOIN res_partner p ON p.id = b2.partner_id
                     WHERE b2.id = ANY(%s)) a
             WHERE a.id = b.id""", [self.beneficiary_ids])
        # Days from the start of the wait (Bologna date) to the first interview, as
        # _compute_interview_wait_days does (the 15-day promise).
        self.cr.execute("""
            UPDATE ixl_beneficiary
               SET interview_wait_days = interview_held_date - (
                   waiting_since AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome')::date
             WHERE id = ANY(%s) AND interview_held_date IS NOT NULL
               AND waiting_since IS NOT NULL""", [self.beneficiary_ids])

    def _beneficiary_row(self, partner_id, p):
        score = p["score"]
        profile = None if score is None else ("strong" if score <= 10 else "weak")
        first_outcome = None
        if p["held"]:
            first_outcome = "out_of_target" if score is None else "in_target"
        return (partner_id, f"BENCH/{p['i']:06d}", p["active"], f"Nome{p['i']}",
                f"Cognome{p['i']}", p["code"], _nationality_group(p), p["state"],
                p["state"] in PLACED_STATES, p["readiness"], p["municipality"],
                self.mun_district[p["municipality"]], p["operator"], p["registered"],
                p["channel"], p["registered"], _local_date(p["registered"]) + timedelta(days=15),
                p["interview"], p["held"], p["operator"] if p["held"] else None, score or 0,
                score is not None, profile, first_outcome, profile if p["held"] else None,
                p["registered"], self.now, 1, 1)

    def seed_skills(self):
        progress(f"seeding {SKILLS_PER_PERSON} skills per beneficiary")
        rows = []
        for bid in self.beneficiary_ids:
            for skill in self.rng.sample(self.skills, SKILLS_PER_PERSON):
                level, level_progress = self.rng.choice(self.levels)
                rows.append((bid, self.skill_type.id, skill, level, level_progress, "assessed",
                             self.now, self.now, 1, 1))
        execute_values(self.cr, """
            INSERT INTO ixl_beneficiary_skill (beneficiary_id, skill_type_id, skill_id,
                skill_level_id, level_progress, origin, create_date, write_date, create_uid,
                write_uid) VALUES %s""", rows, fetch=False)

    def seed_exits(self):
        rows = []
        for bid, p in zip(self.beneficiary_ids, self.people, strict=True):
            if p["state"] == "out_of_protocol":
                p["exit_reason"] = self.rng.choices(*EXIT_REASONS)[0]
                p["exit_date"] = min(p["registered"] + timedelta(days=self.rng.randint(60, 900)),
                                     self.now)
                rows.append((bid, p["exit_reason"], p["exit_date"], p["operator"],
                             self.rng.choice(PLACED_STATES), True, True, self.now, self.now, 1, 1))
        progress(f"seeding {len(rows)} periods out of protocol")
        exits = execute_values(self.cr, """
            INSERT INTO ixl_protocol_exit (beneficiary_id, reason, date_out, user_id,
                state_before, email_sent, is_open, create_date, write_date, create_uid,
                write_uid) VALUES %s RETURNING id, beneficiary_id, reason""", rows)
        execute_values(self.cr, """
            UPDATE ixl_beneficiary b SET current_exit_id = v.exit_id,
                   protocol_exit_reason = v.reason
              FROM (VALUES %s) AS v(exit_id, beneficiary_id, reason)
             WHERE b.id = v.beneficiary_id""", [tuple(r) for r in exits], fetch=False)

    # -------------------------------------------------------------- placements
    def seed_placements(self):
        n = self.sizes["placements"]
        progress(f"seeding {n} placements of every type over the years")
        placeable = [(bid, p) for bid, p in zip(self.beneficiary_ids, self.people, strict=True)
                     if p["state"] in PLACED_STATES or p.get("exit_reason") == "employed"]
        kinds = PLACEMENT_KINDS
        weights = [k[2] for k in kinds]
        renewals = n // 10
        rows = []
        for _i in range(n - renewals):
            bid, p = self.rng.choice(placeable)
            kind = self.rng.choices(kinds, weights)[0]
            start = p["registered"].date() + timedelta(days=self.rng.randint(20, 900))
            start = min(start, self.today - timedelta(days=self.rng.randint(0, 30)))
            rows.append(self._placement_row(bid, p, kind, start, "new", None))
        ids = [r[0] for r in execute_values(self.cr, self._placement_sql(), rows)]
        # Renewals, extensions and transformations continue an earlier placement.
        by_id = dict(zip(self.beneficiary_ids, self.people, strict=True))
        rows2 = []
        for _i in range(renewals):
            k = self.rng.randrange(len(rows))
            bid, p_start, p_end = rows[k][0], rows[k][4], rows[k][5]
            start = min((p_end or p_start + timedelta(days=180)) + timedelta(days=1), self.today)
            relation = self.rng.choices(*RELATIONS)[0]
            kind = ("hire", "permanent" if relation == "transformation" else "fixed_term", 0,
                    [25, 30, 38, 40])
            rows2.append(self._placement_row(bid, by_id[bid], kind, start, relation, ids[k]))
        execute_values(self.cr, self._placement_sql(), rows2)

    @staticmethod
    def _placement_sql():
        return """
            INSERT INTO ixl_placement (beneficiary_id, employer_id, placement_type,
                contract_type, date_start, date_end, weekly_hours, relation,
                previous_placement_id, user_id, gender, nationality_group, age_at_start,
                age_band,
                is_permanent, job_title, create_date, write_date, create_uid, write_uid)
            VALUES %s RETURNING id"""

    def _placement_row(self, bid, p, kind, start, relation, previous):
        placement_type, contract, _w, hours = kind
        if contract == "permanent" or placement_type == "self_employment":
            end = None if self.rng.random() < 0.8 else start + timedelta(days=365)
        else:
            end = start + timedelta(days=self.rng.choice([30, 90, 180, 365]))
            if self.rng.random() < 0.1:
                end = None
        age = age_at(p["birth"], start)
        return (bid, self.rng.choice(self.companies), placement_type, contract, start, end,
                self.rng.choice(hours), relation, previous, p["operator"], p["gender"],
                _nationality_group(p), age, "under_35" if age < 35 else "35_over",
                placement_type == "hire" and contract == "permanent",
                self.rng.choice(["Warehouse", "Cook", "Cleaner", "Clerk", "Driver", "Carer"]),
                self.now, self.now, 1, 1)

    # ------------------------------------------------------------------ others
    def seed_activities(self):
        """The first-interview activity of people still waiting, through the ORM."""
        waiting = [bid for bid, p in zip(self.beneficiary_ids, self.people, strict=True)
                   if p["state"] == "registered" and p["active"]]
        progress(f"scheduling {len(waiting)} first-interview activities (ORM)")
        people = self.env["ixl.beneficiary"].browse(waiting)
        people._schedule_first_interview_activity()
        self.env.flush_all()

    def seed_requests(self):
        n = self.sizes["requests"]
        progress(f"seeding {n} open requests (ORM)")
        vals_list = []
        for i in range(n):
            vals_list.append({
                "name": f"Bench role {i}", "partner_id": self.rng.choice(self.companies),
                "municipality_id": self.rng.choice(self.mun_ids),
                "positions": self.rng.randint(1, 4),
                "skill_ids": [(0, 0, {"skill_type_id": self.skill_type.id, "skill_id": s,
                                      "min_level_id": self.rng.choice(self.levels)[0]})
                              for s in self.rng.sample(self.skills, self.rng.randint(1, 4))],
            })
        self.request_ids = self.env["ixl.job.request"].create(vals_list).ids
        self.env.flush_all()


SEEDED_MODELS = {
    "res.partner": [("email", "like", "bench%@example.com")],
    "ixl.beneficiary": [("reference", "like", "BENCH/%")],
    "ixl.beneficiary.skill": [],
    "ixl.placement": [],
    "ixl.protocol.exit": [],
}


def check_computed(env, checks=None, sample=300):
    """Recompute the stored computed fields of a sample through the ORM.

    `checks`: {model: domain of the sample}. Returns one line per field whose stored
    value differs from the ORM's.
    """
    checks = SEEDED_MODELS if checks is None else checks
    errors = []
    for model, domain in checks.items():
        Model = env[model].with_context(active_test=False)
        records = Model.search(domain, limit=sample, order="id desc")
        if model == "res.partner":
            records |= Model.search([("name", "like", "Bench company%")], limit=20)
        for name, field in Model._fields.items():
            # Editable computed fields (readonly=False) keep the value given at creation.
            if not (field.store and field.compute) or not field.readonly \
                    or field.type == "binary":
                continue
            env.invalidate_all()
            stored = {rec.id: rec[name] for rec in records}
            env.invalidate_all()
            field.compute_value(records)
            for rec in records:
                if rec[name] != stored[rec.id]:
                    errors.append(f"{model}.{name} of id {rec.id}: stored {stored[rec.id]!r}, "
                                  f"ORM {rec[name]!r}")
                    break
            env.invalidate_all()
    return errors
