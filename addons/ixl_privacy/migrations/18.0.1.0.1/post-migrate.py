"""18.0.1.0.1: privacy links expire and are stored hashed (docs/security.md).

- The old tokens (in clear, without expiry) are erased: those links stop working and
  operators send new ones with the button.
- The email template's text changed (the link comes from the sending): its Italian
  translation is reloaded, the old one read a field that no longer exists.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    cr.execute("ALTER TABLE ixl_beneficiary DROP COLUMN IF EXISTS privacy_token")
    env = api.Environment(cr, SUPERUSER_ID, {})
    langs = [code for code, _name in env["res.lang"].get_installed() if code != "en_US"]
    if langs:
        env["ir.module.module"].search([("name", "=", "ixl_privacy")])._update_translations(
            langs, overwrite=True)
