"""Company portal of the Board: company sheet, contacts, personnel requests, candidates,
placements and internships under /my/ixl.

Every page is for a contact of a company (user.partner_id.commercial_partner_id is a
company). Records are read as the portal user, so the record rules of
security/ixl_board_security.xml apply, and every query also filters on the company
explicitly; sudo() is used only for reference data (municipalities, skills, sectors),
for the writes of the portal forms, and for the CV stream, always after the ownership
check. Candidates, placements and internships are shown through their portal_* fields.
"""

import math

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request
from odoo.tools import plaintext2html

from odoo.addons.ixl_beneficiary.controllers.portal_tools import IxlPortal, form_text
from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES, PLACEMENT_TYPES
from odoo.addons.ixl_beneficiary.models.tools import count_related
from odoo.addons.portal.controllers.portal import pager as portal_pager

MAX_POSITIONS = 999
MAX_WEEKLY_HOURS = 168
CONTACT_FIELDS = ("name", "function", "email", "phone")
MAX_TEXT_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 10000


class IxlBoardPortal(IxlPortal):
    # ------------------------------------------------------------------ helpers
    def _ixl_company(self):
        """The company of the current user, or an empty recordset."""
        return self._ixl_organisation()

    def _ixl_company_or_404(self):
        company = self._ixl_company()
        if not company:
            raise NotFound()
        return company

    def _ixl_get_record(self, model, record_id, company_field):
        """``model``'s record ``record_id`` as the portal user, if the record rules let
        the user read it and it belongs to the user's company; else NotFound."""
        self._ixl_company_or_404()
        return self._ixl_record_or_404(model, record_id, company_field)

    @staticmethod
    def _ixl_company_lists(company):
        """{list: (model, domain)}: the records a company sees in each list of its
        portal (``/my/ixl/<list>``); the home page's counters count the same."""
        return {
            "requests": ("ixl.job.request", [("partner_id", "=", company.id)]),
            "candidates": ("ixl.candidate", [("partner_id", "=", company.id),
                                             ("state", "!=", "shortlisted")]),
            "placements": ("ixl.placement", [("employer_id", "=", company.id)]),
            "internships": ("ixl.internship", [("partner_id", "=", company.id)]),
        }

    def _ixl_home_counters(self, organisation):
        lists = self._ixl_company_lists(organisation)  # ixl_request_count for requests...
        return dict(super()._ixl_home_counters(organisation),
                    **{f"ixl_{name[:-1]}_count": lists[name] for name in lists})

    def _ixl_list(self, name, page, page_name, records_key, order=None):
        """The layout values of the company's list ``name``, a page of its records."""
        model, domain = self._ixl_company_lists(self._ixl_company_or_404())[name]
        url = f"/my/ixl/{name}"
        values = self._prepare_portal_layout_values()
        Model = request.env[model]
        pager = portal_pager(url=url, total=Model.search_count(domain), page=page,
                             step=self._items_per_page)
        records = Model.search(domain, order=order, limit=self._items_per_page,
                               offset=pager["offset"])
        values.update({"page_name": page_name, "pager": pager, "default_url": url,
                       records_key: records})
        return values

    def _ixl_cv_ids(self, candidates):
        """Ids of the candidates whose person has a CV and still consents to share it
        (read as superuser, sizes only)."""
        candidates_sudo = candidates.sudo().with_context(bin_size=True)
        return {cand.id for cand in candidates_sudo
                if cand.beneficiary_id.cv_file and cand.beneficiary_id.cv_sharing_consent}

    # ------------------------------------------------------------------ company sheet
    @http.route("/my/ixl/company", type="http", auth="user", website=True)
    def portal_ixl_company(self, **kw):
        company = self._ixl_company_or_404()
        return request.render("ixl_board.portal_my_ixl_company",
                              self._ixl_company_values(company, updated=kw.get("updated")))

    def _ixl_company_values(self, company, updated=None, errors=None, posted=None):
        values = self._prepare_portal_layout_values()
        contacts = company.child_ids.filtered(lambda c: c.type == "contact")
        values.update({
            "editable_ids": set(contacts.filtered(self._ixl_contact_editable).ids),
            "page_name": "ixl_company",
            "company_sudo": company.sudo(),
            "contacts": contacts,
            "updated_id": int(updated) if str(updated or "").isdigit() else None,
            "contact_errors": errors or {},
            "posted": posted or {},
        })
        return values

    def _ixl_contact_editable(self, contact):
        """A contact with a login of someone else stays read-only: changing its email
        would let the portal user reset that person's password."""
        users = contact.sudo().with_context(active_test=False).user_ids
        return not (users - request.env.user)

    @http.route("/my/ixl/company/contact/<int:contact_id>", type="http", auth="user",
                website=True, methods=["POST"])
    def portal_ixl_contact_update(self, contact_id, **post):
        company = self._ixl_company_or_404()
        contact_sudo = request.env["res.partner"].sudo().browse(contact_id).exists()
        if not contact_sudo or contact_sudo.parent_id != company \
                or contact_sudo.type != "contact" or contact_sudo.is_company \
                or not self._ixl_contact_editable(contact_sudo):
            raise NotFound()
        vals = {name: form_text(post.get(name)) for name in CONTACT_FIELDS}
        errors = []
        if any(len(value) > MAX_TEXT_LENGTH for value in vals.values()):
            errors.append(request.env._("Too long (%s characters at most).", MAX_TEXT_LENGTH))
        if not vals["name"]:
            errors.append(request.env._("The name is required."))
        if vals["email"] and "@" not in vals["email"]:
            errors.append(request.env._("The email address is not valid."))
        if errors:
            values = self._ixl_company_values(
                company, errors={contact_sudo.id: errors}, posted={contact_sudo.id: vals})
            return request.render("ixl_board.portal_my_ixl_company", values, status=400)
        contact_sudo.write({name: value or False for name, value in vals.items()})
        return request.redirect(f"/my/ixl/company?updated={contact_sudo.id}")

    # ------------------------------------------------------------------ requests
    @http.route(["/my/ixl/requests", "/my/ixl/requests/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_ixl_requests(self, page=1, **kw):
        values = self._ixl_list("requests", page, "ixl_requests", "ixl_requests",
                                order="create_date desc, id desc")
        counts = count_related(values["ixl_requests"], "ixl.candidate", "request_id",
                               [("state", "!=", "shortlisted")])
        values["candidate_counts"] = {req.id: count for req, count in counts.items()}
        return request.render("ixl_board.portal_my_ixl_requests", values)

    @http.route("/my/ixl/requests/<int:request_id>", type="http", auth="user", website=True)
    def portal_ixl_request(self, request_id, **kw):
        job_request = self._ixl_get_record("ixl.job.request", request_id, "partner_id")
        # Explicit order: the default one sorts on match_score, hidden from portal users.
        candidates = request.env["ixl.candidate"].search([
            ("request_id", "=", job_request.id), ("state", "!=", "shortlisted")],
            order="date_sent desc, id desc")
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "ixl_request",
            "ixl_request": job_request,
            "request_sudo": job_request.sudo(),
            "candidates": candidates,
            "cv_ids": self._ixl_cv_ids(candidates),
            "created": kw.get("created"),
        })
        return request.render("ixl_board.portal_my_ixl_request", values)

    def _ixl_request_form_values(self, post=None, errors=None):
        values = self._prepare_portal_layout_values()
        skill_type = request.env.ref("ixl_beneficiary.skill_type_professional")
        request_fields = request.env["ixl.job.request"]._fields
        values.update({
            "page_name": "ixl_request_new",
            "municipalities": request.env["ixl.municipality"].sudo().search([]),
            "skills": request.env["hr.skill"].sudo().search(
                [("skill_type_id", "=", skill_type.id)], order="name"),
            # Labels in the visitor's language (the module constants are English).
            "placement_types": request_fields["placement_type"]._description_selection(
                request.env),
            "contract_types": request_fields["contract_type"]._description_selection(
                request.env),
            "post": post or {},
            "selected_skill_ids": set(),
            "errors": errors or {},
            "today": fields.Date.context_today(request.env.user),
        })
        return values

    def _ixl_request_texts(self, post, errors):
        """Role and description of the posted request form; adds to ``errors``."""
        _ = request.env._
        name, description = form_text(post.get("name")), form_text(post.get("description"))
        if not name:
            errors["name"] = _("The role is required.")
        elif len(name) > MAX_TEXT_LENGTH:
            errors["name"] = _("Too long (%s characters at most).", MAX_TEXT_LENGTH)
        if len(description) > MAX_DESCRIPTION_LENGTH:
            errors["description"] = _("Too long (%s characters at most).",
                                      MAX_DESCRIPTION_LENGTH)
        return {"name": name,
                "description": plaintext2html(description) if description else False}

    def _ixl_request_validate(self, post, skill_values):
        """(values for create, {field: message}) of the posted request form."""
        _ = request.env._
        errors, vals = {}, {}
        vals.update(self._ixl_request_texts(post, errors))
        try:
            vals["positions"] = int(post.get("positions") or "")
            if not 1 <= vals["positions"] <= MAX_POSITIONS:
                raise ValueError
        except ValueError:
            errors["positions"] = _("Positions must be a whole number from 1 to %s.",
                                    MAX_POSITIONS)
        municipality = request.env["ixl.municipality"].sudo().browse()
        if str(post.get("municipality_id") or "").isdigit():
            municipality = municipality.browse(int(post["municipality_id"])).exists()
        if not municipality:
            errors["municipality_id"] = _("Choose the municipality of the workplace.")
        vals["municipality_id"] = municipality.id
        vals["placement_type"] = post.get("placement_type") or "hire"
        if vals["placement_type"] not in dict(PLACEMENT_TYPES):
            errors["placement_type"] = _("Choose what the company offers.")
        vals["contract_type"] = post.get("contract_type") or False
        if vals["contract_type"] and vals["contract_type"] not in dict(CONTRACT_TYPES):
            errors["contract_type"] = _("Choose a contract from the list.")
        elif vals["contract_type"] and vals["placement_type"] != "hire":
            errors["contract_type"] = _("Only a hire has a contract type.")
        try:
            hours = float(post.get("weekly_hours") or 0)
            if not math.isfinite(hours) or not 0 <= hours <= MAX_WEEKLY_HOURS:
                raise ValueError
            vals["weekly_hours"] = hours
        except ValueError:
            errors["weekly_hours"] = _("Weekly hours must be a number from 0 to %s.",
                                       MAX_WEEKLY_HOURS)
        vals["deadline"] = False
        if post.get("deadline"):
            try:
                vals["deadline"] = fields.Date.to_date(post["deadline"])
                if vals["deadline"] < fields.Date.context_today(request.env.user):
                    errors["deadline"] = _("The deadline cannot be in the past.")
            except ValueError:
                errors["deadline"] = _("The deadline is not a valid date.")
        skill_type = request.env.ref("ixl_beneficiary.skill_type_professional")
        skills = request.env["hr.skill"].sudo().browse()
        for value in skill_values:
            skill = skills.browse(int(value)).exists() if value.isdigit() else skills
            if not skill or skill.skill_type_id != skill_type:
                errors["skill_ids"] = _("Choose the skills from the list.")
                break
            skills |= skill
        vals["skill_ids"] = [(0, 0, {"skill_type_id": skill_type.id, "skill_id": skill.id})
                             for skill in skills]
        return vals, errors, skills

    @http.route("/my/ixl/requests/new", type="http", auth="user", website=True,
                methods=["GET", "POST"])
    def portal_ixl_request_new(self, **post):
        company = self._ixl_company_or_404()
        if request.httprequest.method != "POST":
            return request.render("ixl_board.portal_my_ixl_request_new",
                                  self._ixl_request_form_values())
        skill_values = request.httprequest.form.getlist("skill_ids")
        vals, errors, skills = self._ixl_request_validate(post, skill_values)
        if errors:
            values = self._ixl_request_form_values(post, errors)
            values["selected_skill_ids"] = set(skills.ids)
            return request.render("ixl_board.portal_my_ixl_request_new", values, status=400)
        user = request.env.user
        job_request = request.env["ixl.job.request"].sudo().create(
            dict(vals, partner_id=company.id, from_portal=True))
        job_request.message_post(
            body=request.env._("Request submitted on the portal by %s.", user.name),
            author_id=user.partner_id.id, message_type="comment",
            subtype_xmlid="mail.mt_note")
        return request.redirect(f"/my/ixl/requests/{job_request.id}?created=1")

    # ------------------------------------------------------------------ candidates
    @http.route(["/my/ixl/candidates", "/my/ixl/candidates/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_ixl_candidates(self, page=1, **kw):
        values = self._ixl_list("candidates", page, "ixl_candidates", "candidates",
                                order="date_sent desc, id desc")
        values["cv_ids"] = self._ixl_cv_ids(values["candidates"])
        return request.render("ixl_board.portal_my_ixl_candidates", values)

    @http.route("/my/ixl/candidates/<int:candidate_id>/cv", type="http", auth="user")
    def portal_ixl_candidate_cv(self, candidate_id, **kw):
        candidate = self._ixl_get_record("ixl.candidate", candidate_id, "partner_id")
        if candidate.state == "shortlisted":
            raise NotFound()
        person_sudo = candidate.sudo().beneficiary_id
        if not person_sudo.cv_file or not person_sudo.cv_sharing_consent:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(
            person_sudo, "cv_file", filename=person_sudo.cv_filename or "cv")
        return stream.get_response(as_attachment=True)

    # ------------------------------------------------------------------ placements
    @http.route(["/my/ixl/placements", "/my/ixl/placements/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_ixl_placements(self, page=1, **kw):
        values = self._ixl_list("placements", page, "ixl_placements", "placements")
        return request.render("ixl_board.portal_my_ixl_placements", values)

    @http.route(["/my/ixl/internships", "/my/ixl/internships/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_ixl_internships(self, page=1, **kw):
        values = self._ixl_list("internships", page, "ixl_internships", "internships")
        return request.render("ixl_board.portal_my_ixl_internships", values)
