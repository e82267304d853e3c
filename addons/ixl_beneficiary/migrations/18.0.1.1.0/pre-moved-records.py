"""18.0.1.1.0, each thing in its place: records whose addon changed keep their database
ids (and everything pointing at them: activities of a type, website copies of a page,
translations) because their xml ids move to the new addon before any addon loads its
data; Odoo would otherwise delete them at the end of the update and create new ones.

- the public registration form (its pages and the "Repeated registration" activity
  type) moved from ixl_beneficiary to ixl_website_registration, which this update
  installs (website is installed: ixl_beneficiary depended on it);
- the consent proofs' views, action and menu, and the dialog of the sensitive notes,
  moved from ixl_privacy to ixl_beneficiary.
"""

from odoo import SUPERUSER_ID, api

REGISTRATION = "ixl_website_registration"
MOVED = {
    ("ixl_beneficiary", REGISTRATION): (
        "registration_field_error", "registration_form", "registration_done",
        "mail_activity_type_duplicate_registration"),
    ("ixl_privacy", "ixl_beneficiary"): (
        "ixl_consent_view_list", "ixl_consent_view_search", "ixl_consent_action",
        "menu_ixl_privacy_consent", "ixl_beneficiary_view_form_sensitive"),
}


def move_xmlids(cr, old, new, names):
    """Give the xml ids ``old.<name>`` to addon ``new`` (unless it has them already), and
    the QWeb keys of their pages (website copies included) with them."""
    cr.execute("""
        UPDATE ir_model_data d SET module = %(new)s
         WHERE d.module = %(old)s AND d.name IN %(names)s
           AND NOT EXISTS (SELECT 1 FROM ir_model_data n
                            WHERE n.module = %(new)s AND n.name = d.name)
    """, {"old": old, "new": new, "names": tuple(names)})
    cr.execute("UPDATE ir_ui_view SET key = %s || '.' || split_part(key, '.', 2) "
               "WHERE key IN %s",
               (new, tuple(f"{old}.{name}" for name in names)))


def migrate(cr, version):
    if not version:
        return
    for (old, new), names in MOVED.items():
        move_xmlids(cr, old, new, names)
    env = api.Environment(cr, SUPERUSER_ID, {})
    registration = env["ir.module.module"].search(
        [("name", "=", REGISTRATION), ("state", "=", "uninstalled")])
    if registration and env["ir.module.module"].search_count(
            [("name", "=", "website"), ("state", "in", ("installed", "to upgrade"))]):
        registration.button_install()
