from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests import common


@tagged("post_install", "-at_install")
class TestItalianTranslation(common.ItalianTranslationCase):
    module = "ixl_website_registration"
