"""PDF rendering with WeasyPrint. Nothing is fetched: no network, no file system other than
the app's print stylesheet, read here."""

from __future__ import annotations

import logging

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

# WeasyPrint reports each rendering step at INFO; the server log needs none of them.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

STYLESHEET = "plans/print.css"


def available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def render(template_name: str, context: dict, request=None) -> bytes:
    # Imported here: WeasyPrint takes a second to import, and most requests need no PDF.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template_name, {**context, "for_pdf": True}, request=request)
    fetcher = URLFetcher(allowed_protocols=("data",), timeout=1)
    stylesheet = CSS(filename=finders.find(STYLESHEET), url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[stylesheet])


def response(template_name: str, context: dict, request, filename: str) -> HttpResponse:
    """The PDF; without WeasyPrint, the same document as a printable page."""
    if not available():
        html = render_to_string(template_name, {**context, "for_pdf": False}, request=request)
        return HttpResponse(html)
    result = HttpResponse(render(template_name, context, request), content_type="application/pdf")
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
