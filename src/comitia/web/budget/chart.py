"""Bar charts of the budget as SVG, drawn on the server: no script, readable by any browser.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that say what it
shows in words; the page prints the same figures in a table beside it, so the chart adds
nothing that a reader without sight misses. Texts are escaped here: the result is safe markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

WIDTH = 640
ROW = 34  # height of one group of bars
LABEL = 190  # width of the labels' column
BAR = 12


@dataclass(frozen=True)
class Bar:
    """One group of the chart: a label, what was appropriated (None: nothing of its own) and
    what is planned, with how both are printed."""

    label: str
    appropriation: Decimal | None
    planned: Decimal
    appropriation_text: str
    planned_text: str


def _rect(x: int, y: int, width: int, height: int, kind: str) -> str:
    return f'<rect x="{x}" y="{y}" width="{width}" height="{height}" class="{kind}"/>'


def _text(x: int, y: int, kind: str, text: str, *, end: bool = False) -> str:
    anchor = ' text-anchor="end"' if end else ""
    return f'<text x="{x}" y="{y}"{anchor} class="{kind}">{escape(text)}</text>'


def bar_chart(
    ident: str, title: str, description: str, bars: list[Bar], legend: tuple[str, str]
) -> str:
    """Horizontal bars, appropriation above planned cost, one group per ``bars`` entry; a
    planned cost over its appropriation is drawn as ``planned over``."""
    values = [b.planned for b in bars] + [b.appropriation or Decimal(0) for b in bars]
    top = max([*values, Decimal(1)])
    span = WIDTH - LABEL - 110
    height = ROW * len(bars) + 40

    def length(value: Decimal) -> int:
        return int(span * value / top) if value > 0 else 0

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="budget-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = 10 + index * ROW
        parts.append(_text(LABEL - 8, y + BAR + 2, "label", bar.label, end=True))
        if bar.appropriation is not None:
            width = length(bar.appropriation)
            parts.append(_rect(LABEL, y, width, BAR, "appropriation"))
            parts.append(_text(LABEL + width + 4, y + BAR - 2, "value", bar.appropriation_text))
        over = bar.appropriation is not None and bar.planned > bar.appropriation
        width = length(bar.planned)
        parts.append(_rect(LABEL, y + BAR + 2, width, BAR, "planned over" if over else "planned"))
        parts.append(_text(LABEL + width + 4, y + 2 * BAR, "value", bar.planned_text))
    y = height - 14
    parts.append(_rect(LABEL, y - 9, 10, 10, "appropriation"))
    parts.append(_text(LABEL + 14, y, "legend", legend[0]))
    parts.append(_rect(LABEL + 200, y - 9, 10, 10, "planned"))
    parts.append(_text(LABEL + 214, y, "legend", legend[1]))
    parts.append("</svg>")
    return "\n".join(parts)
