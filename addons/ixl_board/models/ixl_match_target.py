from odoo import api, models

from .ixl_match import TARGET_FIELDS
from .match_engine import MatchTarget


class IxlMatchTarget(models.AbstractModel):
    """What the matching engine (models/match_engine.py) matches people against: a
    personnel request or a job offer found online. Each target model says what it
    requires (``_ixl_match_target``) and which of its records are open."""

    _name = "ixl.match.target"
    _description = "IXL: target of the matching (request or offer)"

    # ------------------------------------------------------------ per model
    def _ixl_match_reached(self):
        """The people the target already reached (never proposed again)."""
        raise NotImplementedError

    def _ixl_match_area(self):
        """The job area of the target (an ixl.job.area, possibly empty)."""
        return self.env["ixl.job.area"]

    def _ixl_match_needs_cv_consent(self):
        return False

    @api.model
    def _ixl_match_open_domain(self):
        raise NotImplementedError

    def _ixl_check_open(self):
        raise NotImplementedError

    # ------------------------------------------------------------ shared
    def _ixl_match_target(self):
        self.ensure_one()
        return MatchTarget(
            key=self.id,
            skills=tuple((line.skill_id.id, line.min_progress or 0) for line in self.skill_ids),
            area_id=self._ixl_match_area().id or 0,
            municipality_id=self.municipality_id.id or 0,
            district_id=self.municipality_id.district_id.id or 0,
            excluded=tuple(self._ixl_match_reached().ids),
            cv_consent=self._ixl_match_needs_cv_consent(),
        )

    @api.model
    def _ixl_match_open_targets(self):
        return self.search(self._ixl_match_open_domain())

    def action_match(self):
        """Rank the best people for the target and show them (top 50)."""
        self.ensure_one()
        self._ixl_check_open()
        self.env["ixl.match"]._refresh_for_target(self)
        field = TARGET_FIELDS[self._name]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Best candidates for %s", self.display_name),
            "res_model": "ixl.match",
            "view_mode": "list,form",
            "domain": [(field, "=", self.id), ("for_person", "=", False)],
            "context": {f"default_{field}": self.id},
        }
