"""Helpers shared by the portal pages of the IXL addons (companies, applicants), and
``IxlPortal``, the base class of their portal controllers."""

import re

from werkzeug.exceptions import NotFound

from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

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


class IxlPortal(CustomerPortal):
    """Base of the IXL portal controllers: the organisation of the user, a record page
    through Odoo's ``_document_check_access`` (the record rules of the user) before any
    ``sudo()``, and the cleaning of posted texts."""

    _ixl_form_text = staticmethod(form_text)

    def _ixl_organisation(self):
        """The organisation (company partner) of the current user, or an empty recordset."""
        return portal_organisation()

    def _ixl_organisation_or_404(self, portal_only=False):
        """The organisation of the current user; NotFound without one (or, with
        ``portal_only``, for an internal user)."""
        organisation = self._ixl_organisation()
        if not organisation or (portal_only and not request.env.user._is_portal()):
            raise NotFound()
        return organisation

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["ixl_organisation"] = self._ixl_organisation()
        return values

    def _prepare_home_portal_values(self, counters):
        """The home page's counters asked for (``counters``), from
        ``_ixl_home_counters``: each only for an organisation's user who may read the
        model (``has_access`` before counting), else 0."""
        values = super()._prepare_home_portal_values(counters)
        organisation = self._ixl_organisation()
        for counter, (model, domain) in self._ixl_home_counters(organisation).items():
            if counter in counters:
                Model = request.env[model]
                values[counter] = Model.search_count(domain) \
                    if organisation and Model.has_access("read") else 0
        return values

    def _ixl_home_counters(self, organisation):
        """{counter: (model, domain)} of the portal home page for ``organisation``; each
        addon adds the counters of its pages."""
        return {}

    def _ixl_record_or_404(self, model, record_id, owner_field=None):
        """``model``'s record ``record_id`` in the user's own environment, once
        ``_document_check_access`` let the user read it and, with ``owner_field``, it
        belongs to the user's organisation; NotFound otherwise (missing or someone
        else's: the same answer)."""
        try:
            self._document_check_access(model, record_id)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        record = request.env[model].browse(record_id)
        if owner_field and record[owner_field] != self._ixl_organisation():
            raise NotFound()
        return record
