"""18.0.1.1.0, each thing in its place: records whose addon changed keep their database
ids (and everything pointing at them: activities of a type, website copies of a page,
translations) because their xml ids move to the new addon before it loads its data; Odoo
would otherwise delete them at the end of the update and create new ones.

- the consent proofs' views, action and menu, and the dialog of the sensitive notes,
  moved from ixl_privacy to ixl_beneficiary (moved here, before this addon's data);
- the public registration form moved to ixl_website_registration, which this update
  installs (website is installed: ixl_beneficiary depended on it); its records move in
  its pre_init_hook.
"""

from odoo import SUPERUSER_ID, api

from odoo.addons.ixl_beneficiary.hooks import move_xmlids

FROM_PRIVACY = ("ixl_consent_view_list", "ixl_consent_view_search", "ixl_consent_action",
                "menu_ixl_privacy_consent", "ixl_beneficiary_view_form_sensitive")


def migrate(cr, version):
    if not version:
        return
    move_xmlids(cr, "ixl_privacy", "ixl_beneficiary", FROM_PRIVACY)
    env = api.Environment(cr, SUPERUSER_ID, {})
    Module = env["ir.module.module"]
    registration = Module.search(
        [("name", "=", "ixl_website_registration"), ("state", "=", "uninstalled")])
    if registration and Module.search_count(
            [("name", "=", "website"), ("state", "in", ("installed", "to upgrade"))]):
        registration.button_install()
