"""The chart of submission rates per obligation over the years, drawn on the server as SVG:
one line per obligation, the years along, the percentage up. The same figures are printed as a
table beside it, so nothing is said by the chart alone."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Distinct line styles, so lines are told apart without colour too (dash patterns).
_COLOURS = ("#1f5fa8", "#b3541e", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#5d4037")
_DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")


def rates_svg(
    years: Sequence[int], lines: Sequence[tuple[str, Sequence[int | None]]], title: str
) -> SafeString:
    """An SVG line chart; ``lines`` are (label, percentage per year or None), ``title`` its
    accessible name."""
    width, height, left, bottom, top, right = 640, 260, 40, 30, 10, 10
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(years) - 1, 1)

    def x(i: int) -> float:
        return left + i * step

    def y(percent: int) -> float:
        return top + plot_h * (1 - percent / 100)

    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for percent in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(percent):.1f}" y2="{y(percent):.1f}"'
            ' stroke="#ddd"/>'
            f'<text x="{left - 4}" y="{y(percent) + 4:.1f}" text-anchor="end">{percent}%</text>'
        )
    for i, year in enumerate(years):
        parts.append(f'<text x="{x(i):.1f}" y="{height - 10}" text-anchor="middle">{year}</text>')
    for n, (label, values) in enumerate(lines):
        colour, dash = _COLOURS[n % len(_COLOURS)], _DASHES[n % len(_DASHES)]
        points = [(x(i), y(v)) for i, v in enumerate(values) if v is not None]
        if not points:
            continue
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dashed} points="{path}">'
            f"<title>{escape(label)}</title></polyline>"
        )
        parts.extend(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>' for px, py in points
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
