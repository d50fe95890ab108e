from django.shortcuts import render
from django.views.decorators.http import require_GET

from .kinds import search_everything


@require_GET
def search_page(request):
    """``/search/?q=``: every kind the user may see, a group each with its count, its best
    results and a link to the kind's own list filtered by the same query."""
    text = (request.GET.get("q") or "").strip()
    query, groups = search_everything(request.user, text) if text else (None, [])
    context = {
        "text": text,
        "groups": groups,
        "total": sum(group.count for group in groups),
        "notes": query.notes if query else [],
    }
    return render(request, "search/results.html", context)
