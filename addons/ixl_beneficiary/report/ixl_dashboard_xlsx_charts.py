"""Native Excel charts of the dashboard blocks that carry a ``chart`` hint (see
dashboard_tools.block), drawn next to the block's table from its cells, like the web
client does: "bar" a column per row, "doughnut" a split, "hbar" a ranking (horizontal
bars, first row on top), "trend" the first column as columns and the last one (a %) as a
line on a second axis. Rows marked ``total`` are left out."""
from math import ceil

from xlsxwriter.utility import quote_sheetname, xl_range_abs

ROW_PIXELS = 20  # Excel's default row height (15 points)
CHART_WIDTH = 520
CHART_HEIGHT = 300
BAR_PIXELS = 24  # height of one ranking bar


def data_runs(lines):
    """Contiguous runs [(first, last)] of sheet rows ``lines`` (sorted)."""
    runs = []
    for line in lines:
        if runs and runs[-1][1] == line - 1:
            runs[-1] = (runs[-1][0], line)
        else:
            runs.append((line, line))
    return runs


def series_range(sheet_name, runs, col):
    """The formula of a column over ``runs``; a union when total rows cut it."""
    parts = [f"{quote_sheetname(sheet_name)}!{xl_range_abs(first, col, last, col)}"
             for first, last in runs]
    return f"={parts[0]}" if len(parts) == 1 else f"=({','.join(parts)})"


def chart_height(block, count):
    if block["chart"] == "hbar":
        return max(CHART_HEIGHT, count * BAR_PIXELS + 80)
    return CHART_HEIGHT


def chart_rows(block):
    """Sheet rows the chart of ``block`` covers (0 without a chart): the next block starts
    below them."""
    count = sum(1 for row in block["rows"] if not row.get("total"))
    if not block.get("chart") or not count or not block["columns"]:
        return 0
    return ceil(chart_height(block, count) / ROW_PIXELS) + 1


def add_block_chart(workbook, sheet, block, lines, header_line, anchor_col):
    """Insert the chart of ``block`` whose rows were written on ``lines`` (one per row,
    in order) under the column titles on ``header_line``; the chart's top left corner is
    at (header_line - 1, anchor_col)."""
    kind = block.get("chart")
    chart_lines = [line for row, line in zip(block["rows"], lines, strict=True)
                   if not row.get("total")]
    if not chart_rows(block):
        return
    runs = data_runs(chart_lines)
    name = sheet.get_name()
    categories = series_range(name, runs, 0)

    def series(col, **extra):
        return {"name": [name, header_line, col], "categories": categories,
                "values": series_range(name, runs, col), **extra}

    chart = workbook.add_chart({"type": {"bar": "column", "trend": "column",
                                         "hbar": "bar", "doughnut": "doughnut"}[kind]})
    chart.add_series(series(1, data_labels={"value": kind == "doughnut"}))
    if kind == "hbar":
        chart.set_y_axis({"reverse": True})
    if kind == "trend" and len(block["columns"]) > 1:
        line = workbook.add_chart({"type": "line"})
        line.add_series(series(len(block["columns"]), y2_axis=True,
                               marker={"type": "circle", "size": 7}))
        line.set_y2_axis({"name": block["columns"][-1], "min": 0})
        chart.combine(line)
    chart.set_title({"name": block["title"], "name_font": {"size": 11}})
    if kind != "doughnut" and kind != "trend":
        chart.set_legend({"none": True})
    else:
        chart.set_legend({"position": "right" if kind == "doughnut" else "bottom"})
    height = chart_height(block, len(chart_lines))
    chart.set_size({"width": CHART_WIDTH, "height": height})
    sheet.insert_chart(max(header_line - 1, 0), anchor_col, chart,
                       {"x_offset": 10, "y_offset": 0, "object_position": 1})
