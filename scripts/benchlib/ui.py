"""The beneficiary list, its searches and the intake kanban, called as the web client does.

The field specification of each RPC is built from the view's arch (fields of the view,
plus the fields the activity widgets depend on), the domain from the action and the
search view (search_default_* filters, filter_domain of the searched field).
"""

import statistics

from lxml import etree

from . import time_call

ACTIVITY_DEPENDENCIES = {
    "activity_exception_decoration": {}, "activity_exception_icon": {},
    "activity_state": {}, "activity_summary": {}, "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
}
LIST_LIMIT = 80        # web client: DEFAULT_LIMIT of a list
KANBAN_LIMIT = 40      # web client: records per kanban column
COUNT_LIMIT = 10001    # web client: DEFAULT_COUNT_LIMIT + 1
REPEAT = 5             # each figure is the median of REPEAT calls


def field_spec(fields_info, nodes):
    """The web client's specification (getFieldsSpec) for the <field> nodes of a view."""
    spec = {}
    for node in nodes:
        name = node.get("name")
        ftype = fields_info[name]["type"]
        widget = node.get("widget")
        if ftype in ("many2one", "reference"):
            spec[name] = {"fields": {"display_name": {}}}
        elif ftype in ("one2many", "many2many") and widget == "many2many_tags":
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
        if widget in ("list_activity", "kanban_activity"):
            spec.update(ACTIVITY_DEPENDENCIES)
    return spec


class WebClient:
    """Loads an action's views once, then replays the client's RPCs on them."""

    def __init__(self, env, action_xmlid):
        self.env = env
        action = env["ir.actions.act_window"]._for_xml_id(action_xmlid)
        self.model = env[action["res_model"]]
        self.context = self._eval(action.get("context") or "{}", {})
        self.domain = self._eval(action.get("domain") or "[]", {})
        views = self.model.with_context(**self.context).get_views(
            [(False, "list"), (False, "kanban"), (False, "search")])
        self.fields = views["models"][self.model._name]["fields"]
        self.arch = {kind: etree.fromstring(view["arch"])
                     for kind, view in views["views"].items()}
        self.domain += self._default_filters()

    def _eval(self, text, extra):
        from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

        context = {"uid": self.env.uid, "context_today": datetime.date.today,
                   "datetime": datetime, "relativedelta": dateutil.relativedelta.relativedelta,
                   "time": time, "context": {}, "allowed_company_ids": [self.env.company.id],
                   **extra}
        return safe_eval(text, context) if isinstance(text, str) else text

    def _default_filters(self):
        """Domains of the filters the action turns on (search_default_<name>), ANDed."""
        domain = []
        for key, value in self.context.items():
            if not key.startswith("search_default_") or not value:
                continue
            node = self.arch["search"].find(f".//filter[@name='{key[15:]}']")
            if node is not None and node.get("domain"):
                domain += self._eval(node.get("domain"), {})
        return domain

    def search_domain(self, field_name, value):
        """The domain of "Search <field> for: value" in the search bar."""
        node = self.arch["search"].find(f".//field[@name='{field_name}']")
        if node.get("filter_domain"):
            return self._eval(node.get("filter_domain"), {"self": value})
        return [(field_name, node.get("operator") or "ilike", value)]

    def list_spec(self):
        return field_spec(self.fields, self.arch["list"].findall("field"))

    def kanban_spec(self):
        nodes = [n for n in self.arch["kanban"].iter("field") if n.get("name") in self.fields]
        return field_spec(self.fields, nodes)

    def list_page(self, extra_domain=()):
        model = self.model.with_context(bin_size=True, **self.context)
        return model.web_search_read(self.domain + list(extra_domain), self.list_spec(),
                                     offset=0, limit=LIST_LIMIT, count_limit=COUNT_LIMIT)

    def kanban_load(self):
        """web_read_group on the default group-by, the progress bars, then each column."""
        kanban = self.arch["kanban"]
        group_by = self.context.get("group_by") or kanban.get("default_group_by")
        model = self.model.with_context(bin_size=True, **self.context)
        groups = model.web_read_group(self.domain, [], [group_by], lazy=True)
        bar = kanban.find("progressbar")
        if bar is not None:
            model.read_progress_bar(self.domain, group_by, {
                "field": bar.get("field"), "colors": self._eval(bar.get("colors"), {})})
        spec = self.kanban_spec()
        for group in groups["groups"]:
            if group.get("__fold") or not group.get(f"{group_by}_count"):
                continue
            model.web_search_read(group["__domain"], spec, offset=0, limit=KANBAN_LIMIT,
                                  count_limit=COUNT_LIMIT)
        return groups["length"]


def timed(env, func, repeat=REPEAT):
    """(median ms, queries of the last call) over `repeat` calls, caches cleared each time."""
    times, queries = [], 0
    for _i in range(repeat):
        ms, queries, _res = time_call(env, func)
        times.append(ms)
    return round(statistics.median(times), 1), queries


def bench_ui(env, samples):
    """Figures of the list (first page, searches), the name search and the intake kanban.

    `samples`: a name, a codice fiscale and a skill name to search for.
    """
    results = {}
    client = WebClient(env, "ixl_beneficiary.ixl_beneficiary_action")
    cases = {
        "list_first_page": lambda: client.list_page(),
        "list_search_name": lambda: client.list_page(
            client.search_domain("name", samples["name"])),
        "list_search_fiscal_code": lambda: client.list_page(
            client.search_domain("fiscal_code", samples["fiscal_code"])),
        "list_search_skill": lambda: client.list_page(
            client.search_domain("skill_ids", samples["skill"])),
        "name_search_name": lambda: client.model.name_search(samples["name"], limit=8),
        "name_search_fiscal_code": lambda: client.model.name_search(
            samples["fiscal_code"], limit=8),
    }
    for name, func in cases.items():
        ms, queries = timed(env, func)
        results[f"{name}_ms"] = ms
        results[f"{name}_queries"] = queries
    found = client.list_page(client.search_domain("fiscal_code", samples["fiscal_code"]))
    results["list_search_fiscal_code_found"] = found["length"]
    results["list_search_skill_found"] = client.list_page(
        client.search_domain("skill_ids", samples["skill"]))["length"]
    intake = WebClient(env, "ixl_beneficiary.ixl_beneficiary_action_intake")
    ms, queries = timed(env, intake.kanban_load)
    results["intake_kanban_ms"] = ms
    results["intake_kanban_queries"] = queries
    return results
