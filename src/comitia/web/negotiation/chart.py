"""The chart of the paragraphs' status counts over the formal sessions, as SVG drawn on the
server (the house style of ``comitia.web.budget.chart``): no script, readable by any browser.

One horizontal bar per session, its segments the statuses in the negotiation's order; the
``<svg role="img">`` has a ``<title>`` and a ``<desc>`` that say what it shows in words, and
the page prints the same figures in a table beside it. Texts are escaped here: the result is
safe markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 640
ROW = 26  # height of one session's row
LABEL = 150  # width of the labels' column
BAR = 16
LEGEND_ROW = 18


@dataclass(frozen=True)
class Segment:
    """One status's part of a bar: its code (the CSS class ``status-<code>``), its name and
    how many paragraphs."""

    code: str
    name: str
    count: int


@dataclass(frozen=True)
class Row:
    label: str
    segments: tuple[Segment, ...]


def _text(x: int, y: int, kind: str, text: str, *, anchor: str = "") -> str:
    anchor = f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{x}" y="{y}"{anchor} class="{kind}">{escape(text)}</text>'


def stacked_chart(
    ident: str, title: str, description: str, rows: list[Row], legend: list[tuple[str, str]]
) -> str:
    """Stacked horizontal bars, one per ``rows`` entry, each as long as its total of the
    largest; ``legend``: (code, name) of each status drawn."""
    top = max([sum(s.count for s in row.segments) for row in rows] + [1])
    span = WIDTH - LABEL - 20
    legend_rows = (len(legend) + 2) // 3
    height = ROW * len(rows) + 20 + LEGEND_ROW * legend_rows
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="negotiation-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]
    for index, row in enumerate(rows):
        y = 8 + index * ROW
        parts.append(_text(LABEL - 8, y + BAR - 3, "label", row.label, anchor="end"))
        x = LABEL
        for segment in row.segments:
            if not segment.count:
                continue
            width = round(span * segment.count / top)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{width}" height="{BAR}" '
                f'class="status-{escape(segment.code)}"><title>'
                f"{escape(segment.name)}: {segment.count}</title></rect>"
            )
            if width >= 18:
                parts.append(
                    _text(x + width // 2, y + BAR - 4, "value", str(segment.count), anchor="middle")
                )
            x += width
    y = ROW * len(rows) + 16
    column_width = (WIDTH - 40) // 3
    for index, (code, name) in enumerate(legend):
        column, line = index % 3, index // 3
        x = 20 + column * column_width
        top_y = y + line * LEGEND_ROW
        parts.append(
            f'<rect x="{x}" y="{top_y}" width="10" height="10" class="status-{escape(code)}"/>'
        )
        parts.append(_text(x + 14, top_y + 9, "legend", name))
    parts.append("</svg>")
    return "\n".join(parts)
