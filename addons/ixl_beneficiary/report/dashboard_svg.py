"""Charts of the printed programme in numbers, drawn on the server as inline SVG.

wkhtmltopdf's old WebKit does not run the web client's chart library reliably, so the
printed report draws each block that carries a ``chart`` hint (dashboard_tools.block)
itself: "bar", "doughnut", "hbar" or "trend". A chart draws the first column
of the rows not marked ``total`` (for "trend", the last column too, a %, as a line).

``chart_data(block)`` is what is drawn (tests compare it with the dashboard's figures);
``chart_svg(block, fmt)`` the SVG markup, with ``fmt(cell)`` formatting the values as
the tables do (Italian separators).
"""
import math

from markupsafe import Markup, escape

PALETTE = ("#2f6fad", "#e07b39", "#4c9a5b", "#c2413b", "#8a63b8", "#8c6d4f", "#d65fa8",
           "#7f7f7f", "#b5b33a", "#2fa6b8")
LINE_COLOUR = "#c2413b"
WIDTH = 640
FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'
MAX_LABEL = 26


def chart_data(block):
    """{"type", "labels", "values", "cells", "line", "line_cells"} of a block with a chart
    hint (None without one): the first column of the rows not marked total (as the web
    client and the XLSX draw it) and, for a trend, the last column as the line. Empty
    values (None) count as 0."""
    kind = block.get("chart")
    if not kind:
        return None
    rows = [row for row in block["rows"] if not row.get("total") and row["cells"]]
    data = {
        "type": kind,
        "labels": [row["label"] for row in rows],
        "cells": [row["cells"][0] for row in rows],
        "values": [row["cells"][0]["value"] or 0 for row in rows],
    }
    if kind == "trend":
        data["line_cells"] = [row["cells"][-1] for row in rows]
        data["line"] = [row["cells"][-1]["value"] for row in rows]
    return data


def chart_svg(block, fmt):
    """The SVG of the block's chart, or an empty string (no hint, nothing to draw)."""
    data = chart_data(block)
    if not data or not data["values"]:
        return ""
    draw = {"bar": _bars, "trend": _bars, "hbar": _hbars, "doughnut": _doughnut}[data["type"]]
    return draw(data, fmt)


def _short(label, size=MAX_LABEL):
    label = str(label)
    return label if len(label) <= size else label[:size - 1] + "…"


def _text(x, y, content, size=10, anchor="start", extra=""):
    return Markup('<text x="%.1f" y="%.1f" font-size="%s" text-anchor="%s" %s %s>%s</text>') % (
        x, y, size, anchor, Markup(FONT), Markup(extra), content)


def _svg(height, parts):
    return Markup('<svg xmlns="http://www.w3.org/2000/svg" class="o_ixl_chart" width="%d" '
                  'height="%d" viewBox="0 0 %d %d">%s</svg>') % (
        WIDTH, height, WIDTH, height, Markup("").join(parts))


def _bars(data, fmt):
    """Vertical bars (months, years); for a trend, the % line over them."""
    values, count = data["values"], len(data["values"])
    rotate = count > 8
    top, plot, left = 18, 150, 40 if rotate else 10
    height = top + plot + (62 if rotate else 24)
    slot = (WIDTH - 2 * left) / count
    # A trend keeps the upper third for its % line.
    scale = max(max(values), 1) / (0.6 if data["type"] == "trend" else 1)
    parts = [Markup('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>') % (
        left, top + plot, WIDTH - left, top + plot)]
    rows = zip(values, data["cells"], data["labels"], strict=True)
    for pos, (value, cell, label) in enumerate(rows):
        bar = plot * value / scale
        x = left + slot * pos + slot * 0.15
        parts.append(Markup('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>') % (
            x, top + plot - bar, slot * 0.7, bar, PALETTE[0]))
        parts.append(_text(x + slot * 0.35, top + plot - bar - 3, fmt(cell), 9, "middle"))
        label_y = top + plot + 12
        if rotate:
            parts.append(_text(x + slot * 0.35, label_y, _short(label, 14), 8, "end",
                               f'transform="rotate(-35 {x + slot * 0.35:.1f} {label_y:.1f})"'))
        else:
            parts.append(_text(x + slot * 0.35, label_y, _short(label, 18), 9, "middle"))
    if data["type"] == "trend":
        parts += _trend_line(data, fmt, top, plot, left, slot)
    return _svg(height, parts)


def _trend_line(data, fmt, top, plot, left, slot):
    """The % line on its own scale, in the upper third of the plot (0% at its bottom)."""
    scale = max([value for value in data["line"] if value] or [1])
    band = plot * 0.3
    points = [(left + slot * (pos + 0.5), top + 8 + band - band * value / scale)
              for pos, value in enumerate(data["line"]) if value is not None]
    parts = []
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(Markup('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>')
                     % (path, LINE_COLOUR))
    cells = [cell for cell in data["line_cells"] if cell["value"] is not None]
    for (x, y), cell in zip(points, cells, strict=True):
        parts.append(Markup('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>') % (x, y, LINE_COLOUR))
        parts.append(_text(x + 5, y - 5, fmt(cell), 9, "start", f'fill="{LINE_COLOUR}"'))
    return parts


def _hbars(data, fmt):
    """A ranking: one horizontal bar per row, label on the left, value at the end."""
    values = data["values"]
    line, label_width = 18, 210
    height = line * len(values) + 8
    scale = max(max(values), 1)
    room = WIDTH - label_width - 60
    parts = []
    rows = zip(values, data["cells"], data["labels"], strict=True)
    for pos, (value, cell, label) in enumerate(rows):
        y = 4 + line * pos
        bar = room * value / scale
        parts.append(_text(label_width - 6, y + 12, _short(label, 32), 9, "end"))
        parts.append(Markup('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>') % (
            label_width, y + 2, bar, line - 5, PALETTE[pos % len(PALETTE)]))
        parts.append(_text(label_width + bar + 4, y + 12, fmt(cell), 9))
    return _svg(height, parts)


def _doughnut(data, fmt):
    """A split: a ring of slices and a legend with the values."""
    values = data["values"]
    total = sum(values)
    radius, inner, cx, cy = 70, 42, 85, 85
    height = max(2 * cy, 18 * len(values) + 10)
    parts = [Markup('<circle cx="%d" cy="%d" r="%d" fill="#eeeeee"/>') % (cx, cy, radius)]
    start = -math.pi / 2
    for pos, value in enumerate(values):
        if not total or not value:
            continue
        sweep = 2 * math.pi * value / total
        parts.append(_slice(cx, cy, radius, start, sweep, PALETTE[pos % len(PALETTE)]))
        start += sweep
    parts.append(Markup('<circle cx="%d" cy="%d" r="%d" fill="#ffffff"/>') % (cx, cy, inner))
    for pos, (cell, label) in enumerate(zip(data["cells"], data["labels"], strict=True)):
        y = 10 + 18 * pos
        parts.append(Markup('<rect x="190" y="%d" width="11" height="11" fill="%s"/>') % (
            y, PALETTE[pos % len(PALETTE)]))
        parts.append(_text(208, y + 10, escape(_short(label, 40)), 10))
        parts.append(_text(WIDTH - 10, y + 10, fmt(cell), 10, "end"))
    return _svg(height, parts)


def _slice(cx, cy, radius, start, sweep, colour):
    if sweep >= 2 * math.pi - 1e-9:
        return Markup('<circle cx="%d" cy="%d" r="%d" fill="%s"/>') % (cx, cy, radius, colour)
    end = start + sweep
    x1, y1 = cx + radius * math.cos(start), cy + radius * math.sin(start)
    x2, y2 = cx + radius * math.cos(end), cy + radius * math.sin(end)
    large = 1 if sweep > math.pi else 0
    return Markup('<path d="M %d %d L %.2f %.2f A %d %d 0 %d 1 %.2f %.2f Z" fill="%s"/>') % (
        cx, cy, x1, y1, radius, radius, large, x2, y2, colour)
