"""Registrations imported from a CSV file through Odoo's standard import (base_import).

As the import screen does: a `base_import.import` record holding the file,
`parse_preview`, then `execute_import` with the column mapping, in batches of 2,000
rows (the screen's default), tracking disabled (the screen's default). The codice
fiscale constraint of ixl.beneficiary runs on every row.
"""

import csv
import io
import time

from . import progress
from .seed import fiscal_code

COLUMNS = ["First name", "Last name", "Codice fiscale", "Birth date", "Gender", "Email",
           "Municipality of residence", "Nationality", "Registration channel"]
FIELDS = ["first_name", "last_name", "fiscal_code", "birthdate_date", "gender", "email",
          "municipality_id", "nationality_id", "registration_channel"]
BATCH = 2000
OPTIONS = {
    "import_skip_records": [], "import_set_empty_fields": [], "fallback_values": {},
    "name_create_enabled_fields": {}, "encoding": "utf-8", "separator": ",",
    "quoting": '"', "date_format": "%Y-%m-%d", "datetime_format": "",
    "float_thousand_separator": ",", "float_decimal_separator": ".", "advanced": True,
    "has_headers": True, "keep_matches": False, "sheets": [], "sheet": "",
    "tracking_disable": True,
}


def make_csv(env, rng, rows, invalid=False):
    """A CSV file of `rows` new registrations (codes unlike the seeded ones)."""
    from datetime import date, timedelta

    municipalities = env["ixl.municipality"].search([]).mapped("name")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    codes = set()
    for i in range(rows):
        birth = date(1960, 1, 1) + timedelta(days=rng.randint(0, 16000))
        female = rng.random() < 0.5
        code = fiscal_code(rng, birth, female, town_letters="M")
        while code in codes:
            code = fiscal_code(rng, birth, female, town_letters="M")
        codes.add(code)
        if invalid:
            code = code[:-1] + ("A" if code[-1] != "A" else "B")
        writer.writerow([f"Importato{i}", f"Cognomeimport{i}", code, birth.isoformat(),
                         "female" if female else "male", f"import{i}@example.org",
                         rng.choice(municipalities), "Italy", "Import"])
    return out.getvalue().encode()


def run_import(env, content):
    """Import the file as the import screen does; (seconds, ids, error messages)."""
    context = {"tracking_disable": True}
    wizard = env["base_import.import"].with_context(**context).create({
        "res_model": "ixl.beneficiary", "file": content, "file_name": "registrations.csv",
        "file_type": "text/csv",
    })
    start = time.perf_counter()
    preview = wizard.parse_preview(dict(OPTIONS, limit=BATCH))
    if preview.get("error"):
        return time.perf_counter() - start, [], [preview["error"]]
    ids, skip = [], 0
    while True:
        result = wizard.execute_import(FIELDS, COLUMNS, dict(OPTIONS, limit=BATCH, skip=skip))
        errors = [m["message"] for m in result.get("messages", []) if m["type"] == "error"]
        if errors:
            return time.perf_counter() - start, ids, errors
        ids += result["ids"]
        if not result.get("nextrow"):
            break
        skip = result["nextrow"]
        progress(f"  imported {len(ids)} rows")
    return time.perf_counter() - start, ids, []


def bench_import(env, rng, rows):
    progress(f"importing {rows} registrations from a CSV file (base_import)")
    seconds, ids, errors = run_import(env, make_csv(env, rng, rows))
    results = {
        "import_rows": rows,
        "import_seconds": round(seconds, 1),
        "import_rows_per_second": round(len(ids) / seconds, 1) if seconds else 0,
        "import_created": len(ids),
    }
    # The codice fiscale validation is on: one wrong check digit refuses the file.
    _s, bad_ids, bad_errors = run_import(env, make_csv(env, rng, 1, invalid=True))
    results["import_invalid_code_refused"] = int(not bad_ids and bool(bad_errors))
    return results, errors
