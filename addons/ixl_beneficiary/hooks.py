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
