def post_init_hook(env):
    """A distinct random token for the privacy page of every person already registered
    (new people get theirs on creation)."""
    env.cr.execute(
        "UPDATE ixl_beneficiary SET privacy_token = "
        "replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')")
