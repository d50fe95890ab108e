from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core import task_runs
from cyberregions.core.permissions import require
from cyberregions.core.throttles import anonymous_export_rate_limit

from . import exporters, permissions, services, skos, template_files
from . import tasks as import_tasks
from .choices import ImportSource, ImportStatus
from .columns import IMPORT_COLUMNS
from .exports import ORGANISATIONS
from .forms import ImportConfirmForm, ImportUploadForm
from .models import OrganisationImport
from .readers import FileRefused

LICENCE = getattr(
    settings,
    "OPEN_DATA_LICENCE",
    {
        "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    },
)
RECENT_IMPORTS = 10


def licence_statement() -> str:
    return _(
        "Published by the cyberregions platform under the %(licence)s licence: you may reuse "
        "it, also commercially, if you credit “cyberregions” and link to the licence."
    ) % {"licence": LICENCE["name"]}


@require_GET
def index(request):
    can_import = permissions.can_import_organisations(request.user)
    imports = (
        OrganisationImport.objects.visible_to(request.user).select_related("region", "created_by")[
            :RECENT_IMPORTS
        ]
        if can_import
        else []
    )
    context = {
        "licence": LICENCE,
        "licence_statement": licence_statement(),
        "can_import": can_import,
        "imports": imports,
    }
    return render(request, "dataio/index.html", context)


# Import --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    require(permissions.can_import_organisations(request.user))
    form = ImportUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            record, _plan = services.preview_import(
                request.user,
                filename=upload.name,
                data=upload.read(),
                region=form.cleaned_data["region"],
                encoding=form.cleaned_data["encoding"],
                source=ImportSource.UPLOAD,
            )
        except (FileRefused, services.ImportRefused) as error:
            form.add_error("file", str(error.message))
        else:
            return redirect(record)
    return render(request, "dataio/import_form.html", {"form": form, "columns": IMPORT_COLUMNS})


@require_GET
def import_template(request, fmt):
    stamp = "cyberregions-organisations-template"
    if fmt == "csv":
        response = HttpResponse(
            template_files.template_csv(), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            template_files.template_xlsx(), content_type=exporters.CONTENT_TYPES["xlsx"]
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{stamp}.{fmt}"'
    return response


def _own_import(request, pk) -> OrganisationImport:
    record = get_object_or_404(
        OrganisationImport.objects.visible_to(request.user).select_related("region", "created_by"),
        pk=pk,
    )
    require(permissions.can_see_import(request.user, record))
    return record


@login_required
@require_GET
def import_detail(request, pk):
    record = _own_import(request, pk)
    return render(
        request,
        "dataio/import_detail.html",
        {"record": record, "report": record.report, "form": ImportConfirmForm()},
    )


@login_required
@require_POST
def import_confirm(request, pk):
    """Start the import as a background task and follow it on its progress page.

    What the preview already knows is refused here at once (a closed import, errors without
    "only the valid rows"); the task checks the file against the atlas again before writing."""
    record = _own_import(request, pk)
    require(permissions.can_import_organisations(request.user, record.region_id))
    form = ImportConfirmForm(request.POST)
    only_valid = form.is_valid() and form.cleaned_data["only_valid"]
    running = task_runs.unfinished(import_tasks.KIND, arguments__import_id=record.pk)
    if running is not None:
        return redirect("tasks:detail", pk=running.pk)
    refusal = None
    if record.status != ImportStatus.PREVIEWED:
        refusal = _("This import is already closed.")
    elif record.error_count and not only_valid:
        refusal = _(
            "The file has errors, so nothing was imported. Correct them, or import only "
            "the valid rows."
        )
    if refusal:
        messages.error(request, refusal)
        return render(
            request,
            "dataio/import_detail.html",
            {"record": record, "report": record.report, "form": form},
            status=409,
        )
    run = import_tasks.start_confirm(request.user, record, only_valid=only_valid)
    return redirect("tasks:detail", pk=run.pk)


@login_required
@require_POST
def import_discard(request, pk):
    record = _own_import(request, pk)
    try:
        services.discard_import(request.user, record)
    except services.ImportRefused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The file has been discarded; nothing was imported."))
    return redirect("dataio:import_upload")


# Exports of list pages -----------------------------------------------------------------------


@require_GET
@anonymous_export_rate_limit
def export_list(request, name, fmt):
    export = exporters.REGISTRY.get(name)
    if export is None or fmt not in exporters.FORMATS:
        raise Http404
    require(export.allowed(request.user))
    try:
        queryset = exporters.filtered_queryset(export, request.GET, request.user)
    except exporters.InvalidFilters as error:
        # The shape of the API's validation errors: field name → messages.
        return JsonResponse(dict(error.errors), status=400)
    return exporters.response(export, queryset, fmt)


# Open data -----------------------------------------------------------------------------------


def _licence_link(response):
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    return response


@require_GET
@anonymous_export_rate_limit
def open_atlas(request, fmt):
    if fmt not in ("csv", "json"):
        raise Http404
    # What a visitor sees, whoever asks: open data is the public atlas.
    queryset = exporters.filtered_queryset(ORGANISATIONS, {}, AnonymousUser())
    meta = None
    if fmt == "json":
        meta = {
            "title": str(ORGANISATIONS.title),
            "url": request.build_absolute_uri(),
            "licence": LICENCE,
            "rights": licence_statement(),
            "generated": timezone.now().isoformat(timespec="seconds"),
        }
    response = exporters.response(
        ORGANISATIONS, queryset, fmt, filename="cyberregions-atlas", bom=False, meta=meta
    )
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    return _licence_link(response)


@require_GET
def open_vocabularies(request, fmt):
    base = request.build_absolute_uri("/").rstrip("/")
    schemes = skos.load_schemes()
    if fmt == "ttl":
        body = skos.turtle(schemes, base, LICENCE["url"])
        response = HttpResponse(body, content_type="text/turtle; charset=utf-8")
    elif fmt == "jsonld":
        response = JsonResponse(
            skos.json_ld(schemes, base, LICENCE["url"]),
            content_type="application/ld+json",
            json_dumps_params={"ensure_ascii": False, "indent": 1},
        )
    else:
        raise Http404
    return _licence_link(response)
