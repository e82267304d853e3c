"""The house style of IXL spreadsheets in one place: the formats of the cells and the
heading of a sheet (title, when it was extracted, the column headers)."""
from odoo import fields
from odoo.tools.misc import format_datetime

from ..models.tools import LOCAL_TZ

HOUSE_FORMATS = {
    "title": {"bold": True, "font_size": 14},
    "head": {"bold": True, "bg_color": "#DDEBF7", "border": 1},
    "cell": {"border": 1},
    "money": {"border": 1, "num_format": "#,##0.00"},
    "pct": {"border": 1, "num_format": "0.0"},
    "day": {"border": 1, "num_format": "yyyy-mm-dd"},
}


def house_formats(workbook, **extra):
    """{name: format} of ``workbook``: the house formats, plus or replaced by ``extra``
    ({name: properties})."""
    return {name: workbook.add_format(props)
            for name, props in dict(HOUSE_FORMATS, **extra).items()}


def write_heading(env, sheet, formats, title, headers=(), row=3):
    """``title`` on the first row, the time of the extraction (Bologna time) on the
    second, the column ``headers`` on ``row``."""
    sheet.write(0, 0, title, formats["title"])
    sheet.write(1, 0, env._("Extracted on %s", format_datetime(
        env, fields.Datetime.now(), tz=LOCAL_TZ)))
    for col, header in enumerate(headers):
        sheet.write(row, col, header, formats["head"])
