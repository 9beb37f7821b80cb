"""Bar charts as SVG images for the annual report, in the page and in the PDF.

Written by hand: horizontal bars with labels and values are a few lines of SVG, with no
scripts or fonts to load, and they render the same in a browser and in WeasyPrint
(chart libraries emit JavaScript-driven SVG that WeasyPrint does not run).
"""

from __future__ import annotations

import base64
from html import escape

BAR = "#174a7c"


def bar_chart(items: list[tuple[str, int]], title: str, percent: bool = False) -> str:
    """An SVG bar chart; with `percent`, each bar is labelled with its share too."""
    total = sum(v for _, v in items) or 1
    top = max((v for _, v in items), default=0) or 1
    row, label_w, bar_w = 26, 260, 300
    height = 40 + row * max(1, len(items))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 90}" '
        f'height="{height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="18" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(items):
        y = 32 + i * row
        width = round(bar_w * value / top)
        shown = f"{value} ({round(100 * value / total)} %)" if percent else str(value)
        parts += [
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(label[:40])}</text>',
            f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="16" fill="{BAR}"/>',
            f'<text x="{label_w + width + 6}" y="{y + 15}">{escape(shown)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
