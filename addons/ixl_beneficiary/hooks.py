DEMO_USERS = (
    "base.user_admin",
    "ixl_beneficiary.demo_user_operator_giulia",
    "ixl_beneficiary.demo_user_operator_luca",
)


def post_init_hook(env):
    """Staff work in Italian: activate Italian and load its translations (the website's
    language is set by ixl_website_registration). With demo data, the demo staff work
    in Italian too."""
    lang = env["res.lang"]._activate_lang("it_IT")
    modules = env["ir.module.module"].search(
        [("state", "in", ("installed", "to install", "to upgrade"))])
    modules._update_translations(["it_IT"])
    if env.ref("ixl_beneficiary.demo_user_operator_giulia", raise_if_not_found=False):
        for xmlid in DEMO_USERS:
            env.ref(xmlid).lang = lang.code


def move_xmlids(cr, old, new, names):
    """Give the xml ids ``old.<name>`` to the addon ``new`` (unless it has them already),
    with the QWeb keys of their pages (website copies included): records that move to
    another addon keep their ids and what points at them, instead of being deleted at the
    end of the update and created again."""
    cr.execute("""
        UPDATE ir_model_data d SET module = %(new)s
         WHERE d.module = %(old)s AND d.name IN %(names)s
           AND NOT EXISTS (SELECT 1 FROM ir_model_data n
                            WHERE n.module = %(new)s AND n.name = d.name)
    """, {"old": old, "new": new, "names": tuple(names)})
    cr.execute("UPDATE ir_ui_view SET key = %s || '.' || split_part(key, '.', 2) "
               "WHERE key IN %s", (new, tuple(f"{old}.{name}" for name in names)))
