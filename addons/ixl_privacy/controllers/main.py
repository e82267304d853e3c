from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request


class IxlPrivacy(http.Controller):
    # ---------------------------------------------------------- right of access
    @http.route("/ixl/privacy/export/<int:beneficiary_id>", type="http", auth="user")
    def privacy_export(self, beneficiary_id, **kw):
        person = request.env["ixl.beneficiary"].browse(beneficiary_id).exists()
        if not person:
            raise NotFound()
        person._privacy_check_coordinator()
        data = request.env["ixl.privacy.export"]._build_zip(person)
        return request.make_response(data, headers=[
            ("Content-Type", "application/zip"),
            ("Content-Disposition", content_disposition(
                f"{person.reference.replace('/', '-')}.zip")),
        ])

    # ------------------------------------------------------------- privacy page
    def _person_from_token(self, token):
        """The person of a valid privacy link (as superuser: the token is the credential);
        an unknown, replaced or expired link is not found."""
        person = request.env["ixl.beneficiary"]._privacy_person_from_token(token)
        if not person:
            raise NotFound()
        return person

    @http.route("/ixl/privacy/<string:token>", type="http", auth="public", website=True,
                methods=["GET"], sitemap=False)
    def privacy_page(self, token, saved=None, **kw):
        person = self._person_from_token(token)
        purposes = dict(request.env["ixl.consent"]._fields["purpose"]._description_selection(
            request.env))
        consents = [
            {"purpose": purpose, "label": purposes.get(purpose, purpose),
             "given": bool(person[field])}
            for purpose, field in person._privacy_consent_fields().items()
        ]
        return request.render("ixl_privacy.privacy_page", {
            "token": token, "first_name": person.first_name, "consents": consents,
            "saved": bool(saved), "notice_version": person._privacy_notice_version(),
        })

    @http.route("/ixl/privacy/<string:token>/consent", type="http", auth="public",
                website=True, methods=["POST"], sitemap=False)
    def privacy_consent(self, token, purpose=None, given=None, **kw):
        person = self._person_from_token(token)
        if purpose not in person._privacy_consent_fields() or given not in ("0", "1"):
            raise NotFound()
        person._privacy_set_consent(purpose, given == "1", channel="link")
        return request.redirect(f"/ixl/privacy/{token}?saved=1")
