from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import notifications
from .models import Notification


@require_GET
@never_cache
def healthz(request):
    """Liveness: the app answers and so does its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 — any database failure means "not alive"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page's ``<link rel="icon">`` says: send them
    to the project's icon (resolved per request, so the hashed static name is used)."""
    return HttpResponsePermanentRedirect(static("cyberregions/favicon.svg"))


def error_404(request, exception):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)


def error_403(request, exception):
    """The refusal, with who may do it when the check said so (``permissions.require``)."""
    who_may = str(exception) if exception is not None else ""
    return render(request, "403.html", {"who_may": who_may}, status=403)


@login_required
@require_GET
def notification_list(request):
    """The person's notifications, newest first; opening the page does not mark them read."""
    page = Paginator(
        Notification.objects.filter(recipient=request.user).only(
            "title", "url", "created_at", "read_at", "kind"
        ),
        30,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "core/notifications.html",
        {"page": page, "unread": notifications.unread_count(request.user)},
    )


@login_required
@require_GET
@never_cache
def notification_bell(request):
    """The bell's count, fetched by htmx after the page so that pages pay no query for it."""
    return render(request, "core/_bell.html", {"unread": notifications.unread_count(request.user)})


@login_required
@require_POST
def notification_read(request):
    """Mark one notification (``id``) or all of them as read, then go where it points."""
    raw = request.POST.get("id")
    if raw is None:
        notifications.mark_read(request.user)
        return redirect("core:notifications")
    try:
        pk = int(raw)
    except ValueError as error:
        raise Http404 from error
    item = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notifications.mark_read(request.user, [item.pk])
    target = item.url if url_has_allowed_host_and_scheme(item.url, None) else ""
    return redirect(target or "core:notifications")
