{
    "name": "IXL Outreach - Board of companies",
    "summary": "Insieme per il lavoro: event registrations of company contacts show whether "
    "their company is a member of the Board of companies; job offers are never emailed to "
    "people who withdrew the consent to communications",
    "version": "18.0.1.0.0",
    "category": "Insieme per il lavoro",
    "depends": [
        "ixl_outreach",
        "ixl_board",
    ],
    "data": [
        "views/event_registration_views.xml",
    ],
    "auto_install": True,
    "author": "Insieme per il lavoro",
    "website": "https://www.insiemeperillavoro.it",
    "license": "LGPL-3",
}
