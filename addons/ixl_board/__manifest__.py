{
    "name": "IXL Board of companies",
    "summary": "Insieme per il lavoro: company sheets, personnel requests, matching, "
    "CV sendings, internships, company ranking and the company portal",
    "version": "18.0.1.0.0",
    "category": "Insieme per il lavoro",
    "author": "Insieme per il lavoro",
    "website": "https://www.insiemeperillavoro.it",
    "license": "LGPL-3",
    "depends": [
        "ixl_beneficiary",
        "crm",
        "portal",
        "report_xlsx",
    ],
    "data": [
        "security/ixl_board_security.xml",
        "security/ir.model.access.csv",
        "data/crm_data.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/ixl_job_request_views.xml",
        "views/ixl_match_views.xml",
        "views/ixl_candidate_views.xml",
        "views/ixl_internship_views.xml",
        "views/ixl_beneficiary_views.xml",
        "views/ixl_placement_views.xml",
        "views/portal_templates.xml",
        "wizard/ixl_candidate_hire_views.xml",
        "wizard/ixl_ranking_views.xml",
        "report/ixl_ranking_report.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/ixl_board_demo.xml",
        "demo/ixl_consent_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ixl_board/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
