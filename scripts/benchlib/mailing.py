"""A mailing to a segment of 10,000 beneficiaries (ixl_outreach): queueing and rendering."""

from . import time_call


def bench_mailing(env, limit=10_000):
    """Queue a mailing to a segment of (up to) 10,000 beneficiaries (ixl_outreach)."""
    if "communication_consent" not in env["ixl.beneficiary"]._fields:
        return {}
    import threading

    env.cr.execute("UPDATE ixl_beneficiary SET communication_consent = TRUE "
                   "WHERE communication_consent IS NULL")
    env.invalidate_all()
    people = env["ixl.beneficiary"].search([], limit=limit, order="id")
    mailing = env["mailing.mailing"].create({
        "subject": "Bench", "body_html": "<p>Bench</p>",
        "mailing_model_id": env["ir.model"]._get_id("ixl.beneficiary"),
        "mailing_domain": repr([("id", "in", people.ids)]),
    })
    thread = threading.current_thread()
    testing = getattr(thread, "testing", False)
    thread.testing = True  # no intermediate commits: the run may be rolled back
    try:
        # The "Send" click puts the mailing in the queue; the queue job then
        # renders one email per recipient (mail.mail), sent by the mail queue.
        launch_ms, _q, _res = time_call(env, mailing.action_launch)
        ms, queries, _res = time_call(env, mailing.action_send_mail)
    finally:
        thread.testing = testing
    queued = env["mail.mail"].search_count([("mailing_id", "=", mailing.id)])
    return {
        "mailing_segment": len(people),
        "mailing_launch_ms": round(launch_ms, 1),
        "mailing_emails_created": queued,
        "mailing_render_seconds": round(ms / 1000, 2),
        "mailing_render_queries": queries,
    }
