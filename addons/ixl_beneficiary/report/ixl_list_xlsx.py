from odoo import fields, models
from odoo.tools.misc import split_every

CHUNK = 2000


class IxlListXlsx(models.AbstractModel):
    """Base of the XLSX exports of the main lists: rows are read by chunks and written
    with xlsxwriter's ``constant_memory`` mode (each row is flushed to disk as soon as
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
        names = [name for name, _width in self._list_columns]
        # Rights: the model's access rules and its fields here; the record rules are
        # applied in SQL by search_fetch below (check_access on 100,000 records would
        # evaluate them in Python).
        model.check_access("read")
        model.check_field_access_rights("read", names)
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        date_formats = {
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        }
        sheet = workbook.add_worksheet(model._description)
        for col, (name, width) in enumerate(self._list_columns):
            sheet.set_column(col, col, width)
            sheet.write(0, col, model._fields[name].get_description(self.env)["string"], header)
        columns = [(col, name, self._converter(model._fields[name]),
                    date_formats.get(model._fields[name].type))
                   for col, name in enumerate(names)]
        line = 0
        for ids in split_every(CHUNK, records.ids):
            for record in model.search_fetch([("id", "in", ids)], names, order="id"):
                line += 1
                for col, name, convert, cell_format in columns:
                    value = convert(record[name])
                    if value is None or value is False or value == "":
                        continue
                    if cell_format:
                        sheet.write_datetime(line, col, value, cell_format)
                    else:
                        sheet.write(line, col, value)
            # keep the cache (and the memory) small between chunks
            self.env.invalidate_all()
        sheet.freeze_panes(1, 0)

    def _converter(self, field):
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            return lambda value: labels.get(value, value or None)
        if field.type == "many2one":
            return lambda value: value.display_name or None
        if field.type == "date":
            return lambda value: fields.Datetime.to_datetime(value) if value else None
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
        ("profile_type", 10), ("gender", 10), ("is_italian", 8), ("age_at_interview", 10),
        ("municipality_id", 24), ("user_id", 20),
    ]


class IxlPlacementListXlsx(models.AbstractModel):
    _name = "report.ixl_beneficiary.placement_list_xlsx"
    _description = "Placements (XLSX)"
    _inherit = "report.ixl_beneficiary.list_xlsx"

    _list_columns = [
        ("beneficiary_id", 30), ("employer_id", 30), ("placement_type", 16),
        ("contract_type", 14), ("job_title", 24), ("date_start", 12), ("date_end", 12),
        ("weekly_hours", 10), ("relation", 16), ("gender", 10), ("is_italian", 8),
        ("age_band", 12),
    ]
