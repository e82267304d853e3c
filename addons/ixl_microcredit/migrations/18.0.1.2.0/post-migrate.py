"""18.0.1.2.0: the programme in numbers counts the evaluation committee's decisions
(selected / rejected, on the evaluation date), no longer the projects' current state.
A project that left "submitted" without its decision recorded (e.g. imported, or moved
by hand) gets it from its state: rejected if rejected, else selected (every later state
follows a selection)."""


def migrate(cr, version):
    cr.execute("""
        UPDATE ixl_social_project
           SET decision = CASE WHEN state = 'rejected' THEN 'rejected' ELSE 'selected' END
         WHERE decision IS NULL AND state != 'submitted'
    """)
