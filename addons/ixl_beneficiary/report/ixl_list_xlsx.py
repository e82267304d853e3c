from datetime import datetime, time

from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.misc import split_every

CHUNK = 2000


class IxlListXlsx(models.AbstractModel):
    """Base of the XLSX exports of the main lists: rows are read by chunks (one SELECT
    per chunk built on the ORM's query, so record rules apply) and written with
    xlsxwriter's ``constant_memory`` mode (each row is flushed to disk as soon as
    the next one starts), so memory stays flat whatever the number of records."""

    _name = "report.ixl_beneficiary.list_xlsx"
    _description = "IXL list export (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    # (field name, column width); subclasses set them.
    _list_columns = []

    def get_workbook_options(self):
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, records):
        model = records.browse()
        # Rights: the model's access rules and its fields here; the record rules are
        # applied by _search (check_access on 100,000 records would evaluate them in
        # Python).
        model.check_access("read")
        model.check_field_access_rights(
            "read", [path.split(".")[0] for path, _width in self._list_columns])
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        date_formats = {
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        }
        sheet = workbook.add_worksheet(model._description)
        columns = []
        for col, (path, width) in enumerate(self._list_columns):
            field = model._fields[path.split(".")[0]]
            sheet.set_column(col, col, width)
            sheet.write(0, col, field.get_description(self.env)["string"], header)
            target = self.env[field.comodel_name]._fields[path.split(".")[1]] \
                if "." in path else field
            columns.append((col, self._converter(target), date_formats.get(target.type)))
        line = 0
        for ids in split_every(CHUNK, records.ids):
            for values in self.env.execute_query(self._list_query(model, ids)):
                line += 1
                for col, convert, cell_format in columns:
                    value = convert(values[col])
                    if value is None or value is False or value == "":
                        continue
                    # typed writes: write() would sniff every string with regexes
                    if cell_format:
                        sheet.write_datetime(line, col, value, cell_format)
                    elif isinstance(value, str):
                        sheet.write_string(line, col, value)
                    else:
                        sheet.write_number(line, col, value)
        sheet.freeze_panes(1, 0)

    def _list_query(self, model, ids):
        """SELECT of the columns of ``ids`` (record rules applied by _search); a column
        ``field.name`` reads ``name`` on the record linked by the many2one ``field``."""
        query = model.with_context(active_test=False)._search(
            [("id", "in", list(ids))], order="id")
        selects = []
        for path, _width in self._list_columns:
            if "." not in path:
                selects.append(model._field_to_sql(model._table, path, query))
                continue
            fname, sub = path.split(".")
            comodel = self.env[model._fields[fname].comodel_name]
            alias = query.make_alias(model._table, fname)
            query.add_join("LEFT JOIN", alias, comodel._table, SQL(
                "%s = %s", model._field_to_sql(model._table, fname, query),
                SQL.identifier(alias, "id")))
            selects.append(comodel._field_to_sql(alias, sub, query))
        return query.select(*selects)

    def _converter(self, field):
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            return lambda value: labels.get(value, value or None)
        if field.type == "date":
            return lambda value: datetime.combine(value, time.min) if value else None
        if field.type == "datetime":
            return lambda value: fields.Datetime.context_timestamp(
                self, value).replace(tzinfo=None) if value else None
        if field.type == "boolean":
            yes, no = self.env._("Yes"), self.env._("No")
            return lambda value: yes if value else no
        return lambda value: value


class IxlBeneficiaryListXlsx(models.AbstractModel):
    _name = "report.ixl_beneficiary.beneficiary_list_xlsx"
    _description = "Beneficiaries (XLSX)"
    _inherit = "report.ixl_beneficiary.list_xlsx"

    _list_columns = [
        ("reference", 14), ("name", 30), ("fiscal_code", 20), ("state", 18),
        ("registration_date", 18), ("interview_held_date", 14), ("readiness", 22),
        ("profile_type", 10), ("gender", 10), ("nationality_group", 14),
        ("age_at_interview", 10),
        ("municipality_id.name", 24), ("user_id.name", 20),
    ]


class IxlPlacementListXlsx(models.AbstractModel):
    _name = "report.ixl_beneficiary.placement_list_xlsx"
    _description = "Placements (XLSX)"
    _inherit = "report.ixl_beneficiary.list_xlsx"

    _list_columns = [
        ("beneficiary_id.name", 30), ("employer_id.name", 30), ("placement_type", 16),
        ("contract_type", 14), ("job_title", 24), ("date_start", 12), ("date_end", 12),
        ("weekly_hours", 10), ("relation", 16), ("gender", 10), ("nationality_group", 14),
        ("age_band", 12),
    ]
