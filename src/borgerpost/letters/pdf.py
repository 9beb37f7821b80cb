"""Letters as PDF (WeasyPrint), the main document of a Digital Post message."""

from __future__ import annotations

from django.template.loader import render_to_string


def render_letter_pdf(context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string("letters/letter_pdf.html", context)
    return HTML(string=html).write_pdf()
