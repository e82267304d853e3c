{
    "name": "IXL Online registration",
    "summary": "Insieme per il lavoro: the public registration form of the website "
    "(/ixl/registrazione), where people ask to be followed by the programme",
    "version": "18.0.1.0.0",
    "category": "Insieme per il lavoro",
    "depends": [
        "ixl_beneficiary",
        "website",
    ],
    "data": [
        "data/mail_activity_type_data.xml",
        "views/registration_templates.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "author": "Insieme per il lavoro",
    "website": "https://www.insiemeperillavoro.it",
    "license": "LGPL-3",
}
