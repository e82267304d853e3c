import random

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.ixl_board.models import ixl_match

from .common import BoardCase
from .naive_matching import rank_naive


@tagged("post_install", "-at_install")
class TestMatching(BoardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request = cls.make_request([(cls.forklift, cls.intermediate), (cls.picking, None)])
        # Full skills, same municipality: 60 + 25 + 15.
        cls.best = cls.make_ready([(cls.forklift, cls.advanced), (cls.picking, cls.basic)],
                                  cls.casalecchio)
        # Forklift below the minimum level (1 of 2 points), same district: 45 + 12 + 15.
        cls.lower = cls.make_ready([(cls.forklift, cls.basic), (cls.picking, cls.basic)],
                                   cls.zola)
        # No skill, elsewhere: 0 + 0 + 15.
        cls.none = cls.make_ready([(cls.cleaning, cls.basic)], cls.imola)
        # Same skills as best but placed part-time: 60 + 25 + 5.
        cls.part_time = cls.make_ready([(cls.forklift, cls.advanced), (cls.picking, cls.basic)],
                                       cls.casalecchio)
        cls._place(cls.part_time, 20)
        # Left out: placed full-time, not ready, not admitted.
        cls.full_time = cls.make_ready([(cls.forklift, cls.advanced)], cls.casalecchio)
        cls._place(cls.full_time, 38)
        cls.not_ready = cls.make_ready([(cls.forklift, cls.advanced)], cls.casalecchio)
        cls.not_ready.readiness = "not_ready"
        cls.registered = cls.make_beneficiary(municipality_id=cls.casalecchio.id)

    @classmethod
    def _place(cls, person, hours):
        cls.env["ixl.placement"].create({
            "beneficiary_id": person.id, "employer_id": cls.employer.id,
            "placement_type": "hire", "contract_type": "permanent",
            "date_start": "2020-01-01", "weekly_hours": hours})

    def test_scores_and_order(self):
        ranking = {row[0]: row[1:] for row in ixl_match.IxlMatch._rank_sql(
            self.env["ixl.match"], self.request)}
        self.assertEqual(ranking[self.best.id], (100, 60, 25, 15))
        self.assertEqual(ranking[self.part_time.id], (90, 60, 25, 5))
        self.assertEqual(ranking[self.lower.id], (72, 45, 12, 15))
        self.assertEqual(ranking[self.none.id], (15, 0, 0, 15))
        for person in (self.full_time, self.not_ready, self.registered):
            self.assertNotIn(person.id, ranking)

    def test_an_operator_cannot_make_up_a_score(self):
        """The operator matches the request and proposes the best person: the score on
        the candidature is the matching's. Writing a better score on another result, or
        creating or deleting a result by hand, is refused; the next matching replaces them."""
        self.request.with_user(self.operator).action_match()
        results = self.request.match_ids.with_user(self.operator)
        lower = results.filtered(lambda m: m.beneficiary_id == self.lower)
        with self.assertRaises(AccessError):
            lower.score = 100
        with self.assertRaises(AccessError):
            results.create({"request_id": self.request.id, "beneficiary_id": self.none.id,
                            "rank": 1, "score": 100})
        with self.assertRaises(AccessError):
            lower.unlink()
        self.assertEqual(lower.score, 72)
        best = results.filtered(lambda m: m.beneficiary_id == self.best)
        best.action_shortlist()
        self.assertEqual(self.request.candidate_ids.match_score, 100)
        self.request.with_user(self.operator).action_match()
        again = {m.beneficiary_id: m.score for m in self.request.match_ids}
        self.assertNotIn(self.best, again, "already proposed")
        self.assertEqual(again[self.lower], 72)

    def test_withdrawn_cv_consent_is_never_proposed(self):
        """Withdrawal takes effect at once, on both paths and on the results shown."""
        Match = self.env["ixl.match"]
        self.request.action_match()
        self.assertIn(self.best, self.request.match_ids.beneficiary_id)
        self.best.with_user(self.operator).action_withdraw_cv_consent()
        for ranking in (Match._rank_sql(self.request), rank_naive(self.request)):
            self.assertNotIn(self.best.id, [row[0] for row in ranking])
            self.assertIn(self.lower.id, [row[0] for row in ranking])
        self.assertEqual(Match._rank_sql(self.request), rank_naive(self.request))
        self.request.action_match()
        self.assertNotIn(self.best, self.request.match_ids.beneficiary_id)
        self.best.with_user(self.operator).action_give_cv_consent()
        self.assertIn(self.best.id, [row[0] for row in Match._rank_sql(self.request)])

    def test_action_lists_readable_results_and_shortlist(self):
        action = self.request.with_user(self.operator).action_match()
        matches = self.env["ixl.match"].search(action["domain"])
        mine = matches.filtered(lambda m: m.beneficiary_id in (self.best | self.lower))
        self.assertEqual(mine.mapped("beneficiary_id"), self.best | self.lower)
        best = mine.filtered(lambda m: m.beneficiary_id == self.best)
        self.assertEqual((best.rank < mine[-1].rank, best.territory, best.availability),
                         (True, "municipality", "free"))
        self.assertEqual(best.skills_missing, "")
        lower = mine - best
        self.assertIn("lower level", lower.skills_matched)
        best.with_user(self.operator).action_shortlist()
        self.assertEqual(self.request.candidate_ids.beneficiary_id, self.best)
        # A proposed person is not proposed again.
        self.request.action_match()
        self.assertNotIn(self.best, self.request.match_ids.beneficiary_id)

    def test_fast_and_naive_rank_identically(self):
        rng = random.Random(42)
        skills = [self.forklift, self.picking, self.cleaning]
        levels = [self.basic, self.intermediate, self.advanced]
        towns = [self.casalecchio, self.zola, self.imola, self.bologna]
        for _i in range(60):
            chosen = rng.sample(skills, rng.randint(0, 3))
            person = self.make_ready([(s, rng.choice(levels)) for s in chosen],
                                     rng.choice(towns), cv_sharing_consent=rng.random() < 0.8)
            hours = rng.choice([None, None, 10, 20, 38])
            if hours:
                self._place(person, hours)
        Match = self.env["ixl.match"]
        for request in (self.request,
                        self.make_request([(self.cleaning, self.advanced)], self.imola),
                        self.make_request([], self.bologna)):
            self.assertEqual(Match._rank_sql(request, limit=50),
                             rank_naive(request, limit=50))
            # Small windows: the ranking must grow its window until it is exact.
            for limit, window in ((5, 6), (10, 11), (10, 40), (20, 21)):
                self.assertEqual(Match._rank_sql(request, limit=limit, window=window),
                                 rank_naive(request, limit=limit),
                                 f"limit {limit}, window {window}")

    def test_matching_query_count_does_not_grow(self):
        """More people than the 50 shown, then many more: the same queries."""
        self.request.action_match()  # warm caches
        counts = []
        for extra in (55, 40):
            for _i in range(extra):
                self.make_ready([(self.forklift, self.advanced)], self.casalecchio)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.request.action_match()
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        self.env.invalidate_all()
        with self.assertQueryCount(counts[1]):
            self.request.action_match()

    def test_closed_request_cannot_match(self):
        self.request.action_cancel()
        with self.assertRaisesRegex(UserError, "closed"):
            self.request.action_match()
