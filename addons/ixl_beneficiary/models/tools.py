"""Small helpers shared by the IXL addons."""


def related_records_action(record, model, field, name):
    """Window action listing the ``model`` records whose ``field`` is ``record``,
    creating new ones for it by default (the smart buttons of the forms)."""
    record.ensure_one()
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": model,
        "view_mode": "list,form",
        "domain": [(field, "=", record.id)],
        "context": {f"default_{field}": record.id},
    }
