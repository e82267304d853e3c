"""Project-wide pytest hooks.

Odoo skips browser tests (HttpCase.browser_js / start_tour) when Chromium or
websocket-client is missing or the browser cannot start. Here such a skip is a
failure: a green run must have run the tours.
"""

import pytest

BROWSER_SKIP_MARKERS = (
    "chrome",
    "websocket",
    "devtools",
    "not found",
)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or getattr(report, "wasxfail", None):
        return
    reason = str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr)
    if any(marker in reason.lower() for marker in BROWSER_SKIP_MARKERS):
        report.outcome = "failed"
        report.longrepr = f"Browser test could not run (skip turned into failure): {reason}"


def pytest_collection(session):
    """Importing odoo.tests outside test mode logs an error: say we are testing while
    test modules are imported. The flag is reset before the registry loads, so that
    Odoo does not run every installed module's tests again (pytest-odoo sets it
    around each test module itself)."""
    from odoo.tools import config

    config["test_enable"] = True


def pytest_collection_finish(session):
    from odoo.tools import config

    config["test_enable"] = False
