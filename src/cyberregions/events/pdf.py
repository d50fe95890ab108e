"""PDF rendering with WeasyPrint. Nothing is fetched from the network or the disk: the
templates carry their own styles, and only data: URLs are allowed."""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.template.loader import render_to_string

# WeasyPrint reports each rendering step at INFO; the server log needs none of them.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    # Imported here: WeasyPrint takes a second to import, and most requests need no PDF.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template_name, context, request=request)
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
