{
    "name": "IXL Calls - Microcredit",
    "summary": "Insieme per il lavoro: a social-innovation project linked to its "
    "application to a call; its funding approved and paid are the application's grants "
    "and payments (the money recorded once)",
    "version": "18.0.1.0.0",
    "category": "Insieme per il lavoro",
    "depends": [
        "ixl_calls",
        "ixl_microcredit",
    ],
    "data": [
        "views/ixl_social_project_views.xml",
        "views/ixl_call_application_views.xml",
    ],
    "auto_install": True,
    "author": "Insieme per il lavoro",
    "website": "https://www.insiemeperillavoro.it",
    "license": "LGPL-3",
}
