"""Odoo's own matching (hr_recruitment_skills) on the same people, in its own database.

The people of the bench become `hr.candidate` records with the same skills
(`hr.candidate.skill`, same skill type, skills and levels, recreated by name), the timed
requests become `hr.job` records with their required skills. For each job the bench times
what a recruiter's click costs: the "Search Matching Candidates" server action, the
first page of the list it opens (web_search_read with the list view's fields, which
computes `matching_score` for the visible rows) and the ranking of all the matches by
`matching_score` (not stored: computed in Python, record by record).
"""

import statistics
from datetime import datetime

from lxml import etree

from . import execute_values, progress, time_call
from .seed import check_computed
from .ui import COUNT_LIMIT, LIST_LIMIT, field_spec

TOP = 50


def mirror_taxonomy(ixl_env, env):
    """The IXL professional skill type, its skills and levels; ids mapped IXL -> Odoo."""
    source = ixl_env.ref("ixl_beneficiary.skill_type_professional")
    target = env["hr.skill.type"].create({
        "name": source.name,
        "skill_ids": [(0, 0, {"name": s.name, "sequence": s.sequence})
                      for s in source.skill_ids],
        "skill_level_ids": [(0, 0, {"name": lvl.name, "level_progress": lvl.level_progress,
                                    "default_level": lvl.default_level})
                            for lvl in source.skill_level_ids],
    })
    skills = dict(zip(source.skill_ids.ids, target.skill_ids.ids, strict=True))
    levels = dict(zip(source.skill_level_ids.ids, target.skill_level_ids.ids, strict=True))
    return target.id, skills, levels


def mirror_people(ixl_env, env, type_id, skills, levels):
    """Every beneficiary as an hr.candidate with the same skills (SQL bulk inserts)."""
    ixl_cr, cr = ixl_env.cr, env.cr
    ixl_cr.execute("""SELECT b.id, p.name, p.email, b.active FROM ixl_beneficiary b
                        JOIN res_partner p ON p.id = b.partner_id ORDER BY b.id""")
    people = ixl_cr.fetchall()
    progress(f"mirroring {len(people)} people as hr.candidate")
    now = datetime.now().replace(microsecond=0)
    company = env.company.id
    ids = execute_values(cr, """
        INSERT INTO hr_candidate (partner_name, email_from, email_normalized, company_id,
            active, priority, create_date, write_date, create_uid, write_uid)
        VALUES %s RETURNING id""",
        [(name, email, email.lower(), company, active, "0", now, now, 1, 1)
         for _bid, name, email, active in people])
    candidate = {bid: cid for (bid, *_rest), (cid,) in zip(people, ids, strict=True)}
    # Only the professional skills are mirrored (a database with demo data also has
    # languages and licences, which requests do not ask for).
    ixl_cr.execute("SELECT beneficiary_id, skill_id, skill_level_id FROM ixl_beneficiary_skill")
    rows = [(candidate[bid], skills[sid], levels[lid], type_id, now, now, 1, 1)
            for bid, sid, lid in ixl_cr.fetchall()
            if bid in candidate and sid in skills and lid in levels]
    execute_values(cr, """
        INSERT INTO hr_candidate_skill (candidate_id, skill_id, skill_level_id, skill_type_id,
            create_date, write_date, create_uid, write_uid) VALUES %s""", rows, fetch=False)
    # hr.candidate.skill_ids: stored many2many computed from the skill lines.
    cr.execute("""INSERT INTO hr_candidate_hr_skill_rel (hr_candidate_id, hr_skill_id)
                  SELECT candidate_id, skill_id FROM hr_candidate_skill""")
    cr.execute("ANALYZE")
    return candidate


def mirror_jobs(ixl_env, env, request_ids, skills):
    requests = ixl_env["ixl.job.request"].browse(request_ids)
    jobs = env["hr.job"].create([{
        "name": f"{request.name} ({request.reference})",
        "skill_ids": [(6, 0, [skills[line.skill_id.id] for line in request.skill_ids])],
    } for request in requests])
    env.flush_all()
    return jobs


def click(env, job, server_action, list_view):
    """The click on "Search Matching Candidates" and the first page of the list it opens."""
    action = server_action.with_context(
        active_model="hr.job", active_id=job.id, active_ids=job.ids).run()
    arch = etree.fromstring(list_view["arch"])
    spec = field_spec(list_view["fields"], arch.findall("field"))
    model = env["hr.candidate"].with_context(bin_size=True, **action["context"])
    page = model.web_search_read(action["domain"], spec, offset=0, limit=LIST_LIMIT,
                                 count_limit=COUNT_LIMIT)
    return action, page


def rank(env, job, action):
    """All the matches ranked by matching_score (computed in Python), top 50."""
    candidates = env["hr.candidate"].with_context(active_id=job.id).browse(
        action["domain"][0][2])
    ranked = sorted(candidates, key=lambda c: (-c.matching_score, c.id))
    return [(c.id, c.matching_score) for c in ranked[:TOP]]


def list_view_info(env):
    view = env.ref("hr_recruitment_skills.hr_candidate_view_tree")
    views = env["hr.candidate"].get_views([(view.id, "list")])
    return {"arch": views["views"]["list"]["arch"],
            "fields": views["models"]["hr.candidate"]["fields"]}


def bench_odoo(ixl_env, env, request_ids):
    """Seed the Odoo database from the IXL one, then time Odoo's path for each request."""
    type_id, skills, levels = mirror_taxonomy(ixl_env, env)
    mirror_people(ixl_env, env, type_id, skills, levels)
    jobs = mirror_jobs(ixl_env, env, request_ids, skills)
    errors = check_computed(env, {"hr.candidate": [], "hr.candidate.skill": []})
    server_action = env.ref("hr_recruitment_skills.action_applicant_search_applicant")
    list_view = list_view_info(env)
    clicks, ranks, totals, click_queries, matches = [], [], [], [], []
    progress(f"timing Odoo's matching on {len(jobs)} jobs")
    for job in jobs:
        ms_click, queries, (action, _page) = time_call(
            env, lambda j=job: click(env, j, server_action, list_view))
        ms_rank, _q, _top = time_call(env, lambda j=job, a=action: rank(env, j, a))
        clicks.append(ms_click)
        ranks.append(ms_rank)
        totals.append(ms_click + ms_rank)
        click_queries.append(queries)
        matches.append(len(action["domain"][0][2]))
    return {
        "odoo_click_ms": round(statistics.median(clicks), 1),
        "odoo_click_queries": max(click_queries),
        "odoo_rank_ms": round(statistics.median(ranks), 1),
        "odoo_total_ms": round(statistics.median(totals), 1),
        "odoo_matches_median": int(statistics.median(matches)),
        "odoo_jobs": len(jobs),
    }, errors
