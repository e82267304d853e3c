"""One door per decision: fields that only their transition methods write.

A state, a decision, an amount frozen by a decision or a snapshot must change only
through the method that checks the rule and the group (``action_*``). Views show such
fields read-only, but every field is reachable over RPC (``call_kw``, XML-RPC), so the
model itself refuses a ``create`` or ``write`` that sets them from outside a transition.

A transition method writes through ``self._ixl_transition()``: it marks the environment
with a module-level sentinel object that no RPC context (JSON) can carry. Superuser
code (``sudo()``, data files) is trusted: it runs only after its own access check.
The same holds for what the model derives and stores (stored computed fields without an
inverse that the views show read-only: ages, waits, totals paid, windows...): they are
the figures' inputs, so only their compute writes them, never a caller.

The buttons of a transition show from a flag computed from the same state list that the
action checks: the model lists ``_ixl_action_states = {"can_start": START_STATES, ...}``,
declares each flag as ``fields.Boolean(compute="_compute_ixl_action_flags")`` and its
view says ``invisible="not can_start"`` (no state list repeated in the view).
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

_TRANSITION = object()


def states_to(transitions, target):
    """The states from which ``transitions`` ({state: states it may become}) reach
    ``target``, for the flag of the action that moves to ``target``."""
    return tuple(state for state, targets in transitions.items() if target in targets)


class IxlWorkflowMixin(models.AbstractModel):
    _name = "ixl.workflow.mixin"
    _description = "IXL: fields written only through their actions"

    # Fields that only the model's transition methods write (state, decision...).
    _ixl_locked_fields = ()
    # {flag field: the states in which its action is possible} (see the module's doc).
    _ixl_action_states = {}

    @api.depends("state")
    def _compute_ixl_action_flags(self):
        for rec in self:
            for flag, states in rec._ixl_action_states.items():
                rec[flag] = rec.state in states

    def _ixl_check_state(self, allowed, message, name="display_name", **values):
        """Refuse a step unless each record is in one of the ``allowed`` states.

        ``message`` is translated by the caller (its addon holds the translation) and
        names the first record in another state as ``%(name)s`` (its ``name`` field) and
        that state as ``%(state)s``, with ``values`` for its other placeholders."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for rec in self:
            if rec.state not in allowed:
                raise UserError(message % {
                    "name": rec[name], "state": labels[rec.state], **values})

    def _ixl_transition(self):
        """These records, allowed to write their locked fields: for transition methods,
        after they checked the rule and the group."""
        return self.with_context(ixl_transition=_TRANSITION)

    def _ixl_in_transition(self):
        return self.env.su or self.env.context.get("ixl_transition") is _TRANSITION

    def _ixl_frozen_fields(self):
        """Field names that the current state of these records freezes, besides the
        always-locked ones (e.g. the amounts of an approved loan). Override per model."""
        return set()

    def _ixl_refuse_locked(self, names):
        labels = ", ".join(
            self._fields[name].get_description(self.env)["string"] for name in sorted(names))
        raise AccessError(self.env._(
            "%(fields)s of %(model)s can only be changed through its actions (buttons), "
            "which check the rules and who may do it.",
            fields=labels, model=self._description))

    def _ixl_derived_fields(self):
        """Stored fields that the model computes and that nobody edits (read-only, no
        inverse): written by their compute only."""
        return {name for name, field in self._fields.items()
                if field.store and field.compute and field.readonly and not field.inverse
                and field.type not in ("one2many", "many2many")}

    @api.model_create_multi
    def create(self, vals_list):
        if not self._ixl_in_transition():
            closed = set(self._ixl_locked_fields) | self._ixl_derived_fields()
            for vals in vals_list:
                bad = {name for name in closed
                       if name in vals and not self._ixl_is_default(name, vals[name])}
                if bad:
                    self._ixl_refuse_locked(bad)
            # A ``default_<field>`` in the caller's context would fill a locked field that
            # the values leave out: only the field's own default applies.
            self = self._ixl_without_context_defaults()
        return super().create(vals_list)

    def write(self, vals):
        if not self._ixl_in_transition():
            names = (set(self._ixl_locked_fields) | self._ixl_frozen_fields()
                     | self._ixl_derived_fields()) & set(vals)
            bad = {name for name in names if self._ixl_changes(name, vals[name])}
            if bad:
                self._ixl_refuse_locked(bad)
        return super().write(vals)

    def _ixl_without_context_defaults(self):
        locked = {f"default_{name}" for name in self._ixl_locked_fields}
        context = {key: val for key, val in self.env.context.items() if key not in locked}
        return self.with_env(self.env(context=context))

    @api.model
    def _ixl_is_default(self, name, value):
        # The field's own default, not a ``default_<name>`` the caller put in the context.
        default = self._ixl_without_context_defaults().default_get([name]).get(name, False)
        return self._ixl_normalise(name, value) == self._ixl_normalise(name, default)

    def _ixl_normalise(self, name, value):
        cached = self._fields[name].convert_to_cache(value, self[:1], validate=False)
        return cached if cached not in (None, "") else False

    def _ixl_changes(self, name, value):
        """Whether writing ``value`` into ``name`` changes any of these records (the web
        client may send an unchanged read-only value back)."""
        new = self._ixl_normalise(name, value)
        return any(rec._ixl_normalise(name, rec[name]) != new for rec in self)
