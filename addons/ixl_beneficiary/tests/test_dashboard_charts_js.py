from urllib.parse import quote

from odoo.tests import HttpCase, tagged

SUITE = "IXL dashboard charts"


@tagged("post_install", "-at_install")
class TestDashboardChartsJs(HttpCase):
    """The HOOT unit tests of static/tests/ixl_dashboard_chart.test.js: from a block with
    a chart hint to the Chart.js datasets (totals left out, the click targets)."""

    def test_chart_data(self):
        # The unit-test page reads the module graph: an administrator, as Odoo's own
        # test_js does.
        self.browser_js(
            f"/web/tests?headless&loglevel=2&preset=desktop&timeout=15000&filter={quote(SUITE)}",
            "", "", login="admin", timeout=300,
            success_signal="[HOOT] Test suite succeeded",
            error_checker=lambda message: "[HOOT]" not in message)
