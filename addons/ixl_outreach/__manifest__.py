{
    "name": "IXL Outreach",
    "summary": "Insieme per il lavoro: mass emails to beneficiaries, the follow-up survey of "
    "people out of protocol, webinars, networking events and the job fair",
    "version": "18.0.1.0.0",
    "category": "Insieme per il lavoro",
    "depends": [
        "ixl_beneficiary",
        "mass_mailing",
        "survey",
        "event",
        "calendar",
    ],
    "data": [
        "security/ixl_outreach_security.xml",
        "security/ir.model.access.csv",
        "security/ixl_meeting_security.xml",
        "data/survey_data.xml",
        "data/mailing_filter_data.xml",
        "data/ir_cron_data.xml",
        "views/ixl_beneficiary_views.xml",
        "views/ixl_followup_campaign_views.xml",
        "views/survey_user_input_views.xml",
        "views/event_event_views.xml",
        "views/event_registration_views.xml",
        "views/ixl_event_series_views.xml",
        "views/ixl_table_views.xml",
        "views/ixl_meeting_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/ixl_outreach_demo.xml",
        "demo/ixl_meeting_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ixl_outreach/static/tests/tours/*.js",
        ],
    },
    "author": "Insieme per il lavoro",
    "website": "https://www.insiemeperillavoro.it",
    "license": "LGPL-3",
}
