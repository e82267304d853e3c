"""The buttons of the workflows show from flags computed from the state tuples that the
actions check (``_ixl_action_states`` of ``ixl.workflow.mixin``), issue 19.

For every model of the suite that lists them: each flag is a field of the model, each
state of its tuple is a state of the model, and the flag is set exactly in those states.
The models whose views had state lists repeated in their buttons must list them."""

from odoo.tests import TransactionCase, tagged

MODELS_WITH_FLAGS = {
    "ixl.beneficiary", "ixl.internship", "ixl.candidate", "ixl.job.request", "ixl.call",
    "ixl.call.application", "ixl.call.hire", "ixl.loan", "ixl.selfemployment.project",
    "ixl.social.project", "ixl.training.settlement", "ixl.followup.campaign",
}


@tagged("post_install", "-at_install")
class TestWorkflowFlags(TransactionCase):
    def test_flags_follow_the_action_states(self):
        models = {name for name, model in self.env.registry.items()
                  if getattr(model, "_ixl_action_states", None)}
        self.assertLessEqual(MODELS_WITH_FLAGS & set(self.env.registry), models)
        for name in sorted(models):
            Model = self.env[name]
            states = [key for key, _label in Model._fields["state"]._description_selection(
                self.env)]
            for flag, allowed in Model._ixl_action_states.items():
                with self.subTest(model=name, flag=flag):
                    self.assertEqual(Model._fields[flag].compute,
                                     "_compute_ixl_action_flags")
                    self.assertLessEqual(set(allowed), set(states))
                    for state in states:
                        self.assertEqual(Model.new({"state": state})[flag], state in allowed,
                                         state)
