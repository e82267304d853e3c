"""Applicant portal of the calls under /my/ixl/calls and /my/ixl/applications.

Pages are for a contact of an organisation (user.partner_id.commercial_partner_id is a
company). Records go through ``_document_check_access`` (IxlPortal._ixl_record_or_404),
so the record rules of security/ixl_calls_security.xml apply, and queries also filter on
the organisation; sudo() is used only after that: for the writes of the forms (after
validation, the applicant is always the user's organisation) and for the access tokens
of the application's attachments.

A hire is a CLAIM by fiscal code: the form never looks the person up, and answers the
same whether the code is of someone in the programme or not, of any age (no oracle on
who is in the programme). Staff verify the claim before anything is written on the
person; the applicant then sees the first name and initial (ixl.call.hire.portal_name).
"""

import math

from stdnum.it import codicefiscale
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.ixl_beneficiary.controllers.portal_tools import IxlPortal
from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES
from odoo.addons.ixl_beneficiary.models.tools import fmt_amount

HIRE_ROWS = 3
MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_TEXT_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 10000


class IxlCallsPortal(IxlPortal):
    # ------------------------------------------------------------------ helpers
    def _ixl_calls_applicant_or_404(self):
        return self._ixl_organisation_or_404(portal_only=True)

    def _ixl_calls_get(self, model, record_id):
        """The record as the portal user if the record rules let them read it, else 404."""
        self._ixl_calls_applicant_or_404()
        owner_field = "partner_id" if model == "ixl.call.application" else None
        return self._ixl_record_or_404(model, record_id, owner_field)

    def _ixl_home_counters(self, organisation):
        return dict(
            super()._ixl_home_counters(organisation),
            ixl_call_count=("ixl.call", [("is_published", "=", True)]),
            ixl_application_count=("ixl.call.application",
                                   [("partner_id", "=", organisation.id)]),
        )

    # ------------------------------------------------------------------ calls
    @http.route("/my/ixl/calls", type="http", auth="user", website=True)
    def portal_ixl_calls(self, **kw):
        self._ixl_calls_applicant_or_404()
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "ixl_calls",
            "calls": request.env["ixl.call"].search([("is_published", "=", True)]),
            "today": fields.Date.context_today(request.env.user),
        })
        return request.render("ixl_calls.portal_my_ixl_calls", values)

    def _ixl_apply_values(self, call, post=None, errors=None):
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "ixl_call_apply", "call": call, "post": post or {},
            "errors": errors or [],
            # Labels in the visitor's language (the module constant is English).
            "contract_types": request.env["ixl.call.hire"]._fields[
                "contract_type"]._description_selection(request.env),
            "hire_rows": range(HIRE_ROWS),
        })
        return values

    @http.route("/my/ixl/calls/<int:call_id>/apply", type="http", auth="user", website=True,
                methods=["GET", "POST"])
    def portal_ixl_call_apply(self, call_id, **post):
        applicant = self._ixl_calls_applicant_or_404()
        call = self._ixl_calls_get("ixl.call", call_id)
        if not call.is_published:
            raise NotFound()
        if request.httprequest.method != "POST":
            return request.render("ixl_calls.portal_my_ixl_call_apply",
                                  self._ixl_apply_values(call))
        vals, errors = self._ixl_apply_validate(call, post)
        files = [f for f in request.httprequest.files.getlist("attachments") if f.filename]
        if len(files) > MAX_FILES:
            errors.append(request.env._("Attach at most %s files.", MAX_FILES))
        if not errors:
            try:
                with request.env.cr.savepoint():
                    application = self._ixl_apply_create(applicant, call, vals, files)
            except ValidationError as error:
                errors.append(error.args[0])
        if errors:
            return request.render("ixl_calls.portal_my_ixl_call_apply",
                                  self._ixl_apply_values(call, post, errors), status=400)
        return request.redirect(f"/my/ixl/applications/{application.id}?created=1")

    def _ixl_apply_validate(self, call, post):
        """(values for create, [error messages]) of the posted application form."""
        _ = request.env._
        errors = []
        try:
            call._check_accepts_applications(fields.Date.context_today(request.env.user))
        except ValidationError as error:
            errors.append(error.args[0])
        vals = {"project_title": self._ixl_form_text(post.get("project_title")),
                "project_description": self._ixl_form_text(post.get("project_description"))}
        if len(vals["project_title"]) > MAX_TEXT_LENGTH \
                or len(vals["project_description"]) > MAX_DESCRIPTION_LENGTH:
            errors.append(_("The title (%(title)s characters at most) or the description "
                            "(%(description)s) is too long.", title=MAX_TEXT_LENGTH,
                            description=MAX_DESCRIPTION_LENGTH))
        if call.kind == "hiring":
            vals["hire_ids"] = self._ixl_apply_hires(post, errors)
        else:
            self._ixl_apply_project(call, post, vals, errors)
        return vals, errors

    def _ixl_apply_project(self, call, post, vals, errors):
        """Budget, funding and period of a project; appends messages to ``errors``."""
        _ = request.env._
        if not vals["project_title"]:
            errors.append(_("The title of the project is required."))
        if not vals["project_description"]:
            errors.append(_("Describe the project."))
        for name, label in (("project_budget", _("The project budget")),
                            ("amount_requested", _("The funding requested"))):
            try:
                vals[name] = float(post.get(name) or "")
                if not math.isfinite(vals[name]) or vals[name] < 0:
                    raise ValueError
            except ValueError:
                errors.append(_("%s must be a positive number.", label))
        if not errors and vals["amount_requested"] > call.cap_amount:
            errors.append(_("The funding requested is above the cap of the call (%s).",
                            fmt_amount(request.env, call.cap_amount, call.currency_id)))
        start, end = (self._ixl_form_date(post.get(name)) for name in ("date_start", "date_end"))
        if not start or not end or end < start:
            errors.append(_("Give the period of the project: its start and its end, not "
                            "before the start."))
        vals.update(date_start=start, date_end=end)

    @staticmethod
    def _ixl_form_date(value):
        try:
            return fields.Date.to_date(value or "") or None
        except ValueError:
            return None

    def _ixl_apply_hires(self, post, errors):
        """Commands for the hires claimed in the form; appends messages to ``errors``.
        Only the form itself is checked: the people are not looked up here."""
        _ = request.env._
        commands, seen = [], set()
        today = fields.Date.context_today(request.env.user)
        for row in range(HIRE_ROWS):
            code = self._ixl_form_text(post.get(f"hire_fiscal_code_{row}")).upper()
            if not code:
                continue
            hire_date = self._ixl_form_date(post.get(f"hire_date_{row}"))
            contract = post.get(f"hire_contract_{row}")
            if not hire_date or hire_date > today:
                errors.append(_("Hire %s: give the date of the hire (not in the future).",
                                row + 1))
            elif not codicefiscale.is_valid(code):
                errors.append(_("Hire %s: the fiscal code is not valid.", row + 1))
            elif contract not in dict(CONTRACT_TYPES):
                errors.append(_("Hire %s: choose the contract.", row + 1))
            elif code in seen:
                errors.append(_("Hire %s: the same person is listed twice.", row + 1))
            else:
                seen.add(code)
                commands.append((0, 0, {
                    "fiscal_code": code, "date_hire": hire_date, "contract_type": contract,
                    "job_title": self._ixl_form_text(
                        post.get(f"hire_job_{row}"))[:MAX_TEXT_LENGTH]}))
        if not commands and not errors:
            errors.append(_("List at least one hire, with the fiscal code of the person."))
        return commands

    def _ixl_apply_create(self, applicant, call, vals, files):
        user = request.env.user
        application = request.env["ixl.call.application"].sudo().create(
            dict(vals, call_id=call.id, partner_id=applicant.id))
        attachments = request.env["ir.attachment"].sudo().create([{
            "name": self._ixl_form_text(f.filename)[:MAX_TEXT_LENGTH] or "attachment",
            "raw": f.read(), "res_model": "ixl.call.application", "res_id": application.id,
        } for f in files])
        if any(len(att.raw or b"") > MAX_FILE_SIZE for att in attachments):
            raise ValidationError(request.env._("An attachment is larger than 10 MB."))
        attachments.generate_access_token()
        application.attachment_ids = attachments
        application.message_post(
            body=request.env._("Application submitted on the portal by %s.", user.name),
            author_id=user.partner_id.id, message_type="comment",
            subtype_xmlid="mail.mt_note")
        return application

    # ------------------------------------------------------------------ applications
    @http.route("/my/ixl/applications", type="http", auth="user", website=True)
    def portal_ixl_applications(self, **kw):
        applicant = self._ixl_calls_applicant_or_404()
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "ixl_applications",
            "applications": request.env["ixl.call.application"].search(
                [("partner_id", "=", applicant.id)]),
        })
        return request.render("ixl_calls.portal_my_ixl_applications", values)

    @http.route("/my/ixl/applications/<int:application_id>", type="http", auth="user",
                website=True)
    def portal_ixl_application(self, application_id, **kw):
        application = self._ixl_calls_get("ixl.call.application", application_id)
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "ixl_application", "application": application,
            "attachments": self._ixl_attachments(application),
            "created": kw.get("created"), "withdrawn": kw.get("withdrawn"),
        })
        return request.render("ixl_calls.portal_my_ixl_application", values)

    def _ixl_attachments(self, application):
        """The application's files (already checked readable by the user), each with its
        access token: /web/content serves them to their applicant only through it."""
        attachments = application.sudo().attachment_ids
        attachments.filtered(lambda att: not att.access_token).generate_access_token()
        return attachments

    @http.route("/my/ixl/applications/<int:application_id>/withdraw", type="http",
                auth="user", website=True, methods=["POST"])
    def portal_ixl_application_withdraw(self, application_id, **kw):
        application = self._ixl_calls_get("ixl.call.application", application_id)
        if application.state != "submitted":
            raise NotFound()
        application.sudo().action_withdraw()
        return request.redirect(f"/my/ixl/applications/{application.id}?withdrawn=1")
