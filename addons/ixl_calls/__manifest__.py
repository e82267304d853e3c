{
    "name": "IXL Calls",
    "summary": "Insieme per il lavoro: funding sources, calls for Third-sector hiring "
    "incentives and APL projects, applications, grants and payments, applicant portal",
    "version": "18.0.1.1.0",
    "category": "Insieme per il lavoro",
    "depends": [
        "ixl_beneficiary",
        "portal",
        "report_xlsx",
    ],
    "data": [
        "security/ixl_calls_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/ixl_call_source_views.xml",
        "views/ixl_call_views.xml",
        "views/ixl_call_application_views.xml",
        "views/ixl_call_hire_views.xml",
        "views/ixl_call_grant_views.xml",
        "wizard/ixl_call_wizard_views.xml",
        "views/portal_templates.xml",
        "report/ixl_call_report.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/ixl_calls_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ixl_calls/static/tests/tours/*.js",
        ],
    },
    "author": "Insieme per il lavoro",
    "website": "https://www.insiemeperillavoro.it",
    "license": "LGPL-3",
}
