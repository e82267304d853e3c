"""Issue 17: job offers found online, signalled to the people they fit (skills and job
interests declared at the interview, residence or domicile), sent by email, answered."""

import random

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import OfferCase
from .naive_matching import rank_naive


@tagged("post_install", "-at_install")
class TestOfferMatching(OfferCase):
    """A forklift-driver offer in Imola: who is proposed, in which order, and why."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        fork = [(cls.forklift, cls.advanced)]
        # Forklift and logistics declared, lives in Imola: 60 + 25 + 15.
        cls.anna = cls.make_ready(fork, cls.imola, first_name="Anna",
                                  job_area_ids=[(6, 0, cls.logistics.ids)])
        # The same, living in the Apennines: 60 + 0 + 15.
        cls.carla = cls.make_ready(fork, cls.alto_reno, first_name="Carla",
                                   job_area_ids=[(6, 0, cls.logistics.ids)])
        # Forklift below the level, no interest, in Dozza (district of Imola): 15 + 12 + 15.
        cls.bruno = cls.make_ready([(cls.forklift, cls.basic)], cls.dozza, first_name="Bruno")
        # Withdrew the CV consent: still told about offers (nothing goes to a company).
        cls.elena = cls.make_ready(fork, cls.imola, first_name="Elena",
                                   cv_sharing_consent=False,
                                   job_area_ids=[(6, 0, cls.logistics.ids)])
        # Left out: not ready, placed full-time.
        cls.dario = cls.make_ready(fork, cls.imola, first_name="Dario")
        cls.dario.readiness = "not_ready"
        cls.fabio = cls.make_ready(fork, cls.imola, first_name="Fabio")
        cls.env["ixl.placement"].create({
            "beneficiary_id": cls.fabio.id, "employer_id": cls.employer.id,
            "placement_type": "hire", "contract_type": "permanent",
            "date_start": "2025-01-01", "weekly_hours": 38})
        cls.offer = cls.make_offer([(cls.forklift, cls.intermediate)])

    def test_forklift_driver_in_imola(self):
        action = self.offer.with_user(self.operator).action_match()
        matches = self.env["ixl.match"].with_user(self.operator).search(action["domain"])
        mine = matches.filtered(lambda m: m.beneficiary_id in (
            self.anna | self.bruno | self.carla | self.elena | self.dario | self.fabio))
        self.assertEqual(
            [(m.beneficiary_id.first_name, m.score, m.skill_points, m.territory,
              m.territory_basis, m.availability) for m in mine],
            [("Anna", 100, 60, "municipality", "residence", "free"),
             ("Elena", 100, 60, "municipality", "residence", "free"),
             ("Carla", 75, 60, "elsewhere", False, "free"),
             ("Bruno", 42, 15, "district", "residence", "free")])
        anna = mine[0]
        self.assertEqual(anna.skills_matched,
                         "Forklift operation, interest: Logistics and warehouse")
        self.assertFalse(anna.skills_missing)
        bruno = mine[-1]
        self.assertEqual(bruno.skills_matched, "Forklift operation (lower level)")
        self.assertEqual(bruno.skills_missing, "interest: Logistics and warehouse")
        self.assertEqual(self.env["ixl.match"]._rank_sql(self.offer), rank_naive(self.offer))

    def test_matching_query_count_does_not_grow(self):
        """More people than the 50 shown, each with job interests: the same queries."""
        counts = []
        for extra in (55, 40, 30, 60):  # the first two rounds warm the caches
            for _i in range(extra):
                self.make_ready([(self.forklift, self.advanced)], self.imola,
                                job_area_ids=[(6, 0, self.logistics.ids)])
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.offer.action_match()
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[2], counts[3], counts)
        self.env.invalidate_all()
        with self.assertQueryCount(counts[3]):
            self.offer.action_match()

    def test_a_request_still_needs_the_cv_consent(self):
        request = self.make_request([(self.forklift, self.intermediate)], self.imola)
        ranked = [row[0] for row in self.env["ixl.match"]._rank_sql(request)]
        self.assertIn(self.anna.id, ranked)
        self.assertNotIn(self.elena.id, ranked)

    def test_people_reached_are_not_proposed_again(self):
        self.offer.action_match()
        self.send(self.offer, self.anna)
        self.offer.action_match()
        self.assertNotIn(self.anna, self.offer.match_ids.beneficiary_id)
        self.assertIn(self.carla, self.offer.match_ids.beneficiary_id)
        # "Send to people" on the offer proposes those found and not reached yet
        action = self.offer.with_user(self.operator).action_open_send()
        [(_cmd, _zero, proposed)] = action["context"]["default_beneficiary_ids"]
        self.assertIn(self.carla.id, proposed)
        self.assertNotIn(self.anna.id, proposed)

    def test_closed_or_expired_offer_cannot_match(self):
        expired = self.make_offer(deadline="2026-03-09")
        with self.assertRaisesRegex(UserError, "deadline"):
            expired.action_match()
        self.offer.with_user(self.operator).action_close()
        with self.assertRaisesRegex(UserError, "closed"):
            self.offer.action_match()

    def test_fast_and_naive_rank_identically(self):
        rng = random.Random(17)
        skills = [self.forklift, self.picking, self.cleaning]
        levels = [self.basic, self.intermediate, self.advanced]
        towns = [self.imola, self.dozza, self.alto_reno, self.bologna, self.casalecchio]
        areas = [self.logistics, self.cleaning_area]
        nowhere = self.env["ixl.municipality"]
        for _i in range(50):
            chosen = rng.sample(skills, rng.randint(0, 3))
            interests = [a.id for a in rng.sample(areas, rng.randint(0, 2))]
            self.make_ready([(s, rng.choice(levels)) for s in chosen], rng.choice(towns),
                            cv_sharing_consent=rng.random() < 0.7,
                            domicile_municipality_id=rng.choice([nowhere, *towns]).id,
                            job_area_ids=[(6, 0, interests)])
        Match = self.env["ixl.match"]
        for target in (self.offer, self.make_offer([], self.bologna, job_area_id=False),
                       self.make_offer([(self.cleaning, self.basic)], self.casalecchio,
                                       job_area_id=self.cleaning_area.id),
                       self.make_request([(self.picking, None)], self.dozza)):
            self.assertEqual(Match._rank_sql(target, limit=50), rank_naive(target, limit=50))
            for limit, window in ((5, 6), (10, 11), (20, 21)):
                self.assertEqual(Match._rank_sql(target, limit=limit, window=window),
                                 rank_naive(target, limit=limit), target.display_name)


@tagged("post_install", "-at_install")
class TestDomicile(OfferCase):
    """A person registered with a residence far away (the Apennines) who lives in Bologna
    is matched on Bologna, for requests and offers alike."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.giulia = cls.make_ready([(cls.forklift, cls.advanced)], cls.alto_reno,
                                    first_name="Giulia",
                                    domicile_municipality_id=cls.bologna.id)

    def _line(self, target):
        target.action_match()
        return target.match_ids.filtered(lambda m: m.beneficiary_id == self.giulia)

    def test_offer_in_bologna(self):
        line = self._line(self.make_offer([(self.forklift, None)], self.bologna))
        self.assertEqual((line.territory, line.territory_basis, line.territory_points),
                         ("municipality", "domicile", 25))

    def test_request_in_bologna(self):
        line = self._line(self.make_request([(self.forklift, None)], self.bologna))
        self.assertEqual((line.territory, line.territory_basis, line.score),
                         ("municipality", "domicile", 100))

    def test_the_nearer_of_the_two(self):
        # An offer in the Apennines: the residence is the nearer one.
        line = self._line(self.make_offer([(self.forklift, None)], self.alto_reno))
        self.assertEqual((line.territory, line.territory_basis), ("municipality", "residence"))


@tagged("post_install", "-at_install")
class TestReverseView(OfferCase):
    """On the person's form: the open offers and requests that fit them."""

    def test_open_offers_and_requests_for_the_person(self):
        person = self.make_ready([(self.forklift, self.advanced)], self.imola,
                                 job_area_ids=[(6, 0, self.logistics.ids)])
        fits = self.make_offer([(self.forklift, None)])
        elsewhere = self.make_offer([(self.cleaning, None)], self.bologna,
                                    name="Cleaner", job_area_id=self.cleaning_area.id)
        closed = self.make_offer(name="Closed offer")
        closed.action_close()
        expired = self.make_offer(name="Expired offer", deadline="2026-03-01")
        request = self.make_request([(self.forklift, None)], self.imola)
        filled = self.make_request([(self.forklift, None)], self.imola)
        filled.action_cancel()
        action = person.with_user(self.operator).action_view_fitting()
        lines = self.env["ixl.match"].with_user(self.operator).search(action["domain"])
        # (the offers and requests of the demo data, if installed, are left aside)
        ours = [fits, elsewhere, closed, expired, request, filled]
        found = [(line.offer_id or line.request_id, line.score) for line in lines
                 if (line.offer_id or line.request_id) in ours]
        self.assertEqual(found[:2], [(fits, 100), (request, 100)])
        self.assertEqual(found[2], (elsewhere, 15))
        targets = [target for target, _score in found]
        for target in (closed, expired, filled):
            self.assertNotIn(target, targets)
        # the same score as the offer's own ranking
        fits.action_match()
        self.assertEqual(fits.match_ids.filtered(
            lambda m: m.beneficiary_id == person and not m.for_person).score, 100)
        # the request's results are not touched by the person's view
        self.assertFalse(request.match_ids.filtered(lambda m: not m.for_person))

    def test_requests_need_the_cv_consent_here_too(self):
        person = self.make_ready([(self.forklift, self.advanced)], self.imola,
                                 cv_sharing_consent=False)
        offer = self.make_offer()
        self.make_request([(self.forklift, None)], self.imola)
        person.action_view_fitting()
        lines = self.env["ixl.match"].search(
            [("beneficiary_id", "=", person.id), ("for_person", "=", True)])
        self.assertIn(offer, lines.offer_id)
        self.assertFalse(lines.request_id)


@tagged("post_install", "-at_install")
class TestSending(OfferCase):
    """Staff pick people and send the offer by email in one go."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.offer = cls.make_offer([(cls.forklift, None)])
        cls.anna = cls.make_ready([(cls.forklift, cls.advanced)], cls.imola,
                                  first_name="Anna")
        cls.bruno = cls.make_ready([(cls.forklift, cls.advanced)], cls.imola,
                                   first_name="Bruno")
        cls.nomail = cls.make_ready([], cls.imola, first_name="Nadia", email=False)
        cls.blacklisted = cls.make_ready([], cls.imola, first_name="Bianca")
        cls.env["mail.blacklist"]._add(cls.blacklisted.email)

    def test_send_in_one_go(self):
        self.offer.action_match()
        wizard, notice = self.send(
            self.offer, self.anna | self.bruno | self.nomail | self.blacklisted)
        self.assertIn("no email address", wizard.blocked_note)
        self.assertIn("blacklisted", wizard.blocked_note)
        lines = self.offer.line_ids
        self.assertEqual(lines.beneficiary_id, self.anna | self.bruno)
        # staff are told who was not emailed and why
        self.assertEqual(notice["params"]["type"], "warning")
        self.assertIn(self.nomail.name, notice["params"]["message"])
        self.assertIn(self.blacklisted.name, notice["params"]["message"])
        for line in lines:
            self.assertEqual((line.date_sent.isoformat(), line.answer, line.match_score),
                             ("2026-03-10", "none", 70))  # no logistics interest
            service = line.service_id
            self.assertEqual((service.beneficiary_id, service.service_type,
                              service.job_offer_title, service.job_offer_url,
                              service.job_offer_employer),
                             (line.beneficiary_id, "job_offer", "Forklift driver",
                              self.offer.url, "Magazzini Imolesi Srl"))
            message = line.message_ids.filtered(lambda m: m.message_type == "comment")
            self.assertEqual(message.partner_ids, line.beneficiary_id.partner_id)
            self.assertEqual(message.author_id, self.operator.partner_id)
            self.assertIn(self.offer.url, message.body)
        self.assertFalse(self.env["ixl.service"].search(
            [("beneficiary_id", "in", (self.nomail | self.blacklisted).ids)]))
        # sent again: nobody gets it twice
        _wizard, notice = self.send(self.offer, self.anna)
        self.assertEqual(len(self.offer.line_ids), 2)
        self.assertIn("already sent", notice["params"]["message"])

    def test_italian_email_with_the_link(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ixl.beneficiary"].browse(self.anna.id).partner_id.lang = "it_IT"
        self.send(self.offer, self.anna)
        message = self.offer.line_ids.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("Gentile Anna", message.body)
        self.assertIn(self.offer.url, message.body)
        self.assertIn("Forklift driver", message.subject)

    def test_only_operators_send(self):
        user = new_test_user(self.env, login="plain_offer", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.offer.with_user(user)._send_to(self.anna)
        self.assertFalse(self.offer.line_ids)


@tagged("post_install", "-at_install")
class TestAnswers(OfferCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.partner"].create({
            "name": "Magazzini Imolesi Srl", "is_company": True})
        cls.offer = cls.make_offer([(cls.forklift, None)], employer_id=cls.company.id,
                                   employer_name=False)
        cls.anna = cls.make_ready([(cls.forklift, cls.advanced)], cls.imola,
                                  first_name="Anna")

    def _line(self):
        self.send(self.offer, self.anna)
        return self.offer.line_ids

    def test_hired_creates_and_links_the_placement(self):
        line = self._line()
        self.answer(line, answer="interested", answer_date="2026-03-10")
        self.assertEqual(line.answer, "interested")
        self.answer(line, answer="hired", answer_date="2026-03-10", placement_mode="new",
                    date_start="2026-03-16")
        placement = line.placement_id
        self.assertEqual((line.answer, placement.beneficiary_id, placement.employer_id,
                          placement.contract_type, placement.job_title,
                          placement.date_start.isoformat(), placement.weekly_hours),
                         ("hired", self.anna, self.company, "fixed_term", "Forklift driver",
                          "2026-03-16", 40))
        self.assertEqual(self.offer.hired_count, 1)

    def test_hired_picks_a_recorded_placement(self):
        line = self._line()
        placement = self.env["ixl.placement"].create({
            "beneficiary_id": self.anna.id, "employer_id": self.company.id,
            "placement_type": "hire", "contract_type": "permanent",
            "date_start": "2026-03-09", "weekly_hours": 40})
        self.answer(line, answer="hired", placement_mode="existing", placement_id=placement)
        self.assertEqual(line.placement_id, placement)

    def test_hired_needs_a_placement(self):
        line = self._line()
        with self.assertRaisesRegex(UserError, "placement"):
            self.answer(line, answer="hired", placement_mode="existing")
        with self.assertRaisesRegex(UserError, "employer"):
            self.answer(line, answer="hired", placement_mode="new",
                        employer_id=self.env["res.partner"],
                        date_start="2026-03-16")
        self.assertEqual((line.answer, line.placement_id.id), ("none", False))

    def test_not_interested_and_bad_dates(self):
        line = self._line()
        with self.assertRaisesRegex(UserError, "future"):
            self.answer(line, answer="not_interested", answer_date="2026-03-11")
        with self.assertRaisesRegex(UserError, "before the offer was sent"):
            self.answer(line, answer="not_interested", answer_date="2026-03-01")
        action = self.answer(line, answer="not_interested", answer_date="2026-03-10")
        self.assertEqual(line.answer, "none", "not answered until the reason is given")
        form = self.action_form(action)
        form.reason = "distance"
        form.save().action_confirm()
        self.assertEqual((line.answer, line.answer_date.isoformat()),
                         ("not_interested", "2026-03-10"))
        # the refusal of the offer is on the person's history, dated like the answer
        refusal = self.env["ixl.refusal"].search([("res_model", "=", line._name),
                                                  ("res_id", "=", line.id)])
        self.assertEqual((refusal.beneficiary_id, refusal.kind, refusal.reason,
                          refusal.date.isoformat()),
                         (line.beneficiary_id, "job_offer", "distance", "2026-03-10"))

    def test_answers_only_through_the_wizard(self):
        line = self._line()
        with self.assertRaises(AccessError):
            line.with_user(self.operator).write({"answer": "hired"})

    def test_a_sending_stays_with_its_person_and_offer(self):
        """An operator cannot move a sending to another person or offer, nor change who
        sent it: the person's history says what was sent to whom."""
        line = self._line()
        bruno = self.make_ready([], self.imola, first_name="Bruno")
        other = self.make_offer(name="Warehouse clerk")
        for vals in ({"beneficiary_id": bruno.id}, {"offer_id": other.id},
                     {"user_id": self.coordinator.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError), \
                    self.cr.savepoint():
                line.with_user(self.operator).write(vals)
        self.assertEqual((line.beneficiary_id, line.offer_id, line.user_id),
                         (self.anna, self.offer, self.operator))

    def test_bad_offers_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "web address"):
            self.make_offer(url="www.example.com")
        with self.assertRaisesRegex(ValidationError, "employer"):
            self.make_offer(employer_name=" ")
        with self.assertRaisesRegex(UserError, "history"):
            self._line()
            self.offer.with_user(self.coordinator).unlink()


@tagged("post_install", "-at_install")
class TestOfferAccess(OfferCase):
    def test_who_may_do_what(self):
        offer = self.make_offer()
        self.send(offer, self.make_ready([], self.imola))
        line = offer.line_ids
        portal = new_test_user(self.env, login="portal_offer", groups="base.group_portal")
        plain = new_test_user(self.env, login="plain_offer2", groups="base.group_user")
        for user in (portal, plain, self.finance):
            for record in (offer, line):
                with self.subTest(user=user.login, model=record._name):
                    self.assertFalse(record.with_user(user).has_access("read"))
                    self.assertFalse(record.with_user(user).has_access("create"))
            with self.assertRaises(AccessError):
                self.env["ixl.job.offer"].with_user(user).search_read([], ["name"])
        self.assertTrue(offer.with_user(self.operator).has_access("write"))
        self.assertFalse(offer.with_user(self.operator).has_access("unlink"))
