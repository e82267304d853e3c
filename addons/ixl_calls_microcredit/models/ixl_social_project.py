from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_microcredit.models.ixl_social_project import CLOSED_STATES


class IxlSocialProject(models.Model):
    """A social-innovation project linked to its application to a call (ixl_calls).

    The money is recorded once: when linked, the funding approved is the sum of the
    application's grants and the funding paid the sum of their payments; the project's
    own payments are not used (a linked project cannot have any)."""

    _inherit = "ixl.social.project"

    application_id = fields.Many2one(
        "ixl.call.application", string="Call application", index="btree_not_null",
        ondelete="restrict", tracking=True, copy=False,
        domain="[('kind', '=', 'social'), ('partner_id', '=', partner_id)]",
        help="When linked, the funding approved and paid are the grants and payments of "
        "the application, recorded in the call.")
    funding_approved = fields.Monetary(compute="_compute_funding_approved", store=True,
                                       readonly=False)

    @api.depends("application_id.grant_ids.amount")
    def _compute_funding_approved(self):
        for project in self.filtered("application_id"):
            project.funding_approved = sum(project.application_id.grant_ids.mapped("amount"))

    @api.depends("payment_ids.amount", "application_id.grant_ids.paid")
    def _compute_funding_paid(self):
        linked = self.filtered("application_id")
        res = super(IxlSocialProject, self - linked)._compute_funding_paid()
        for project in linked:
            project.funding_paid = sum(project.application_id.grant_ids.mapped("paid"))
        return res

    def _ixl_frozen_fields(self):
        frozen = super()._ixl_frozen_fields()
        if self.filtered("application_id"):
            frozen.add("funding_approved")
        if any(project.state in CLOSED_STATES for project in self):
            frozen.add("application_id")
        return frozen

    @api.constrains("application_id", "partner_id", "currency_id")
    def _check_application(self):
        for project in self.filtered("application_id"):
            app = project.application_id
            if app.kind != "social":
                raise ValidationError(self.env._(
                    "The application %(application)s is not for a call for social-innovation "
                    "projects.", application=app.name))
            if app.partner_id.commercial_partner_id != \
                    project.partner_id.commercial_partner_id:
                raise ValidationError(self.env._(
                    "The application %(application)s is from %(applicant)s, not from the "
                    "organisation of the project (%(organisation)s).", application=app.name,
                    applicant=app.partner_id.name, organisation=project.partner_id.name))
            if app.currency_id != project.currency_id:
                raise ValidationError(self.env._(
                    "The application %(application)s is in another currency.",
                    application=app.name))
            if self.search_count([("application_id", "=", app.id),
                                  ("id", "!=", project.id)]):
                raise ValidationError(self.env._(
                    "The application %(application)s already funds another project.",
                    application=app.name))
            if project.payment_ids:
                raise ValidationError(self.env._(
                    "Project %(project)s has payments recorded on it: linked to a call "
                    "application, its money would be recorded twice.", project=project.name))
