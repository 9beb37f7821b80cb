"""Charts drawn on the server as SVG: no script, readable on a phone, printable. Each
chart has a text alternative, and the page shows the same numbers in a table."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape

MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
BAR = "#174a7c"  # the brand colour: 8.6:1 against white
WITHIN = "#1e6b3a"


def months_chart(by_month: list[dict[str, Any]], title: str) -> str:
    """Received per month, with the part answered within the deadline inside each bar."""
    width, height, left, bottom = 640, 240, 36, 28
    top = max([m["received"] for m in by_month] + [1])
    slot = (width - left) / max(1, len(by_month))
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title" '
        'class="chart" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    plot = height - bottom - 10
    for tick in (0, top // 2, top):
        y = height - bottom - plot * tick / top
        parts.append(
            f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d9dde5"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick}</text>'
        )
    for index, month in enumerate(by_month):
        x = left + index * slot + slot * 0.15
        bar_width = slot * 0.7
        for value, colour in (
            (month["received"], BAR),
            (month["answered_within_deadline"], WITHIN),
        ):
            bar = plot * value / top
            parts.append(
                f'<rect x="{x:.1f}" y="{height - bottom - bar:.1f}" width="{bar_width:.1f}" '
                f'height="{bar:.1f}" fill="{colour}"/>'
            )
        label = MONTHS[int(month["month"][5:7]) - 1]
        parts.append(
            f'<text x="{x + bar_width / 2:.1f}" y="{height - 10}" text-anchor="middle" '
            f'font-size="11">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
