"""Pages of the good-practice library: list, detail, editing, workflow, exchange, print/PDF,
attachments, transferability and the open-data export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core.forms import StepReasonForm
from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_authenticated,
    is_coordinator,
    is_programme_staff,
    require,
)
from cyberregions.core.throttles import anonymous_export_rate_limit
from cyberregions.core.uploads import CONTENT_TYPES
from cyberregions.geo.models import Region

from . import exports, permissions, services
from .choices import Action
from .filtersets import SORT_LABELS, PracticeFilterSet
from .forms import (
    AttachmentForm,
    CommentForm,
    FigureFormSet,
    InterestForm,
    PracticeForm,
    choosable_organisations,
    figure_rows,
)
from .models import Attachment, Comment, Interest, Practice, PracticeFigure, Transition

PAGE_SIZE = 24
VIEWS = ("cards", "table")


def _filtered(request, queryset):
    return PracticeFilterSet(request.GET, queryset=queryset)


@require_GET
def practice_list(request):
    filterset = _filtered(request, Practice.objects.visible_to(request.user))
    if filterset.is_valid():
        queryset = filterset.qs.for_list()
        if "sort" not in request.GET:
            queryset = queryset.order_by("title", "id")
    else:
        queryset = Practice.objects.none()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    view_mode = request.GET.get("view") if request.GET.get("view") in VIEWS else "cards"
    switch = params.copy()
    switch.pop("view", None)
    context = {
        "filterset": filterset,
        "page": page,
        "query_string": params.urlencode(),
        "switch_query": switch.urlencode(),
        "view_mode": view_mode,
        "sort_labels": SORT_LABELS,
        "current_sort": request.GET.get("sort", "title"),
        "can_create": permissions.can_create_practice(request.user),
        "sees_unpublished": is_programme_staff(request.user) or is_coordinator(request.user),
        "export_query": _export_query(request),
    }
    return render(request, "practices/list.html", context)


def _export_query(request) -> str:
    params = request.GET.copy()
    for name in ("page", "view", "status"):
        params.pop(name, None)
    return params.urlencode()


def _visible(request, slug, queryset=None):
    queryset = queryset if queryset is not None else Practice.objects.all()
    return get_object_or_404(queryset.visible_to(request.user), slug=slug)


def _detail_queryset():
    return Practice.objects.select_related(
        "region", "region__country", "main_institution", "author", "validated_by"
    ).prefetch_related(
        "barriers",
        "domains",
        Prefetch("other_organisations"),
        Prefetch("figures", queryset=PracticeFigure.objects.order_by("position", "id")),
        Prefetch("attachments", queryset=Attachment.objects.order_by("uploaded_at", "id")),
    )


@require_GET
def practice_detail(request, slug):
    practice = _visible(request, slug, _detail_queryset())
    user = request.user
    owner = permissions.owns_practice(user, practice)
    history_allowed = permissions.can_see_practice_history(user, practice)
    context = {
        "practice": practice,
        "owner": owner,
        "can_edit": permissions.can_edit_practice(user, practice),
        "actions": [
            (action, Action(action).label) for action in services.allowed_actions(user, practice)
        ],
        "show_contact": permissions.can_see_practice_contact(user, practice),
        "comments": Comment.objects.filter(practice=practice).select_related("author"),
        "can_comment": permissions.can_comment_on_practice(user, practice),
        "comment_form": CommentForm(owner=owner),
        "can_express_interest": permissions.can_express_interest(user, practice),
        "my_interests": (
            Interest.objects.filter(practice=practice, user=user).select_related("region")
            if is_authenticated(user)
            else []
        ),
        "interests": (
            Interest.objects.filter(practice=practice).select_related("region", "user")
            if permissions.can_see_practice_interests(user, practice)
            else None
        ),
        "transitions": (
            Transition.objects.filter(practice=practice).select_related("actor")
            if history_allowed
            else None
        ),
        "investigations": practice.investigations.visible_to(user).select_related("host_region"),
        "attachment_form": AttachmentForm() if owner and practice.is_editable_state else None,
        # Action plans (a later app) cite practices through ``citations``; shown once it exists.
        "citations": list(practice.citations.all()) if hasattr(practice, "citations") else None,
    }
    return render(request, "practices/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def practice_create(request):
    require(permissions.can_create_practice(request.user))
    form = PracticeForm(request.POST or None, user=request.user)
    figures = FigureFormSet(
        request.POST or None, queryset=PracticeFigure.objects.none(), prefix="figures"
    )
    if request.method == "POST" and form.is_valid() and figures.is_valid():
        practice = services.create_practice(request.user, _data(form), figure_rows(figures))
        messages.success(request, _("The practice has been saved as a draft."))
        return redirect(practice)
    return render(
        request, "practices/form.html", {"form": form, "figures": figures, "practice": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request, slug):
    practice = _visible(request, slug)
    require(permissions.can_edit_practice(request.user, practice))
    form = PracticeForm(request.POST or None, instance=practice, user=request.user)
    figures = FigureFormSet(
        request.POST or None, queryset=practice.figures.order_by("position"), prefix="figures"
    )
    if request.method == "POST" and form.is_valid() and figures.is_valid():
        fresh = Practice.objects.get(pk=practice.pk)
        services.update_practice(request.user, fresh, _data(form), figure_rows(figures))
        messages.success(request, _("Your changes have been saved."))
        return redirect(fresh)
    return render(
        request, "practices/form.html", {"form": form, "figures": figures, "practice": practice}
    )


def _data(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.cleaned_data}


@login_required
@require_http_methods(["GET", "POST"])
def practice_transition(request, slug, action):
    practice = _visible(request, slug)
    rule = services.TRANSITIONS.get(action)
    if rule is None:
        raise Http404
    require(rule.allowed(request.user, practice))
    form = StepReasonForm(request.POST or None, needs_reason=rule.needs_reason)
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(request.user, practice, action, form.cleaned_data["reason"])
        except services.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(rule.done))
        return redirect(practice)
    context = {
        "practice": practice,
        "form": form,
        "action": action,
        "action_label": Action(action).label,
        "possible": practice.status in rule.sources,
    }
    return render(request, "practices/transition.html", context)


# Printing ----------------------------------------------------------------------------------


def _print_context(request, practice, for_pdf=False) -> dict:
    return {
        "practice": practice,
        "show_contact": permissions.can_see_practice_contact(request.user, practice),
        "for_pdf": for_pdf,
        "page_url": request.build_absolute_uri(practice.get_absolute_url()),
    }


@require_GET
def practice_print(request, slug):
    practice = _visible(request, slug, _detail_queryset())
    return render(request, "practices/print.html", _print_context(request, practice))


def pdf_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


@require_GET
def practice_pdf(request, slug):
    """The printable page as PDF, through WeasyPrint; without it, the printable page itself
    (the browser prints it to PDF with the print stylesheet)."""
    practice = _visible(request, slug, _detail_queryset())
    if not pdf_available():
        messages.info(request, _("PDF export is not installed here: use your browser's print."))
        return redirect("practices:print", slug=practice.slug)
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "practices/print.html", _print_context(request, practice, for_pdf=True), request
    )
    # Nothing is fetched: no network, no file system; the stylesheet is read here.
    fetcher = URLFetcher(allowed_protocols=("data",), timeout=1)
    stylesheet = CSS(filename=finders.find("practices/print.css"), url_fetcher=fetcher)
    pdf = HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[stylesheet])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{practice.slug}.pdf"'
    return response


# Attachments -------------------------------------------------------------------------------


@login_required
@require_POST
def attachment_upload(request, slug):
    practice = _visible(request, slug)
    require(permissions.can_manage_practice_attachments(request.user, practice))
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(
                request.user, practice, form.cleaned_data["file"], form.cleaned_data["title"]
            )
        except services.AttachmentRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The file has been attached."))
    else:
        messages.error(request, _("Choose a file to attach."))
    return redirect(practice)


@require_GET
def attachment_download(request, slug, pk):
    """Served through this view only, to those who may see the practice: never as a public
    static file."""
    practice = _visible(request, slug)
    attachment = get_object_or_404(Attachment, pk=pk, practice=practice)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.name,
        content_type=CONTENT_TYPES[attachment.kind],
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def attachment_delete(request, slug, pk):
    practice = _visible(request, slug)
    attachment = get_object_or_404(Attachment, pk=pk, practice=practice)
    services.delete_attachment(request.user, attachment)
    messages.success(request, _("The file has been removed."))
    return redirect(practice)


# Exchange ----------------------------------------------------------------------------------


@login_required
@require_POST
def comment_add(request, slug):
    practice = _visible(request, slug)
    require(permissions.can_comment_on_practice(request.user, practice))
    form = CommentForm(request.POST, owner=permissions.owns_practice(request.user, practice))
    if form.is_valid():
        try:
            services.add_comment(
                request.user, practice, form.cleaned_data["body"], form.cleaned_data["kind"]
            )
        except services.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: the practice's owners have been told."))
    else:
        messages.error(request, _("Write your question or comment, then send it."))
    return redirect(f"{practice.get_absolute_url()}#exchange")


@login_required
@require_http_methods(["GET", "POST"])
def interest(request, slug):
    practice = _visible(request, slug)
    require(permissions.can_express_interest(request.user, practice))
    form = InterestForm(request.POST or None, user=request.user, practice=practice)
    if request.method == "POST" and form.is_valid():
        try:
            services.express_interest(
                request.user,
                practice,
                form.cleaned_data["region"],
                form.cleaned_data["message"],
                consent=form.cleaned_data["consent"],
            )
        except services.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The practice's owners know that you are interested."))
        return redirect(practice)
    return render(request, "practices/interest.html", {"practice": practice, "form": form})


@login_required
@require_POST
def interest_withdraw(request, slug, pk):
    practice = _visible(request, slug)
    item = get_object_or_404(Interest, pk=pk, practice=practice)
    services.withdraw_interest(request.user, item)
    messages.success(request, _("Your interest has been withdrawn."))
    return redirect(practice)


# Transferability ---------------------------------------------------------------------------


@login_required
@require_GET
def transferability(request):
    require(permissions.can_view_transferability(request.user))
    regions = Region.objects.filter(is_partner_territory=True).order_by("name")
    if not is_programme_staff(request.user):
        regions = regions.filter(pk__in=coordinated_region_ids(request.user))
    code = request.GET.get("region")
    region = None
    if code:
        region = regions.filter(code=code).first()
        if region is None:
            raise Http404
    elif len(options := list(regions[:2])) == 1:
        region = options[0]
    result = services.transferability(region) if region else None
    return render(
        request,
        "practices/transferability.html",
        {"regions": regions, "region": region, "result": result},
    )


# Open data ---------------------------------------------------------------------------------


@require_GET
@anonymous_export_rate_limit
def export_json(request):
    return exports.open_data_response(request, "json")


@require_GET
@anonymous_export_rate_limit
def export_csv(request):
    # The shared exporter: its cells never start a formula, list items included.
    return exports.open_data_response(request, "csv")


AUTOCOMPLETE_LIMIT = 20


@login_required
@require_GET
def organisation_choices(request):
    """Organisations whose name contains ``q`` (two letters or more) among those the user may
    name on a practice, for the form's autocomplete: ``{"results": [{id, name, region}]}``."""
    require(permissions.can_create_practice(request.user))
    query = request.GET.get("q", "").strip()
    results = []
    if len(query) >= 2:
        rows = (
            choosable_organisations(request.user)
            .filter(name__icontains=query)
            .select_related("region")
            .only("id", "name", "region__name")
            .order_by("name", "id")[:AUTOCOMPLETE_LIMIT]
        )
        results = [
            {"id": row.pk, "name": row.name, "region": row.region.name if row.region else ""}
            for row in rows
        ]
    return JsonResponse({"results": results})
