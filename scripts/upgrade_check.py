"""What an upgrade in place must keep: snapshots of an IXL database and their comparison.

Run by scripts/upgrade-check.sh (make test), which makes a database with the previous
release's addons and demo data, takes a snapshot, upgrades it to this tree and takes
another one:

  upgrade_check.py snapshot --config CONF --db DB --addons-path PATH --out FILE.json
  upgrade_check.py compare BEFORE.json AFTER.json [--exceptions FILE]

A snapshot (read in a transaction that is rolled back) holds:
  models     rows of every ixl.* model that has a table of its own (archived included);
  tables     rows of every ixl_* table (many2many relations included);
  fields     per ixl.* model, the records with a value in each field people enter
             (stored, not computed or related, not inherited; files included);
  selection  per selection field, the rows whose value is not one of its options;
  dashboard  every figure of the programme in numbers (ixl.dashboard.get_dashboard,
             in English) for the current year and for the last twenty years;
  modules    state, installed version and code version of each ixl_* addon.

compare fails (exit 1) when a count went down, a model, table, field or figure is gone,
a figure changed, a selection holds values that are no longer options, or an addon is
not installed at its code's version. A difference listed in the exceptions file
(``kind | key | reason`` lines; ``*`` in a key stands for any text) is reported as
allowed instead.
"""

import argparse
import json
import re
import sys
from datetime import date

MAGIC = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name"}
KINDS = ("model", "table", "field", "figure", "selection", "module")
CHECK_LOGIN = "ixl_upgrade_check"


# ---------------------------------------------------------------- snapshot (in Odoo)
def open_registry(config, db, addons_path):
    import odoo
    from odoo.tools import config as odoo_config

    odoo_config.parse_config(["-c", config, "-d", db, "--addons-path", addons_path,
                              "--log-level=warn", "--no-http"])
    return odoo, odoo.modules.registry.Registry(db)


def count(cr, query, *params):
    cr.execute(query, params or None)
    return cr.fetchone()[0]


def stored_models(env):
    """ixl.* models with a table of their own (no abstract, transient or SQL view)."""
    for name in sorted(env.registry):
        model = env[name]
        if name.startswith("ixl.") and model._auto and not model._abstract \
                and not model._transient and not model._table_query:
            yield name, model


def field_count(env, model, field):
    """Records of ``model`` with a value in ``field``, None for fields without data."""
    from odoo.tools import SQL

    cr = env.cr
    if field.type == "binary" and field.attachment:
        return count(cr, "SELECT count(*) FROM ir_attachment WHERE res_model = %s "
                         "AND res_field = %s", model._name, field.name)
    if field.type == "many2many":
        return count(cr, SQL("SELECT count(*) FROM %s", SQL.identifier(field.relation)))
    if not field.column_type:
        return None
    column = SQL.identifier(field.name)
    condition = SQL("%s IS NOT NULL", column)
    if field.type == "boolean":
        condition = SQL("%s", column)
    elif field.type in ("char", "text", "html", "selection") and not field.translate:
        condition = SQL("%s IS NOT NULL AND %s <> ''", column, column)
    return count(cr, SQL("SELECT count(*) FROM %s WHERE %s",
                         SQL.identifier(model._table), condition))


def entered_fields(model):
    for name, field in sorted(model._fields.items()):
        if name in MAGIC or not field.store or field.compute or field.related \
                or field.inherited or field.type == "one2many":
            continue
        yield name, field


def invalid_selection(env, model, field):
    from odoo.tools import SQL

    options = tuple(field.get_values(env)) or ("",)
    return count(env.cr, SQL("SELECT count(*) FROM %s WHERE %s IS NOT NULL AND %s NOT IN %s",
                             SQL.identifier(model._table), SQL.identifier(field.name),
                             SQL.identifier(field.name), options))


def snapshot_data(env, today):
    from odoo.tools import SQL

    data = {kind: {} for kind in ("models", "tables", "fields", "selection")}
    for name, model in stored_models(env):
        data["models"][name] = count(env.cr, SQL("SELECT count(*) FROM %s",
                                                 SQL.identifier(model._table)))
        values = {}
        for fname, field in entered_fields(model):
            values[fname] = field_count(env, model, field)
            if field.type == "selection" and field.column_type:
                data["selection"][f"{name}.{fname}"] = invalid_selection(env, model, field)
        data["fields"][name] = {k: v for k, v in values.items() if v is not None}
    # Transient models' rows are not data (the vacuum removes them).
    transient = {env[name]._table for name in env.registry if env[name]._transient}
    env.cr.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE %s "
                   "ORDER BY relname", ["ixl\\_%"])
    for (table,) in env.cr.fetchall():
        if table in transient:
            continue
        data["tables"][table] = count(env.cr, SQL("SELECT count(*) FROM %s",
                                                  SQL.identifier(table)))
    data["modules"] = snapshot_modules(env)
    data["dashboard"] = snapshot_dashboard(env, today)
    return data


def snapshot_modules(env):
    from odoo.modules.module import get_manifest

    modules = {}
    for module in env["ir.module.module"].search([("name", "=like", "ixl\\_%")]):
        manifest = get_manifest(module.name) or {}
        modules[module.name] = {"state": module.state, "db_version": module.latest_version,
                                "code_version": manifest.get("version")}
    return modules


def dashboard_user(env):
    """A user in every IXL staff group (created in this rolled-back transaction)."""
    xmlids = env["ir.model.data"].search([("model", "=", "res.groups"),
                                          ("module", "=like", "ixl\\_%")])
    shared = env.ref("base.group_portal") | env.ref("base.group_public")
    groups = env["res.groups"].browse(xmlids.mapped("res_id")).filtered(
        lambda group: not (group | group.trans_implied_ids) & shared)
    groups |= env.ref("base.group_user")
    return env["res.users"].with_context(no_reset_password=True).create({
        "name": "Upgrade check", "login": CHECK_LOGIN, "lang": "en_US",
        "groups_id": [(6, 0, groups.ids)],
    })


def flatten_dashboard(result, period):
    figures = {}
    for section in result["sections"]:
        for block in section["blocks"]:
            columns = block.get("columns") or []
            for row in block["rows"]:
                for pos, cell in enumerate(row["cells"]):
                    column = columns[pos] if pos < len(columns) else str(pos)
                    key = " > ".join([period, section["key"], str(block["title"]),
                                      str(row["label"]), str(column)])
                    while key in figures:
                        key += " (again)"
                    figures[key] = cell.get("value")
    return figures


def snapshot_dashboard(env, today):
    if "ixl.dashboard" not in env.registry:
        return {}
    user = dashboard_user(env)
    # The user's groups open every section; sudo: the figures of all records.
    dashboard = env["ixl.dashboard"].with_user(user).sudo().with_context(lang="en_US")
    figures = flatten_dashboard(
        dashboard.get_dashboard(f"{today.year}-01-01", f"{today.year}-12-31"), "this year")
    figures.update(flatten_dashboard(
        dashboard.get_dashboard(f"{today.year - 19}-01-01", f"{today.year}-12-31"),
        "twenty years"))
    return figures


def snapshot(args):
    odoo, registry = open_registry(args.config, args.db, args.addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID,
                                   {"lang": "en_US", "tz": "Europe/Rome", "active_test": False})
        data = snapshot_data(env, date.fromisoformat(args.today) if args.today else date.today())
        cr.rollback()
    with open(args.out, "w") as fh:
        json.dump(data, fh, indent=1, sort_keys=True, default=str)
    print(f"snapshot {args.db}: {len(data['models'])} models, {sum(data['models'].values())} "
          f"rows, {sum(len(f) for f in data['fields'].values())} fields, "
          f"{len(data['dashboard'])} figures")
    return 0


# ---------------------------------------------------------------- comparison (plain Python)
def read_exceptions(path):
    """{(kind, key): reason} from ``kind | key | reason`` lines (# comments)."""
    allowed = {}
    if not path:
        return allowed
    with open(path) as fh:
        for number, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [part.strip() for part in line.split(" | ")]
            if len(parts) != 3 or parts[0] not in KINDS or not parts[2]:
                raise SystemExit(f"{path}:{number}: expected 'kind | key | reason' with kind "
                                 f"in {', '.join(KINDS)} and a reason")
            allowed[(parts[0], parts[1])] = parts[2]
    return allowed


def compare_counts(kind, before, after):
    for key, was in sorted(before.items()):
        if key not in after:
            if was:
                yield kind, key, f"gone (had {was})"
        elif after[key] < was:
            yield kind, key, f"{was} -> {after[key]}"


def differences(before, after):
    """(kind, key, what) for everything the upgrade lost or changed."""
    yield from compare_counts("model", before["models"], after["models"])
    yield from compare_counts("table", before["tables"], after["tables"])
    for model, fields in sorted(before["fields"].items()):
        after_fields = after["fields"].get(model, {})
        for field, was in sorted(fields.items()):
            if not was:
                continue
            if field not in after_fields:
                yield "field", f"{model}.{field}", (
                    f"{was} values no longer in a field people enter (removed, renamed or "
                    "now computed): move them with a migration script")
            elif after_fields[field] < was:
                yield "field", f"{model}.{field}", f"values {was} -> {after_fields[field]}"
    for key, was in sorted(before["dashboard"].items()):
        if key not in after["dashboard"]:
            yield "figure", key, f"gone (was {was})"
        elif after["dashboard"][key] != was:
            yield "figure", key, f"{was} -> {after['dashboard'][key]}"
    for key, bad in sorted(after["selection"].items()):
        if bad:
            yield "selection", key, f"{bad} rows hold a value that is not an option"
    for name, module in sorted(after["modules"].items()):
        if module["state"] != "installed" or module["db_version"] != module["code_version"]:
            yield "module", name, (f"{module['state']} at {module['db_version']}, code at "
                                   f"{module['code_version']}")


def allowed_by(allowed, kind, key):
    """The exception (kind, pattern) covering the difference, if any: a ``*`` in a key
    stands for any text (e.g. the years of a trend, which follow today's date)."""
    if (kind, key) in allowed:
        return kind, key
    for rule_kind, pattern in allowed:
        if rule_kind == kind and "*" in pattern and re.fullmatch(
                ".*".join(map(re.escape, pattern.split("*"))), key):
            return rule_kind, pattern
    return None


def compare(before, after, allowed):
    """Lines of the report and the number of failures."""
    lines, failures, used = [], 0, set()
    for kind, key, what in differences(before, after):
        rule = allowed_by(allowed, kind, key)
        if rule:
            used.add(rule)
            lines.append(f"allowed {kind} {key}: {what} ({allowed[rule]})")
        else:
            failures += 1
            lines.append(f"FAIL {kind} {key}: {what}")
    for kind, key in sorted(set(allowed) - used):
        lines.append(f"note: exception '{kind} | {key}' matched nothing (remove it?)")
    return lines, failures


def compare_main(args):
    with open(args.before) as fh:
        before = json.load(fh)
    with open(args.after) as fh:
        after = json.load(fh)
    lines, failures = compare(before, after, read_exceptions(args.exceptions))
    for line in lines:
        print(line)
    grown = sum(after["models"].values()) - sum(before["models"].values())
    print(f"models={len(before['models'])}->{len(after['models'])} rows_added={grown} "
          f"figures={len(before['dashboard'])} failures={failures}")
    if failures:
        print("An upgrade must keep every row, value and figure. Write a migration script "
              "(addons/<addon>/migrations/<new version>/) and raise the manifest version; "
              f"a deliberate change goes into {args.exceptions} with its reason.",
              file=sys.stderr)
    return 1 if failures else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot")
    snap.add_argument("--config", required=True)
    snap.add_argument("--db", required=True)
    snap.add_argument("--addons-path", required=True)
    snap.add_argument("--out", required=True)
    snap.add_argument("--today", help="the periods' year (both snapshots use the same)")
    comp = sub.add_parser("compare")
    comp.add_argument("before")
    comp.add_argument("after")
    comp.add_argument("--exceptions", default=None)
    args = parser.parse_args(argv)
    return snapshot(args) if args.command == "snapshot" else compare_main(args)


if __name__ == "__main__":
    sys.exit(main())
