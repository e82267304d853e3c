"""Helpers shared by the portal pages of the IXL addons (companies, applicants)."""

import re

from werkzeug.exceptions import NotFound

from odoo.exceptions import AccessError, MissingError
from odoo.http import request

# NUL and the other control characters (tab and line breaks aside): PostgreSQL refuses
# NUL in text, and none of them belongs in a form field.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def form_text(value):
    """A posted text value, stripped, without control characters ('' when absent or not a
    string)."""
    return CONTROL_CHARACTERS.sub("", value).strip() if isinstance(value, str) else ""


def portal_organisation():
    """The organisation (company partner) of the current user, or an empty recordset."""
    partner = request.env.user.partner_id.commercial_partner_id
    return partner if partner.is_company else partner.browse()


def portal_record_or_404(model, record_id, owner=None, owner_field=None):
    """``model``'s record ``record_id`` read as the current user: NotFound unless the
    record rules let the user read it and, with ``owner_field``, it belongs to
    ``owner``."""
    record = request.env[model].browse(record_id)
    try:
        if not record.exists():
            raise NotFound()
        record.check_access("read")
        if owner_field and record[owner_field] != owner:
            raise NotFound()
    except (AccessError, MissingError) as error:
        raise NotFound() from error
    return record
