from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestItalianTranslation(common.ItalianTranslationCase):
    module = "ixl_beneficiary"
