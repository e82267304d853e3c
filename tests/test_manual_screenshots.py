"""Screenshots of the procedures manual (docs/manuale), taken from the running demo.

Each entry of SHOTS is one image: who is logged in, which screen (a backend action
and record given by xmlid, or a URL), optional buttons to click, and the CSS
selector that must appear before the picture is taken. The test fails when a screen
does not render, when the selector never appears or when the page logs an error, so
the manual's screens are checked by every `make test`.

Images go to a temporary directory, or to $IXL_DOCS_DIR when set (`make docs` sets
it to docs/manuale/img); IXL_DOCS_ONLY=name1,name2 takes only some shots. Needs every
ixl_* addon installed with demo data.
"""

import base64
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from odoo.tests import HttpCase
from odoo.tests.common import HOST, ChromeBrowser

WIDTH, HEIGHT = 1366, 768
LANG = "it_IT"
PNG_COLOURS = 256
SHOT_TIMEOUT = 45
OPERATOR, COORDINATOR = "giulia.bernardi", "luca.fontana"
COMPANY, APPLICANT = "portal.azienda", "portal.cooperativa"
LIST, FORM, KANBAN = ".o_list_renderer .o_data_row", ".o_form_view .o_form_sheet", \
    ".o_kanban_record:not(.o_kanban_ghost)"
PORTAL = "#wrap"
DIALOG = ".modal-dialog .o_form_view"


@dataclass(frozen=True)
class Shot:
    """One screenshot: file name (without .png), login (None = public visitor),
    screen (`action`/`record` xmlids or a `url`, `{ref:xmlid}` replaced by the id),
    `view` type to switch to, `clicks`, selectors pressed in turn once each appears, and
    `wait`, the selector that must be in the page before the capture, then `scroll`,
    an element brought to the middle of the window."""

    name: str
    login: str | None
    wait: str
    action: str = ""
    record: str = ""
    url: str = ""
    view: str = ""
    clicks: tuple[str, ...] = ()
    scroll: str = ""


SHOTS = [
    # Registrazione e primo colloquio
    Shot("registrazione-modulo", None, "form[action='/ixl/registrazione']",
         url="/ixl/registrazione"),
    Shot("accoglienza-kanban", OPERATOR, KANBAN,
         action="ixl_beneficiary.ixl_beneficiary_action_intake"),
    Shot("attesa-primo-colloquio", OPERATOR, LIST,
         action="ixl_beneficiary.ixl_beneficiary_action_to_interview"),
    Shot("beneficiario-registrato", OPERATOR, FORM,
         action="ixl_beneficiary.ixl_beneficiary_action",
         record="ixl_beneficiary.demo_beneficiary_ayesha_malik",
         scroll=".o_field_widget[name='interview_date']"),
    # Valutazione
    Shot("esito-colloquio", OPERATOR, DIALOG,
         action="ixl_beneficiary.ixl_beneficiary_action",
         record="ixl_beneficiary.demo_beneficiary_ayesha_malik",
         clicks=("button[name='action_record_interview']",
                 ".modal input.o_radio_input[data-value='in_target']")),
    Shot("beneficiario-valutato", OPERATOR, FORM,
         action="ixl_beneficiary.ixl_beneficiary_action",
         record="ixl_beneficiary.demo_beneficiary_mamadou_diop",
         scroll=".o_field_widget[name='vulnerability_score']"),
    # Fuori protocollo e riammissione
    Shot("chiamate-senza-risposta", OPERATOR, FORM,
         action="ixl_beneficiary.ixl_beneficiary_action",
         record="ixl_beneficiary.demo_beneficiary_youssef_el_amrani"),
    Shot("fuori-protocollo-procedura", OPERATOR, DIALOG,
         action="ixl_beneficiary.ixl_beneficiary_action",
         record="ixl_beneficiary.demo_beneficiary_youssef_el_amrani",
         clicks=(".o_form_statusbar button[name='action_out_of_protocol']",)),
    Shot("fuori-protocollo-elenco", OPERATOR, LIST,
         action="ixl_beneficiary.ixl_protocol_exit_action"),
    # Matching e invio CV
    Shot("domanda-personale", OPERATOR, FORM,
         action="ixl_board.ixl_job_request_action",
         record="ixl_board.demo_request_forklift_operator"),
    Shot("matching-risultato", OPERATOR, ".o_list_renderer .o_field_progressbar",
         action="ixl_board.ixl_job_request_action",
         record="ixl_board.demo_request_night_receptionist",
         clicks=("button[name='action_match']",)),
    Shot("candidati", OPERATOR, LIST, action="ixl_board.ixl_candidate_action"),
    # Offerte di lavoro trovate online (issue 17)
    Shot("offerta-lavoro", OPERATOR, FORM,
         action="ixl_board.ixl_job_offer_action",
         record="ixl_board.demo_job_offer_forklift_imola"),
    Shot("offerta-persone-adatte", OPERATOR, ".o_list_renderer .o_field_progressbar",
         action="ixl_board.ixl_job_offer_action",
         record="ixl_board.demo_job_offer_forklift_imola",
         clicks=("button[name='action_match']",)),
    Shot("offerta-invio", OPERATOR, DIALOG,
         action="ixl_board.ixl_job_offer_action",
         record="ixl_board.demo_job_offer_forklift_imola",
         clicks=("button[name='action_match']",
                 ".o_data_row:first-child .o_list_record_selector input",
                 "button[name='action_send_offer']")),
    Shot("persona-offerte-adatte", OPERATOR, LIST,
         action="ixl_beneficiary.ixl_beneficiary_action",
         record="ixl_beneficiary.demo_beneficiary_francesca_bianchi",
         clicks=(".o-form-buttonbox .o_button_more", "button[name='action_view_fitting']")),
    # Inserimenti
    Shot("inserimenti-elenco", OPERATOR, LIST,
         action="ixl_beneficiary.ixl_placement_action"),
    Shot("inserimento-scheda", OPERATOR, FORM,
         action="ixl_beneficiary.ixl_placement_action",
         record="ixl_beneficiary.demo_placement_1"),
    # Tirocini
    Shot("tirocini-elenco", OPERATOR, LIST, action="ixl_board.ixl_internship_action"),
    Shot("tirocinio-scheda", OPERATOR, FORM, action="ixl_board.ixl_internship_action",
         record="ixl_board.demo_internship_kitchen"),
    # Norme regionali su stage e tirocini
    Shot("norme-tirocini", COORDINATOR, FORM, action="ixl_board.ixl_internship_rule_action",
         record="ixl_board.internship_rule_er_2019"),
    Shot("tirocinio-presenze", OPERATOR, DIALOG, action="ixl_board.ixl_internship_action",
         record="ixl_board.demo_internship_warehouse",
         clicks=("button[name='action_open_attendance']",)),
    # Formazione e liquidazione
    Shot("edizione-corso", COORDINATOR, FORM,
         action="ixl_training.ixl_course_edition_action",
         record="ixl_training.demo_edition_cleaning",
         clicks=(".o_notebook a.nav-link[name='indicators']",), scroll=".o_notebook"),
    Shot("pacchetti-formativi", OPERATOR, LIST,
         action="ixl_training.ixl_training_package_action"),
    Shot("liquidazione", COORDINATOR, FORM,
         action="ixl_training.ixl_training_settlement_action",
         record="ixl_training.demo_settlement_cleaning"),
    # IPS
    Shot("percorsi-ips", COORDINATOR, LIST, action="ixl_training.ixl_ips_path_action"),
    # Microcredito e fondo di garanzia
    Shot("fondo-garanzia", COORDINATOR, FORM,
         action="ixl_microcredit.ixl_guarantee_fund_action",
         record="ixl_microcredit.demo_fund"),
    Shot("prestito", COORDINATOR, FORM, action="ixl_microcredit.ixl_loan_action",
         record="ixl_microcredit.demo_loan_repaying"),
    Shot("progetti-autoimpiego", OPERATOR, LIST,
         action="ixl_microcredit.ixl_selfemployment_project_action", view="list"),
    # Bandi e contributi
    Shot("bando", COORDINATOR, FORM, action="ixl_calls.ixl_call_action",
         record="ixl_calls.demo_call_hiring"),
    Shot("domanda-bando", COORDINATOR, FORM,
         action="ixl_calls.ixl_call_application_action",
         record="ixl_calls.demo_application_lavoropiu",
         clicks=(".o_notebook a.nav-link[name='grants']",), scroll=".o_notebook"),
    Shot("bandi-amministrazione", COORDINATOR, LIST,
         action="ixl_calls.ixl_call_finance_action"),
    # Accesso al portale
    Shot("azienda-scheda", COORDINATOR, FORM, action="ixl_board.action_ixl_companies",
         record="ixl_beneficiary.demo_employer_logistica_emiliana",
         clicks=(".o_notebook a.nav-link[name='ixl_board']",), scroll=".o_notebook"),
    Shot("portale-concedi-accesso", COORDINATOR, DIALOG, action="ixl_board.action_ixl_companies",
         record="ixl_beneficiary.demo_employer_logistica_emiliana",
         clicks=(".o_notebook a.nav-link[name='ixl_board']",
                 "button[name='action_ixl_grant_portal']")),
    Shot("portale-azienda", COMPANY, PORTAL, url="/my"),
    Shot("portale-azienda-domande", COMPANY, PORTAL, url="/my/ixl/requests"),
    Shot("portale-azienda-nuova-domanda", COMPANY, "#wrap form", url="/my/ixl/requests/new"),
    Shot("portale-azienda-candidati", COMPANY, PORTAL, url="/my/ixl/candidates"),
    Shot("portale-bandi", APPLICANT, PORTAL, url="/my/ixl/calls"),
    Shot("portale-bando-domanda", APPLICANT, "#wrap form",
         url="/my/ixl/calls/{ref:ixl_calls.demo_call_hiring}/apply"),
    Shot("portale-domande-bandi", APPLICANT, PORTAL, url="/my/ixl/applications"),
    # Cruscotto: i grafici (issue 18)
    Shot("cruscotto-grafici", COORDINATOR, ".o_ixl_section_placements",
         action="ixl_beneficiary.ixl_dashboard_action",
         scroll=".o_ixl_section_placements .o_ixl_dashboard_block:nth-child(2) .card-header"),
    Shot("cruscotto", COORDINATOR, ".o_ixl_dashboard_section",
         action="ixl_beneficiary.ixl_dashboard_action"),
    # Tavoli dei firmatari e cicli di eventi
    Shot("tavolo", COORDINATOR, FORM, action="ixl_outreach.ixl_table_action",
         record="ixl_outreach.demo_table_tecnico"),
    Shot("riunione-tavolo", COORDINATOR, FORM, action="ixl_outreach.ixl_meeting_action",
         record="ixl_outreach.demo_meeting_tecnico_held",
         clicks=(".o_notebook a.nav-link[name='minutes']",)),
    Shot("ciclo-eventi", COORDINATOR, FORM, action="ixl_outreach.ixl_event_series_action",
         record="ixl_outreach.demo_event_series_domani"),
    # Appuntamenti mancati, rifiuti e tempi del primo colloquio
    Shot("non-si-e-presentato", OPERATOR, ".o-ixl-Activity-didNotCome",
         action="ixl_beneficiary.ixl_beneficiary_action",
         record="ixl_beneficiary.demo_beneficiary_ayesha_malik",
         scroll=".o-ixl-Activity-didNotCome"),
    Shot("rifiuto-registra", OPERATOR, DIALOG,
         action="ixl_beneficiary.ixl_beneficiary_action",
         record="ixl_beneficiary.demo_beneficiary_mamadou_diop",
         clicks=(".o_form_statusbar button[name='action_record_refusal']",)),
    Shot("cruscotto-primo-colloquio", OPERATOR, ".o_ixl_section_interview_wait",
         action="ixl_beneficiary.ixl_dashboard_action",
         scroll=".o_ixl_section_interview_wait"),
    # Cruscotto: confronti e definizioni del Piano di lavoro (issue 18)
    Shot("cruscotto-andamento", COORDINATOR, ".o_ixl_section_trend",
         action="ixl_beneficiary.ixl_dashboard_action", scroll=".o_ixl_section_trend"),
    Shot("cruscotto-board", COORDINATOR, ".o_ixl_section_board .o_ixl_dashboard_previous",
         action="ixl_beneficiary.ixl_dashboard_action", scroll=".o_ixl_section_board"),
    Shot("azienda-storico-board", COORDINATOR, ".o_field_widget[name='ixl_board_membership_ids']",
         action="ixl_board.action_ixl_companies",
         record="ixl_beneficiary.demo_employer_verde_appennino",
         clicks=(".o_notebook a.nav-link[name='ixl_board']",),
         scroll=".o_field_widget[name='ixl_board_membership_ids']"),
]

# The page is ready once the selector is there and nothing has been loading for 400 ms.
READY_JS = """
(async () => {
    const sel = %(wait)s;
    const BUSY = ".o_loading_indicator, .o_blockUI, .o_portal_doc_spinner";
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    const ready = () => document.querySelector(sel) && !document.querySelector(BUSY);
    if (!ready()) {
        await pause(200);
        return false;
    }
    await Promise.race([document.fonts.ready, pause(2000)]);
    await pause(400);
    return ready();
})()
"""

SCROLL_JS = """
(async () => {
    document.querySelector(%(scroll)s).scrollIntoView({block: "center"});
    await new Promise((r) => setTimeout(r, 300));
    return true;
})()
"""

CLICK_JS = """
(async () => {
    const el = document.querySelector(%(click)s);
    if (!el) { return false; }
    el.click();
    return true;
})()
"""


def _compress(png):
    """A 256-colour PNG: screens are flat colours, a quarter of the size."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=PNG_COLOURS, method=Image.Quantize.MEDIANCUT).save(
        out, format="PNG", optimize=True)
    return out.getvalue()


class TestManualScreenshots(HttpCase):
    """Renders every screen of the manual and saves it as a PNG."""

    test_tags = {"standard", "post_install", "ixl_docs"}
    browser_size = f"{WIDTH}x{HEIGHT}"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        target = os.environ.get("IXL_DOCS_DIR")
        if target:
            cls.out_dir = Path(target)
            cls.out_dir.mkdir(parents=True, exist_ok=True)
        else:
            cls.out_dir = Path(tempfile.mkdtemp(prefix="ixl_manual_"))
            cls.addClassCleanup(shutil.rmtree, cls.out_dir, ignore_errors=True)

    def _url(self, shot):
        if shot.url:
            return re.sub(r"\{ref:([\w.]+)\}", lambda m: str(self.env.ref(m[1]).id), shot.url)
        action = self.env.ref(shot.action)
        url = f"/odoo/action-{action.id}"
        if shot.record:
            url += f"/{self.env.ref(shot.record).id}"
        elif shot.view:
            url += f"?view_type={shot.view}"
        return url

    def _wait(self, browser, selector, shot):
        ready = READY_JS % {"wait": repr(selector)}
        self.assertTrue(browser._wait_ready(ready, timeout=SHOT_TIMEOUT),
                        f"{shot.name}: '{selector}' never appeared")

    def _capture(self, browser, shot, url):
        self.authenticate(shot.login, shot.login, browser=browser)
        # Website pages in Italian, as for a visitor who chose it (portal users of the
        # demo have English as their language).
        browser.set_cookie("frontend_lang", LANG, "/", HOST)
        browser.had_failure = False
        browser.navigate_to(self.base_url() + url, wait_stop=True)
        for selector in shot.clicks:
            self._wait(browser, selector, shot)
            clicked = browser._websocket_request("Runtime.evaluate", params={
                "expression": CLICK_JS % {"click": repr(selector)}, "awaitPromise": True,
            })["result"]
            self.assertEqual(clicked.get("value"), True, f"{shot.name}: cannot click {selector}")
        self._wait(browser, shot.wait, shot)
        if shot.scroll:
            self._wait(browser, shot.scroll, shot)
            browser._websocket_request("Runtime.evaluate", params={
                "expression": SCROLL_JS % {"scroll": repr(shot.scroll)}, "awaitPromise": True,
            })
        self.assertFalse(browser.had_failure, f"{shot.name}: the page logged an error")
        data = browser._websocket_request("Page.captureScreenshot", params={
            "format": "png", "clip": {"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT,
                                      "scale": 1},
        }, timeout=30)["data"]
        png = _compress(base64.b64decode(data))
        (self.out_dir / f"{shot.name}.png").write_bytes(png)
        return png

    def test_manual_screenshots(self):
        names = [shot.name for shot in SHOTS]
        self.assertEqual(len(names), len(set(names)), "two shots with the same file name")
        only = set(filter(None, os.environ.get("IXL_DOCS_ONLY", "").split(",")))
        shots = [shot for shot in SHOTS if not only or shot.name in only]
        # Resolve every xmlid before the browser starts: its requests share this cursor.
        urls = [self._url(shot) for shot in shots]
        browser = ChromeBrowser(self)
        self.http_request_key = self.canonical_tag + "_browser_js"
        try:
            for shot, url in zip(shots, urls, strict=True):
                with self.subTest(shot=shot.name):
                    png = self._capture(browser, shot, url)
                    with Image.open(io.BytesIO(png)) as image:
                        self.assertEqual(image.size, (WIDTH, HEIGHT), shot.name)
        finally:
            browser.stop()
            self._wait_remaining_requests()
            self.http_request_key = self.canonical_tag
