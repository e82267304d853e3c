"""Public online registration form (iscrizione) of Insieme per il lavoro."""

import base64
import logging
from datetime import timedelta

from markupsafe import Markup
from psycopg2 import IntegrityError
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.it import codicefiscale

from odoo import Command, fields, http
from odoo.exceptions import ValidationError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.ixl_beneficiary.controllers.portal_tools import form_text
from odoo.addons.ixl_beneficiary.models.ixl_beneficiary import validate_fiscal_code
from odoo.addons.ixl_beneficiary.models.ixl_beneficiary_intake import FIRST_INTERVIEW_DAYS
from odoo.addons.ixl_beneficiary.models.tools import local_today

_logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 5 * 1024 * 1024
ID_MIMETYPES = {"application/pdf", "image/jpeg", "image/png"}
CV_MIMETYPES = {
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
}
FILE_FIELDS = (
    ("id_document", "id_document_filename", ID_MIMETYPES),
    ("cv_file", "cv_filename", CV_MIMETYPES),
)
TEXT_FIELDS = ("first_name", "last_name", "fiscal_code", "email", "phone", "street")
REQUIRED_FIELDS = ("first_name", "last_name", "fiscal_code", "birthdate", "email", "phone",
                   "municipality_id")
MAX_TEXT_LENGTH = 200


class IxlRegistration(http.Controller):
    @http.route("/ixl/registrazione", type="http", auth="public", website=True,
                methods=["GET"], sitemap=True)
    def registration_form(self, **kwargs):
        return request.render("ixl_website_registration.registration_form",
                              self._form_values({}, {}))

    @http.route("/ixl/registrazione", type="http", auth="public", website=True,
                methods=["POST"], sitemap=False, max_content_length=4 * MAX_FILE_SIZE)
    def registration_submit(self, **post):
        # Text values come from the form fields only: a file posted under a text field's
        # name (or a query-string argument) must not replace them.
        post = request.httprequest.form.to_dict()
        files = {
            "id_document": request.httprequest.files.get("id_document"),
            "cv_file": request.httprequest.files.get("cv_file"),
        }
        errors, vals = self._validate(post, files)
        if not errors:
            try:
                self._register(vals)
            except ValidationError as exc:
                errors["form"] = exc.args[0]
            except IntegrityError as exc:
                # Only the same codice fiscale submitted twice at the same moment (the first
                # won) is a duplicate; any other integrity error is a bug, not a success.
                if exc.diag.constraint_name != "ixl_beneficiary_fiscal_code_unique":
                    raise
                _logger.info("Concurrent duplicate online registration refused")
                return request.render("ixl_website_registration.registration_done", {})
        if errors:
            values = self._form_values(post, errors)
            return request.render("ixl_website_registration.registration_form", values, status=400)
        return request.render("ixl_website_registration.registration_done", {})

    # ----------------------------------------------------------------- helpers
    def _form_values(self, post, errors):
        env = request.env
        skill_types = env.ref("ixl_beneficiary.skill_type_professional").sudo()
        return {
            "post": post,
            "errors": errors,
            "municipalities": env["ixl.municipality"].sudo().search([]),
            "countries": env["res.country"].sudo().search([]),
            "job_areas": env["ixl.job.area"].sudo().search([]),
            "skills": skill_types.skill_ids,
            "selected_job_areas": self._int_list(post, "job_area_ids"),
            "selected_skills": self._int_list(post, "skill_ids"),
            "privacy_version": self._privacy_version(),
            "max_file_mb": MAX_FILE_SIZE // (1024 * 1024),
        }

    @staticmethod
    def _int_list(post, key):
        raw = request.httprequest.form.getlist(key) if request.httprequest.form else []
        return [int(v) for v in raw if str(v).isdigit()][:50]

    @staticmethod
    def _privacy_version():
        return request.env["ixl.beneficiary"].sudo()._privacy_notice_version()

    def _validate(self, post, files):
        """Return (errors, values to create). Nothing is written here."""
        env = request.env
        _ = env._
        errors = {}
        clean = {k: " ".join(form_text(post.get(k)).split()) for k in TEXT_FIELDS}
        for key in REQUIRED_FIELDS:
            value = clean[key] if key in clean else (post.get(key) or "").strip()
            if not value:
                errors[key] = _("This field is required.")
        for key, value in clean.items():
            if len(value) > MAX_TEXT_LENGTH:
                errors[key] = _("Too long (%s characters at most).", MAX_TEXT_LENGTH)
        vals = self._person_values(post, clean, errors)
        for key, name_key, allowed in FILE_FIELDS:
            content, error = self._read_file(files.get(key), allowed)
            if error:
                errors[key] = error
            else:
                vals[key] = base64.b64encode(content)
                vals[name_key] = self._safe_filename(files[key].filename)
        if not post.get("privacy_consent"):
            errors["privacy_consent"] = _("You must read and accept the privacy notice.")
        return errors, vals

    def _person_values(self, post, clean, errors):
        env = request.env
        _ = env._
        # The personal code or the provisional numeric one; not "pending": online, the
        # codice fiscale is what tells a new person from a repeated registration.
        code = codicefiscale.compact(clean["fiscal_code"] or "")
        try:
            if code:
                validate_fiscal_code(code)
        except StdnumValidationError:
            errors["fiscal_code"] = _("This codice fiscale is not valid.")
        birthdate = None
        try:
            birthdate = fields.Date.to_date(post.get("birthdate") or None)
        except ValueError:
            errors["birthdate"] = _("Write the birth date as YYYY-MM-DD.")
        # Only the personal 16-character code holds the birth date (the 11-digit
        # temporary code does not). The code keeps two digits of the year: decode it in
        # the century starting at the declared year, so that 2005 or 29/02/2000 match too.
        if birthdate and "fiscal_code" not in errors and len(code) == 16:
            try:
                code_date = codicefiscale.get_birth_date(code, minyear=birthdate.year)
            except StdnumValidationError:
                code_date = None
            if code_date != birthdate:
                errors["birthdate"] = _("The birth date does not match the codice fiscale.")
        if birthdate and birthdate > local_today():
            errors["birthdate"] = _("The birth date cannot be in the future.")
        email = clean["email"]
        if email and ("@" not in email or " " in email):
            errors["email"] = _("This email address is not valid.")
        municipality = self._browse_existing("ixl.municipality", post.get("municipality_id"))
        if post.get("municipality_id") and not municipality:
            errors["municipality_id"] = _("Choose a municipality from the list.")
        # the domicile only when it differs from the residence (matching uses the nearer)
        domicile = self._browse_existing("ixl.municipality",
                                         post.get("domicile_municipality_id"))
        if post.get("domicile_municipality_id") and not domicile:
            errors["domicile_municipality_id"] = _("Choose a municipality from the list.")
        if domicile == municipality:
            domicile = domicile.browse()
        country = self._browse_existing("res.country", post.get("nationality_id"))
        gender = post.get("gender") if post.get("gender") in ("male", "female", "other") else False
        now = fields.Datetime.now()
        return {
            "first_name": clean["first_name"],
            "last_name": clean["last_name"],
            "fiscal_code": code,
            "birthdate_date": birthdate,
            "gender": gender,
            "nationality_id": country.id,
            "email": email,
            "phone": clean["phone"],
            "street": clean["street"],
            "municipality_id": municipality.id,
            "domicile_municipality_id": domicile.id,
            "job_area_ids": [(6, 0, env["ixl.job.area"].sudo().search(
                [("id", "in", self._int_list(post, "job_area_ids"))]).ids)],
            "skill_ids": self._declared_skills(self._int_list(post, "skill_ids")),
            "registration_channel": "web",
            "registration_date": now,
            "privacy_notice_version": self._privacy_version(),
            "privacy_accepted_at": now,
            "privacy_channel": "web",
            "cv_sharing_consent": bool(post.get("cv_sharing_consent")),
            "lang": "it_IT" if env["res.lang"]._lang_get("it_IT") else env.lang,
        }

    @staticmethod
    def _browse_existing(model, raw_id):
        if not raw_id or not str(raw_id).isdigit():
            return request.env[model].sudo().browse()
        return request.env[model].sudo().browse(int(raw_id)).exists()

    @staticmethod
    def _declared_skills(skill_ids):
        """Commands for the skills offered by the form among ``skill_ids``, each once.

        The level is set here, at the default (or lowest) level of the skill type: the
        computed default is only filled after the INSERT, too late for NOT NULL.
        """
        skill_type = request.env.ref("ixl_beneficiary.skill_type_professional").sudo()
        commands = []
        for skill in skill_type.skill_ids.filtered(lambda s: s.id in skill_ids):
            levels = skill.skill_type_id.skill_level_ids
            level = levels.filtered("default_level")[:1] or levels.sorted("level_progress")[:1]
            if level:
                commands.append(Command.create({
                    "skill_id": skill.id,
                    "skill_type_id": skill.skill_type_id.id,
                    "skill_level_id": level.id,
                    "origin": "declared",
                }))
        return commands

    @staticmethod
    def _safe_filename(name):
        base = (name or "document").replace("\\", "/").rsplit("/", 1)[-1]
        return "".join(c for c in base if c.isalnum() or c in "._- ")[:100] or "document"

    @staticmethod
    def _read_file(storage, allowed):
        _ = request.env._
        if not storage or not storage.filename:
            return None, _("Attach the file.")
        content = storage.read(MAX_FILE_SIZE + 1)
        if len(content) > MAX_FILE_SIZE:
            return None, _("The file is larger than %s MB.", MAX_FILE_SIZE // (1024 * 1024))
        if not content:
            return None, _("The file is empty.")
        if guess_mimetype(content) not in allowed:
            return None, _("This type of file is not accepted.")
        return content, None

    def _register(self, vals):
        """Create the person, or tell staff about a repeated registration (same codice
        fiscale). Both answers show the same page and do the same work, so that the
        response time does not tell whether a codice fiscale is registered
        (docs/rules/people.md): a repeated registration runs the creation too (contact,
        person, documents, skills, consent), without the code, in a savepoint that is
        rolled back; both branches then read their records afresh, as the rollback makes
        them do, and schedule one activity."""
        Beneficiary = request.env["ixl.beneficiary"].sudo().with_context(
            tracking_disable=False, mail_create_nosubscribe=True, ixl_consent_channel="web")
        existing = self._find_existing(vals)
        cr = request.env.cr
        with cr.savepoint() as savepoint:
            if existing:
                # its activities are left out: the activity of _notify_duplicate
                # stands for the first-interview activity of a new person
                Beneficiary.with_context(mail_activity_automation_skip=True).create(
                    dict(vals, fiscal_code=False, fiscal_code_pending=True))
            else:
                Beneficiary.create(vals)
            cr.flush()
            savepoint.close(rollback=bool(existing))
        request.env.invalidate_all()
        if existing:
            self._notify_duplicate(existing, vals)

    @staticmethod
    def _find_existing(vals):
        """The person with this codice fiscale (archived included). The codice fiscale
        identifies a person; an email shared with another person is only flagged to staff
        on the new record (ixl.beneficiary._flag_shared_email)."""
        Beneficiary = request.env["ixl.beneficiary"].sudo().with_context(active_test=False)
        return Beneficiary.search([("fiscal_code", "=", vals["fiscal_code"])], limit=1)

    @staticmethod
    def _notify_duplicate(existing, vals):
        """Tell staff, not the visitor: the success page does not reveal who is registered.
        What the visitor typed is text in the note, never HTML. The activity is due like
        the first interview of a new registration: the same notifications either way."""
        _logger.info("Repeated online registration for beneficiary %s", existing.id)
        existing = existing.sudo()
        full_name = " ".join([vals["first_name"], vals["last_name"]])
        existing.activity_schedule(
            "ixl_website_registration.mail_activity_type_duplicate_registration",
            date_deadline=local_today() + timedelta(days=FIRST_INTERVIEW_DAYS),
            user_id=(existing.user_id or existing._get_intake_user()).id,
            note=Markup("<p>%s</p>") % request.env._(
                "A new online registration was submitted with the same codice fiscale "
                "(%(name)s, %(email)s): no second record was created.",
                name=full_name, email=vals.get("email") or "",
            ),
        )
