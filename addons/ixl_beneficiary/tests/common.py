import re
from contextlib import contextmanager

import polib
from stdnum.it import codicefiscale

from odoo import http
from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user
from odoo.tests.common import HttpCase, TransactionCase
from odoo.tools import file_path
from odoo.tools.translate import TranslationModuleReader

MONTHS = "ABCDEHLMPRST"


def make_fiscal_code(last="ROSSI", first="MARIO", birthdate="1980-01-15", female=False,
                     town="A944"):
    """Build a valid codice fiscale (A944 is Bologna) for the given birth date."""
    year, month, day = (int(x) for x in birthdate.split("-"))

    def letters(word):
        consonants = [c for c in word.upper() if c.isalpha() and c not in "AEIOU"]
        vowels = [c for c in word.upper() if c in "AEIOU"]
        return "".join(consonants + vowels + ["X", "X", "X"])[:3]

    body = (f"{letters(last)}{letters(first)}{year % 100:02d}{MONTHS[month - 1]}"
            f"{day + (40 if female else 0):02d}{town}")
    return body + codicefiscale.calc_check_digit(body)


def new_person(env, first, last, birthdate="1985-03-10", female=False, town="A944",
               state="registered", **vals):
    """A person of Bologna with a valid codice fiscale built from the names and the birth
    date (``town``: the code's municipality, to vary it), put in ``state``."""
    person = env["ixl.beneficiary"].create({
        "first_name": first, "last_name": last,
        "fiscal_code": make_fiscal_code(last, first, birthdate, female=female, town=town),
        "birthdate_date": birthdate, "email": f"{first.lower()}.{last.lower()}@example.com",
        "municipality_id": env.ref("ixl_beneficiary.municipality_bologna").id, **vals})
    if state != "registered":
        person.write({"state": state})
    return person


def new_portal_user(env, organisation, contact_name, login):
    """A contact of ``organisation`` and the contact's portal user, (contact, user); the
    password is the login, as start_tour expects."""
    contact = env["res.partner"].create({
        "name": contact_name, "parent_id": organisation.id, "type": "contact",
        "email": f"{login}@example.com"})
    user = env["res.users"].with_context(no_reset_password=True).create({
        "login": login, "password": login, "partner_id": contact.id,
        "groups_id": [(6, 0, [env.ref("base.group_portal").id])]})
    return contact, user


class IxlCase(TransactionCase):
    """Data built here, never demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.operator = new_test_user(
            cls.env, login="ixl_operator", groups="ixl_beneficiary.group_ixl_operator",
            name="Olga Operator", email="olga@example.com")
        cls.coordinator = new_test_user(
            cls.env, login="ixl_coordinator", groups="ixl_beneficiary.group_ixl_coordinator",
            name="Carlo Coordinator", email="carlo@example.com")
        cls.finance = new_test_user(
            cls.env, login="ixl_finance", groups="ixl_beneficiary.group_ixl_finance",
            name="Fiona Finance", email="fiona@example.com")
        cls.bologna = cls.env.ref("ixl_beneficiary.municipality_bologna")
        cls.imola = cls.env.ref("ixl_beneficiary.municipality_imola")
        cls.employer = cls.env["res.partner"].create({"name": "Acme Pulizie", "is_company": True})
        cls._seq = 0

    @contextmanager
    def assertRefused(self, pattern, exception=ValidationError):
        """``exception``, with a message matching the regular expression ``pattern``.

        Like ``assertRaises`` it rolls back to a savepoint what the refused call wrote, as
        the transaction of the request would be: a check that nothing was saved cannot
        fail after it. Where the rule is "refused before anything is written", use
        ``assertRaisesRegex`` (no savepoint) and check the records after it."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    def assertAccessMatrix(self, module, matrix, users, records):
        """Every stored ``ixl.*`` model of ``module`` is in ``matrix`` ({model: {group:
        the letters r, w, c, u allowed}}) and each user of ``users`` ({group: user}) has
        exactly those rights on ``records[model]`` (create: on the model)."""
        own = self.env["ir.model.data"].search([("module", "=", module),
                                                ("model", "=", "ir.model")])
        models = set(self.env["ir.model"].browse(own.mapped("res_id")).filtered(
            lambda m: not m.transient and m.model.startswith("ixl.")
            and self.env[m.model]._original_module == module
            and self.env[m.model]._auto).mapped("model"))
        self.assertEqual(models, set(matrix), "every model of the addon is in the matrix")
        for model, expected in matrix.items():
            for group, user in users.items():
                for op, letter in (("read", "r"), ("write", "w"), ("create", "c"),
                                   ("unlink", "u")):
                    target = self.env[model] if op == "create" else records[model]
                    with self.subTest(model=model, group=group, op=op):
                        self.assertEqual(target.with_user(user).has_access(op),
                                         letter in expected[group])

    def action_form(self, action, user=None, **context):
        """The form of the wizard ``action`` (a button's return) as ``user`` would see it."""
        model = self.env[action["res_model"]].with_user(user or self.operator)
        return Form(model.with_context(**action["context"], **context))

    def wizard_form(self, record, method, user=None, *args):
        """The button ``method`` of ``record`` pressed as ``user``: its wizard's form."""
        action = getattr(record.with_user(user or self.operator), method)(*args)
        return self.action_form(action, user)

    def run_wizard(self, record, method, user=None, **values):
        """The button ``method`` of ``record`` as ``user``: its wizard filled, confirmed."""
        form = self.wizard_form(record, method, user)
        for name, value in values.items():
            setattr(form, name, value)
        return form.save().action_confirm()

    @classmethod
    def make_beneficiary(cls, state="registered", **vals):
        cls._seq += 1
        first = vals.pop("first_name", "Mario")
        last = vals.pop("last_name", f"Rossi{'ABCDEFGHIL'[cls._seq % 10]}")
        birthdate = vals.pop("birthdate_date", "1980-01-15")
        code = make_fiscal_code(last + "ZZ" * (cls._seq % 7), first, birthdate,
                                town=f"{'ABCDEFGHIL'[cls._seq // 1000 % 10]}{cls._seq % 1000:03d}")
        values = {
            "first_name": first,
            "last_name": last,
            "fiscal_code": code,
            "birthdate_date": birthdate,
            "email": f"person{cls._seq}@example.com",
            "municipality_id": cls.bologna.id,
            **vals,
        }
        record = cls.env["ixl.beneficiary"].create(values)
        if state != "registered":
            record.write({"state": state})
        return record


class PortalCase(HttpCase):
    """Pages of the portal fetched and forms posted (with the session's CSRF token)."""

    def _get(self, url, status=200):
        response = self.url_open(url)
        self.assertEqual(response.status_code, status, url)
        return response

    def assertSameAsMissing(self, url, record):
        """``url`` (``{}`` for the id) of someone else's ``record`` answers 404, as for
        an id that does not exist: the portal never tells the two apart."""
        for record_id in (record.id, 999999999):
            self._get(url.format(record_id), 404)

    def _post(self, url, data, **kw):
        return self.url_open(url, data=dict(data, csrf_token=http.Request.csrf_token(self)),
                             **kw)


class ItalianTranslationCase(TransactionCase):
    """Every term Odoo would export for ``module`` has an Italian translation in
    its i18n/it.po, with the same placeholders. Subclass it in each addon."""

    module = "ixl_beneficiary"
    PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")

    def test_italian_translation_complete(self):
        reader = TranslationModuleReader(self.env.cr, modules=[self.module])
        sources = {entry[4] for entry in reader if entry[0] == self.module}
        self.assertTrue(sources)
        path = file_path(f"{self.module}/i18n/it.po")
        translated = {}
        for entry in polib.pofile(path):
            if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags:
                translated[entry.msgid] = entry.msgstr
        missing = sorted(sources - set(translated))
        self.assertFalse(missing, f"{len(missing)} terms without Italian translation")
        for msgid, msgstr in translated.items():
            self.assertEqual(sorted(self.PLACEHOLDER.findall(msgid)),
                             sorted(self.PLACEHOLDER.findall(msgstr)), msgid)
