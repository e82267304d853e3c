"""ixl.beneficiary: access to the contact fields inherited from res.partner, and the door
through which the person's own contact is created and written (the split of the model
in files is described in ixl_beneficiary.py)."""

from odoo import api, models

from .ixl_beneficiary import OPERATOR
from .res_partner import CONTACT_DOOR, ContactDoor

# Fields of the person's contact that everybody who reads ixl.beneficiary reads (finance
# included): the name and the two facts of the reports. They are read as superuser, since
# the contact itself is hidden from finance (security/ixl_security.xml).
PUBLIC_PARTNER_FIELDS = ("name", "gender", "nationality_id")


def _leaves(domain):
    return [leaf for leaf in domain
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str)]


def _searched_fields(domain):
    """The fields of the person a domain searches on. ``partner_id`` is joined without
    the contact's record rules (``auto_join``): ``partner_id.email`` and
    ``("partner_id", "any", [("email", ...)])`` search the person's ``email``."""
    names = set()
    for path, operator, value in _leaves(domain):
        first, _dot, rest = path.partition(".")
        names.add(first)
        if first != "partner_id":
            continue
        if rest:
            names.add(rest.split(".")[0])
        elif operator in ("any", "not any") and isinstance(value, (list, tuple)):
            names |= _searched_fields(value)
    return names


class IxlBeneficiary(models.Model):
    """Access to the contact fields that ixl.beneficiary inherits from res.partner
    (the split of the model in files: ixl_beneficiary.py).

    Every inherited field but ``PUBLIC_PARTNER_FIELDS`` (email, phone, address, birth date,
    photo, the ~100 others that Odoo and the addons put on a contact) is restricted to the
    operators, so that a ``read`` without a field list, a search, a group-by or an export by
    another group neither shows them nor fails on them. New partner fields are restricted
    by default. See docs/security.md.

    Odoo checks the ``groups`` of a field when it is read, but a search, a sort or a
    group-by on an inherited field runs on the parent model's field: ``_search`` and
    ``_field_to_sql`` check them here, so that nobody finds a person by a field they may
    not read.
    """

    # one model split by concern on purpose (ixl_beneficiary.py): no file overrides another
    _inherit = "ixl.beneficiary"  # pylint: disable=consider-merging-classes-inherited

    # The person's contact is written through the person: operators have no rights on
    # contacts (res.partner), the person's access and field groups are checked by its
    # create and write (ixl_beneficiary.py), which go through this door.
    def _contact_door(self, new_partners=None):
        """These records, allowed to write their own contacts as superuser
        (res_partner.ContactDoor); at creation (``new_partners``: the contacts just made
        for them), to create contacts and write those. Superuser code needs no door."""
        if self.env.su:
            return self
        if new_partners is None:
            door = ContactDoor(partner_ids=self.sudo().partner_id.ids)
        else:
            door = ContactDoor(partner_ids=new_partners.ids, create=True)
        return self.with_context(**{CONTACT_DOOR: door})

    def _add_inherited_fields(self):
        res = super()._add_inherited_fields()
        for name, field in list(self._fields.items()):
            if not field.inherited:
                continue
            extra = {"related_sudo": True} if name in PUBLIC_PARTNER_FIELDS \
                else {"groups": OPERATOR}
            self._add_field(name, type(field)(**{**field.args, **extra}))
        return res

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            self.check_field_access_rights("read", sorted(_searched_fields(domain)))
        return super()._search(domain, offset, limit, order)

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        if not self.env.su:
            self.check_field_access_rights("read", [fname.split(".")[0]])
        return super()._field_to_sql(alias, fname, query, flush)

    def _send_private_email(self, template, note, **render_context):
        """Email ``template`` to each person without keeping it in their chatter.

        The chatter of a person is read by everybody who reads the person; an email that
        states the person's position (out of protocol and why) or carries a personal link
        (the privacy page) is therefore sent as a message of no record: in Odoo only its
        author and its recipient read it (and the administrators, in the outgoing mail
        queue). The person's chatter gets ``note`` (without the content) as an internal
        note. ``render_context`` is given to the template as ``ctx``."""
        for person in self:
            template.with_context(**render_context).send_mail(
                person.id, email_values={"model": False, "res_id": False})
            person.message_post(body=note, message_type="comment",
                                subtype_xmlid="mail.mt_note")
