def post_init_hook(env):
    """The registration page is for people of Bologna: Italian is the website's default
    language (English stays available). ixl_beneficiary activated Italian."""
    lang = env["res.lang"]._activate_lang("it_IT")
    website = env.ref("website.default_website", raise_if_not_found=False)
    if website:
        website.language_ids |= lang
        website.default_lang_id = lang
