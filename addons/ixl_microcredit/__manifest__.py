{
    "name": "IXL Microcredit",
    "summary": "Insieme per il lavoro: the Emil Banca guarantee fund and its ledger, "
    "Credito Sociale loans, self-employment and social-innovation projects",
    "version": "18.0.1.2.1",
    "category": "Insieme per il lavoro",
    "depends": [
        "ixl_beneficiary",
        "report_xlsx",
    ],
    "data": [
        "security/ixl_microcredit_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "wizard/ixl_dated_operation_views.xml",
        "views/ixl_guarantee_fund_views.xml",
        "views/ixl_fund_move_views.xml",
        "views/ixl_loan_product_views.xml",
        "views/ixl_loan_views.xml",
        "views/ixl_selfemployment_project_views.xml",
        "views/ixl_social_project_views.xml",
        "report/ixl_microcredit_report.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/ixl_microcredit_demo.xml",
    ],
    "author": "Insieme per il lavoro",
    "website": "https://www.insiemeperillavoro.it",
    "license": "LGPL-3",
}
