{
    "name": "IXL Privacy",
    "summary": "Insieme per il lavoro: GDPR register, consents, right of access and erasure, "
    "retention and the access log of special-category data",
    "version": "18.0.1.0.1",
    "category": "Insieme per il lavoro",
    "depends": [
        "ixl_beneficiary",
        "portal",
        "privacy",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "data/privacy_activity_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/privacy_activity_views.xml",
        "views/ixl_sensitive_access_log_views.xml",
        "views/ixl_privacy_erasure_views.xml",
        "views/ixl_privacy_retention_run_views.xml",
        "views/ixl_beneficiary_views.xml",
        "views/res_config_settings_views.xml",
        "views/privacy_templates.xml",
        "wizard/ixl_privacy_anonymise_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ixl_privacy/static/tests/tours/*.js",
        ],
    },
    "author": "Insieme per il lavoro",
    "website": "https://www.insiemeperillavoro.it",
    "license": "LGPL-3",
}
