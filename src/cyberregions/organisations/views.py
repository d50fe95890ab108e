from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cyberregions.core import audit
from cyberregions.core.concurrency import StaleVersion
from cyberregions.core.permissions import require
from cyberregions.geo.models import Region
from cyberregions.geo.names import country_name

from . import permissions, search, services
from .choices import ActorType, ClaimStatus, ItemKind, SizeClass, Status
from .filtersets import SORT_LABELS, OrganisationFilterSet, compute_facets, effective_sort
from .forms import ClaimDecisionForm, ClaimRequestForm, ContactForm, OrganisationForm
from .models import ClaimRequest, Contact, OfferOrNeed, Organisation
from .querysets import counted_condition

PAGE_SIZE = 25
# Fewer results than this make the list offer a spelling suggestion.
FEW_RESULTS = 3
MAP_POINT_LIMIT = 10_000


@require_GET
def home(request):
    territories = (
        Region.objects.filter(is_partner_territory=True)
        .select_related("country")
        .annotate(
            organisation_count=Count("organisations", filter=counted_condition("organisations__"))
        )
        .order_by("name")
    )
    totals = Organisation.objects.counted().aggregate(
        organisations=Count("id"),
        countries=Count("country", distinct=True),
        companies=Count("id", filter=Q(core_business=True, actor_type__in=["sme", "large"])),
    )
    return render(request, "core/home.html", {"territories": territories, "totals": totals})


def _filtered(request):
    return OrganisationFilterSet(
        request.GET, queryset=Organisation.objects.visible_to(request.user)
    )


@require_GET
def organisation_list(request):
    filterset = _filtered(request)
    # htmx names the search box when it sends the request as one types: its last word is
    # still being typed and matches as a prefix.
    filterset.typing = request.headers.get("HX-Trigger-Name") == "q"
    number = _requested_page(request)
    query = None
    if filterset.is_valid():
        window = ((number - 1) * PAGE_SIZE, PAGE_SIZE)
        facets = compute_facets(request.GET, filterset.queryset, filterset, window=window)
        panels = [
            {"name": name, "label": filterset.filters[name].label, "entries": entries}
            for name, entries in facets.facets.items()
        ]
        paginator = KnownCountPaginator(
            _Deferred(lambda: filterset.qs.for_list()), PAGE_SIZE, count=facets.total
        )
        page = paginator.get_page(number)
        query = filterset.parsed_query()
        if page.number == number and facets.window_ids is not None:
            # The facet statement already chose this page: read its rows by primary key.
            page.object_list = _in_order(filterset.queryset.for_list(), facets.window_ids)
        elif query.searchable and effective_sort(request.GET) == "relevance":
            # Another page than the one asked for (past the end): ranked as well.
            ids = search.ranked_ids(
                filterset.qs, query, filterset.search_scope(), page.start_index() - 1, PAGE_SIZE
            )
            page.object_list = _in_order(filterset.queryset.for_list(), ids)
        page.object_list = _with_choice_labels(page.object_list)
        if query.searchable:
            search.add_snippets(page.object_list, query, filterset.search_scope())
    else:
        panels = []
        page = Paginator(Organisation.objects.none(), PAGE_SIZE).get_page(1)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filterset": filterset,
        "page": page,
        "facets": panels,
        "query_string": params.urlencode(),
        "sort_labels": {
            value: label
            for value, label in SORT_LABELS.items()
            if value != "relevance" or (query and query.searchable)
        },
        "current_sort": effective_sort(request.GET),
        "search_notes": query.notes if query else [],
        "suggestion": _suggestion(filterset, query, page),
        "can_create": permissions.can_create_organisation(request.user),
    }
    template = (
        "organisations/_results.html"
        if request.headers.get("HX-Request")
        else "organisations/list.html"
    )
    return render(request, template, context)


def _suggestion(filterset, query, page) -> str | None:
    """ "Did you mean" when a search finds nothing or little."""
    if query is None or not query.searchable or page.paginator.count >= FEW_RESULTS:
        return None
    scope = filterset.search_scope()
    base = filterset.queryset
    return search.suggestion(query, lambda text: search.filter_queryset(base, text, scope).count())


def _requested_page(request) -> int:
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except (TypeError, ValueError):
        return 1


def _with_choice_labels(organisations) -> list:
    """Each row's actor type, size class and status labels, looked up in one dict per field:
    ``get_FOO_display`` rebuilds and hashes every choice (and translates each) per call."""
    labels = {
        field: dict(choices)
        for field, choices in (
            ("actor_type", ActorType.choices),
            ("size_class", SizeClass.choices),
            ("status", Status.choices),
        )
    }
    organisations = list(organisations)
    for organisation in organisations:
        for field, names in labels.items():
            value = getattr(organisation, field)
            setattr(organisation, f"{field}_label", names.get(value, value))
    return organisations


def _in_order(queryset, ids: list[int]) -> list:
    if not ids:
        return []
    by_id = queryset.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


class _Deferred:
    """A result list built only when read: when the facet statement already chose the
    page's ids, building the filtered queryset (a dozen clones) is wasted work."""

    def __init__(self, build):
        self.build = build

    def __getitem__(self, item):
        return _Deferred(lambda: self.build()[item])

    def __iter__(self):
        return iter(self.build())


class KnownCountPaginator(Paginator):
    """A paginator told the number of results, which the facet query already counted."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


@require_GET
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.visible_to(request.user)
        .select_related("country", "region")
        .prefetch_related(
            "domains",
            "sectors",
            "technologies",
            "nist_functions",
            Prefetch(
                "items",
                queryset=OfferOrNeed.objects.prefetch_related("domains", "sectors", "technologies"),
            ),
        ),
        slug=slug,
    )
    private = permissions.can_see_private_contacts(request.user, organisation)
    contacts = Contact.objects.visible_to(request.user).filter(organisation=organisation)
    items = list(organisation.items.all())
    can_change = permissions.can_change_organisation(request.user, organisation)
    context = {
        "organisation": organisation,
        "contacts": contacts,
        "offers": [item for item in items if item.kind == ItemKind.OFFER],
        "needs": [item for item in items if item.kind == ItemKind.NEED],
        "can_change": can_change,
        "can_claim": permissions.can_request_claim(request.user, organisation),
        "show_private": private,
        "history": audit.history(organisation)[:20] if can_change else [],
        "pending_claims": (
            organisation.claims.filter(status=ClaimStatus.PENDING).select_related("user")
            if permissions.can_decide_claim(request.user, ClaimRequest(organisation=organisation))
            else []
        ),
    }
    return render(request, "organisations/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    require(permissions.can_create_organisation(request.user))
    form = OrganisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = services.create_organisation(request.user, _form_data(form))
        messages.success(request, _("The organisation has been added to the atlas."))
        return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": None})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug):
    organisation = _organisation_to_change(request, slug)
    form = OrganisationForm(request.POST or None, instance=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        fresh = Organisation.objects.get(pk=organisation.pk)
        try:
            services.update_organisation(
                request.user, fresh, _form_data(form), expected_version=form.expected_version
            )
        except StaleVersion as error:
            form.refuse_stale(error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(fresh)
    return render(request, "organisations/form.html", {"form": form, "organisation": organisation})


def _organisation_to_change(request, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    require(permissions.can_change_organisation(request.user, organisation))
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def contact_list(request, slug):
    """The organisation's contacts, public or not, and a form to add one."""
    organisation = _organisation_to_change(request, slug)
    return _contact_form(request, Contact(organisation=organisation))


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request, slug, pk):
    organisation = _organisation_to_change(request, slug)
    return _contact_form(request, get_object_or_404(Contact, pk=pk, organisation=organisation))


def _contact_form(request, contact: Contact):
    organisation = contact.organisation
    # The form writes into its instance while validating; the service compares with the
    # contact as stored.
    form = ContactForm(request.POST or None, instance=copy(contact))
    if request.method == "POST" and form.is_valid():
        services.save_contact(request.user, contact, form.cleaned_data)
        messages.success(request, _("The contact has been saved."))
        return redirect("organisations:contacts", organisation.slug)
    context = {"organisation": organisation, "form": form}
    if contact.pk:
        context["contact"] = contact
    else:
        context["contacts"] = organisation.contacts.order_by("name", "id")
    return render(request, "organisations/contacts.html", context)


@login_required
@require_http_methods(["POST"])
def contact_delete(request, slug, pk):
    organisation = _organisation_to_change(request, slug)
    contact = get_object_or_404(Contact, pk=pk, organisation=organisation)
    services.delete_contact(request.user, contact)
    messages.success(request, _("The contact has been deleted."))
    return redirect("organisations:contacts", organisation.slug)


def _form_data(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.cleaned_data}


@login_required
@require_http_methods(["GET", "POST"])
def organisation_claim(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    require(permissions.can_request_claim(request.user, organisation))
    form = ClaimRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_claim(request.user, organisation, form.cleaned_data["message"])
        except services.ClaimError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your request has been sent to the region's coordinator."))
        return redirect(organisation)
    return render(request, "organisations/claim.html", {"form": form, "organisation": organisation})


@login_required
@require_GET
def claim_list(request):
    claims = ClaimRequest.objects.visible_to(request.user).select_related(
        "organisation", "user", "organisation__region"
    )
    return render(request, "organisations/claims.html", {"claims": claims[:200]})


@login_required
@require_http_methods(["GET", "POST"])
def claim_decide(request, pk):
    claim = get_object_or_404(ClaimRequest.objects.select_related("organisation", "user"), pk=pk)
    require(permissions.can_decide_claim(request.user, claim))
    form = ClaimDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accept":
                services.accept_claim(request.user, claim, form.cleaned_data["reason"])
                messages.success(request, _("The request has been accepted."))
            else:
                services.refuse_claim(request.user, claim, form.cleaned_data["reason"])
                messages.success(request, _("The request has been refused."))
        except services.ClaimError as error:
            messages.error(request, str(error))
        return redirect("organisations:claims")
    return render(request, "organisations/claim_decide.html", {"form": form, "claim": claim})


# What the map lists as its active filters (the search's scope and the order are not filters).
MAP_FILTER_FIELDS = ("q", "country", "region", "actor_type", "size_class", "status")
MAP_FILTER_FIELDS += ("core_business", "domain", "sector", "technology")


def _active_filters(filterset) -> list[dict]:
    """Each filter in use with its label and its values' labels, in the reader's language."""
    if not filterset.is_valid():
        return []
    active = []
    for name in MAP_FILTER_FIELDS:
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        field = filterset.form.fields[name]
        labels = {str(key): str(text) for key, text in getattr(field, "choices", [])}
        values = value if isinstance(value, list | tuple) else [value]
        active.append(
            {
                "label": str(filterset.filters[name].label),
                "values": [labels.get(str(item), str(item)) for item in values],
            }
        )
    return active


@require_GET
def organisation_map(request):
    filterset = _filtered(request)
    queryset = filterset.qs.order_by() if filterset.is_valid() else Organisation.objects.none()
    countries = [
        {**row, "country__name": country_name(row["country__iso"], row["country__name"])}
        for row in queryset.values("country__iso", "country__name")
        .annotate(n=Count("id"))
        .order_by("-n")
    ]
    territories = (
        queryset.filter(region__isnull=False)
        .values("region__code", "region__name")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    context = {
        "filterset": filterset,
        "query_string": request.GET.urlencode(),
        "countries": countries,
        "territories": territories,
        "active_filters": _active_filters(filterset),
    }
    return render(request, "organisations/map.html", context)


@require_GET
def organisation_map_data(request):
    """Bubbles per partner territory and per country, and individual points up to a limit."""
    filterset = _filtered(request)
    if not filterset.is_valid():
        return JsonResponse({"errors": filterset.errors}, status=400)
    queryset = filterset.qs.order_by()
    regions = [
        {
            "code": row["region__code"],
            "name": row["region__name"],
            "lat": row["region__latitude"],
            "lon": row["region__longitude"],
            "count": row["n"],
        }
        for row in queryset.filter(region__isnull=False)
        .values("region__code", "region__name", "region__latitude", "region__longitude")
        .annotate(n=Count("id"))
    ]
    # "name" matches the map's (English) country shapes; "label" is what the reader reads.
    countries = [
        {
            "code": row["country__iso"],
            "name": row["country__name"],
            "label": country_name(row["country__iso"], row["country__name"]),
            "count": row["n"],
        }
        for row in queryset.values("country__iso", "country__name").annotate(n=Count("id"))
    ]
    points_qs = queryset.filter(latitude__isnull=False, longitude__isnull=False)
    points = [
        [round(lon, 4), round(lat, 4), name, slug, actor_type]
        for lon, lat, name, slug, actor_type in points_qs.values_list(
            "longitude", "latitude", "name", "slug", "actor_type"
        )[:MAP_POINT_LIMIT]
    ]
    total = sum(country["count"] for country in countries)
    return JsonResponse(
        {
            "total": total,
            "regions": regions,
            "countries": countries,
            "points": points,
            "points_truncated": total > len(points) and len(points) == MAP_POINT_LIMIT,
        }
    )
