from odoo.addons.ixl_beneficiary.hooks import move_xmlids

# Records of the form made by ixl_beneficiary before 18.0.1.1.0 (the form was part of it).
FROM_BENEFICIARY = ("registration_field_error", "registration_form", "registration_done",
                    "mail_activity_type_duplicate_registration")


def pre_init_hook(env):
    """A database made when the form was part of ixl_beneficiary keeps its pages and its
    "Repeated registration" activity type (with the activities of that type): they become
    this addon's before its data is loaded."""
    move_xmlids(env.cr, "ixl_beneficiary", "ixl_website_registration", FROM_BENEFICIARY)


def post_init_hook(env):
    """The registration page is for people of Bologna: Italian is the website's default
    language (English stays available). ixl_beneficiary activated Italian."""
    lang = env["res.lang"]._activate_lang("it_IT")
    website = env.ref("website.default_website", raise_if_not_found=False)
    if website:
        website.language_ids |= lang
        website.default_lang_id = lang
