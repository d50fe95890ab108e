"""Pages under ``/get-help/``: the emergency path, the provider finder, providers' services
and labels, the self-assessment, help requests, the providers' inbox and the demand signals."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core.forms import StepReasonForm
from cyberregions.core.languages import language_name
from cyberregions.core.permissions import member_organisation_ids, require
from cyberregions.geo.models import Region
from cyberregions.organisations.models import Organisation
from cyberregions.taxonomy.models import NistCategory

from . import demand, emergency, permissions, questionnaires, services
from .choices import (
    URGENCY_DEADLINE_HOURS,
    LabelStatus,
    OfferStatus,
    Questionnaire,
    RequestStatus,
    Urgency,
)
from .filtersets import ProviderFilterSet
from .forms import (
    AssessmentForm,
    CloseRequestForm,
    HelpRequestForm,
    LabelForm,
    ProviderProfileForm,
    StartAssessmentForm,
    TriageForm,
)
from .models import (
    Assessment,
    HelpOffer,
    HelpRequest,
    OrganisationLabel,
    ProviderProfile,
    ServiceCategory,
)
from .vocabulary import csirt_for

PAGE_SIZE = 25
RESPONDERS_SHOWN = 10
PROVIDERS_PER_MEASURE = 3


@require_GET
def index(request):
    return render(
        request,
        "gethelp/index.html",
        {
            "categories": ServiceCategory.objects.all(),
            "my_organisations": Organisation.objects.filter(
                pk__in=member_organisation_ids(request.user)
            ).order_by("name"),
            "my_regions": Region.objects.filter(
                pk__in=permissions.coordinated_region_ids(request.user)
            ).order_by("code"),
        },
    )


# Emergency ---------------------------------------------------------------------------------


@require_GET
def emergency_page(request):
    """Step 1 (who, where), step 2 (what), then the result; all GET, nothing stored."""
    form = TriageForm(request.GET or None, initial={"language": get_language()[:2]})
    context = {"form": form, "step": 1}
    if request.GET and form.is_valid():
        data = form.cleaned_data
        context["step"] = 2 if not data.get("what") else 3
        if data.get("what"):
            context.update(emergency_result(data))
    return render(request, "gethelp/emergency.html", context)


def emergency_result(data) -> dict:
    country, region = data["country"], data.get("region")
    language = data.get("language") or ""
    responders = []
    response = ServiceCategory.objects.filter(code="incident_response").first()
    if response is not None:
        responders = list(
            ProviderProfile.objects.finder(
                category=response, country=country, region=region, language=language
            )
            .order_by("proximity", "-available_24_7", "-has_valid_label", "organisation__name")
            .select_related("organisation", "organisation__region", "organisation__country")[
                :RESPONDERS_SHOWN
            ]
        )
    return {
        "steps": emergency.steps_for(data["what"]),
        "obligations": emergency.obligations(data["who"], data["what"]),
        "csirt": csirt_for(country.iso),
        "country": country,
        "region": region,
        "language_name": language_name(language) if language else "",
        "responders": responders,
        "who": data["who"],
        "what": data["what"],
    }


# Providers ---------------------------------------------------------------------------------


@require_GET
def provider_list(request):
    filterset = ProviderFilterSet(request.GET or None, queryset=ProviderProfile.objects.all())
    if filterset.is_bound and not filterset.is_valid():
        rows = ProviderProfile.objects.none()
    else:
        rows = filterset.qs if filterset.is_bound else ProviderProfile.objects.finder()
    page = Paginator(rows.for_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "gethelp/providers.html",
        {"filterset": filterset, "page": page, "query": params.urlencode()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def services_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    require(permissions.can_edit_services(request.user, organisation))
    profile = ProviderProfile.objects.filter(organisation=organisation).first()
    if request.method == "POST":
        form = ProviderProfileForm(request.POST)
        if form.is_valid():
            services.save_provider_profile(request.user, organisation, form.cleaned_data)
            messages.success(request, _("Your services are saved."))
            return redirect("gethelp:services_edit", slug=organisation.slug)
    else:
        form = ProviderProfileForm(initial=ProviderProfileForm.initial_from(profile))
    return render(
        request,
        "gethelp/services_form.html",
        {"form": form, "organisation": organisation, "profile": profile},
    )


# Labels ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def labels_page(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    can_record = permissions.can_record_label(request.user, organisation)
    form = None
    if can_record:
        form = LabelForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.record_label(
                    request.user,
                    organisation,
                    data["label"],
                    valid_from=data["valid_from"],
                    valid_until=data["valid_until"],
                    number=data["number"],
                    evidence_url=data["evidence_url"],
                )
            except services.GetHelpError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The label is sent to your region for verification."))
                return redirect("gethelp:labels", slug=organisation.slug)
    elif request.method == "POST":
        require(False)
    items = [
        item
        for item in OrganisationLabel.objects.filter(organisation=organisation)
        .select_related("label", "organisation")
        .order_by("-valid_until")
        if permissions.can_view_label(request.user, item)
    ]
    rows = [
        {"item": item, "steps": services.LABEL_WORKFLOW.available(request.user, item)}
        for item in items
    ]
    return render(
        request,
        "gethelp/labels.html",
        {"organisation": organisation, "rows": rows, "form": form, "reason_form": StepReasonForm()},
    )


@login_required
@require_POST
def label_step(request, pk, step):
    item = get_object_or_404(OrganisationLabel.objects.select_related("organisation"), pk=pk)
    if step not in services.LABEL_WORKFLOW.transitions:
        raise Http404
    form = StepReasonForm(request.POST)
    form.is_valid()
    try:
        services.LABEL_WORKFLOW.transition(
            request.user, item, step, form.cleaned_data.get("reason", "")
        )
    except services.GetHelpError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, str(services.LABEL_WORKFLOW.transitions[step].done))
    return redirect("gethelp:labels", slug=item.organisation.slug)


# Self-assessment ---------------------------------------------------------------------------


@require_GET
def assessment_start(request):
    return render(
        request,
        "gethelp/assessment_start.html",
        {
            "questionnaires": [
                (key, label, questionnaires.load(key)) for key, label in Questionnaire.choices
            ],
            "form": StartAssessmentForm(),
        },
    )


@require_http_methods(["GET", "POST"])
def assessment_form(request, key):
    if key not in Questionnaire.values:
        raise Http404
    questionnaire = questionnaires.load(key)
    previous = None
    if token := request.GET.get("retake") or request.POST.get("retake"):
        previous = Assessment.objects.filter(token=token, questionnaire=key).first()
    if request.method == "POST":
        form = AssessmentForm(questionnaire, request.POST)
        if form.is_valid():
            assessment = services.save_assessment(
                request.user,
                questionnaire,
                form.answers(),
                country=form.cleaned_data.get("country"),
                region=form.cleaned_data.get("region"),
                previous=previous,
            )
            return redirect(assessment)
    else:
        initial = {}
        if previous is not None:
            initial = {f"q_{k}": v for k, v in previous.answers.items()}
            initial.update(
                country=previous.country.iso if previous.country else None,
                region=previous.region.code if previous.region else None,
            )
        else:
            initial = {k: request.GET[k] for k in ("country", "region") if request.GET.get(k)}
        form = AssessmentForm(questionnaire, initial=initial)
    themes = [
        {
            "key": theme["key"],
            "label": questionnaires.theme_label(theme["key"]),
            "fields": [
                form[f"q_{q['key']}"]
                for q in questionnaire["questions"]
                if q["theme"] == theme["key"]
            ],
        }
        for theme in questionnaire["themes"]
    ]
    return render(
        request,
        "gethelp/assessment_form.html",
        {"form": form, "questionnaire": questionnaire, "themes": themes, "previous": previous},
    )


def assessment_context(assessment: Assessment, user) -> dict:
    from .scoring import score

    questionnaire = questionnaires.load(assessment.questionnaire, assessment.version)
    result = score(questionnaire, assessment.answers)
    questions = {question["key"]: question for question in questionnaire["questions"]}
    nist_codes = {
        code
        for measure in result.measures
        for code in questions[measure.question]["measure"]["nist"]
    }
    nist = {
        category.code: category for category in NistCategory.objects.filter(code__in=nist_codes)
    }
    categories = {category.code: category for category in ServiceCategory.objects.all()}
    # Labelled providers near the respondent for the services of the first measures.
    wanted = []
    for measure in result.measures:
        for code in questions[measure.question]["measure"]["services"]:
            if code not in wanted:
                wanted.append(code)
    providers = {}
    for code in wanted[:PROVIDERS_PER_MEASURE]:
        if code in categories:
            providers[code] = list(
                ProviderProfile.objects.finder(
                    category=categories[code],
                    country=assessment.country,
                    region=assessment.region,
                    labelled=True,
                ).select_related("organisation", "organisation__region")[:PROVIDERS_PER_MEASURE]
            )
    measures = [
        {
            "measure": measure,
            "text": questions[measure.question]["measure"]["text"],
            "question": questions[measure.question]["text"],
            "theme": questionnaires.theme_label(measure.theme),
            "nist": [
                nist.get(code) or code for code in questions[measure.question]["measure"]["nist"]
            ],
            "services": [
                categories[code]
                for code in questions[measure.question]["measure"]["services"]
                if code in categories
            ],
        }
        for measure in result.measures
    ]
    previous = assessment.previous
    themes = [
        {
            "key": theme["key"],
            "label": questionnaires.theme_label(theme["key"]),
            "score": result.themes.get(theme["key"]),
            "bar": int(round((result.themes.get(theme["key"]) or 0) / 10) * 10),
            "before": (previous.theme_scores or {}).get(theme["key"]) if previous else None,
        }
        for theme in questionnaire["themes"]
    ]
    organisations = Organisation.objects.filter(pk__in=member_organisation_ids(user)).order_by(
        "name"
    )
    return {
        "assessment": assessment,
        "questionnaire": questionnaire,
        "result": result,
        "themes": themes,
        "measures": measures,
        "providers": [(categories[code], rows) for code, rows in providers.items()],
        "previous": previous,
        "organisations": organisations,
    }


@require_GET
def assessment_result(request, token):
    assessment = get_object_or_404(
        Assessment.objects.select_related("previous", "country", "region", "organisation"),
        token=token,
    )
    return render(
        request, "gethelp/assessment_result.html", assessment_context(assessment, request.user)
    )


@login_required
@require_POST
def assessment_save(request, token):
    assessment = get_object_or_404(Assessment, token=token)
    organisation = get_object_or_404(Organisation, pk=request.POST.get("organisation") or 0)
    services.save_assessment_to(request.user, assessment, organisation)
    messages.success(
        request, _("The result is saved to %(organisation)s.") % {"organisation": organisation}
    )
    return redirect(assessment)


# Help requests -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def request_new(request):
    if request.method == "POST":
        form = HelpRequestForm(request.POST)
        if form.is_valid():
            help_request, created = services.file_request(
                request.user, form.cleaned_data, form.cleaned_data["submission_key"]
            )
            if created and help_request.status == RequestStatus.ESCALATED:
                messages.warning(
                    request,
                    _(
                        "No provider matches your request right now: it went straight to the "
                        "regional coordinator, who will find help for you."
                    ),
                )
            elif created:
                messages.success(
                    request,
                    _("Your request is sent to %(count)s provider(s).")
                    % {"count": help_request.offers.count()},
                )
            return redirect(help_request)
    else:
        initial = {
            "submission_key": secrets.token_urlsafe(24),
            "language": get_language()[:2],
            "urgency": request.GET.get("urgency") or Urgency.NORMAL,
        }
        for name in ("country", "region", "categories"):
            if request.GET.get(name):
                initial[name] = (
                    request.GET.getlist(name) if name == "categories" else request.GET[name]
                )
        form = HelpRequestForm(initial=initial)
    return render(request, "gethelp/request_form.html", {"form": form})


def _requester_page(request, help_request, close_form=None):
    return render(
        request,
        "gethelp/request_status.html",
        {
            "help_request": help_request,
            "steps": help_request.steps.all(),
            "offers_count": help_request.offers.count(),
            "close_form": close_form or CloseRequestForm(),
            "can_close": help_request.status == RequestStatus.ACCEPTED,
            "can_withdraw": help_request.status in (RequestStatus.ROUTED, RequestStatus.ESCALATED),
            "deadline_hours": URGENCY_DEADLINE_HOURS[help_request.urgency],
        },
    )


def _by_token(token):
    return get_object_or_404(
        HelpRequest.objects.select_related("accepted_by", "region", "country").prefetch_related(
            "categories"
        ),
        token=token,
    )


@require_GET
def request_status(request, token):
    return _requester_page(request, _by_token(token))


@require_POST
def request_step(request, token, step):
    help_request = _by_token(token)
    actor = permissions.Requester(token)
    if step == "close":
        form = CloseRequestForm(request.POST)
        if not form.is_valid():
            return _requester_page(request, help_request, close_form=form)
        params = {"rating": form.cleaned_data["rating"], "comment": form.cleaned_data["comment"]}
    elif step == "withdraw":
        params = {}
    else:
        raise Http404
    try:
        services.REQUEST_WORKFLOW.transition(actor, help_request, step, **params)
    except services.GetHelpError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, str(services.REQUEST_WORKFLOW.transitions[step].done))
    return redirect(help_request)


@login_required
@require_GET
def inbox(request):
    offers = (
        HelpOffer.objects.inbox_of(request.user)
        .select_related("request", "request__region", "request__country", "provider__organisation")
        .prefetch_related("request__categories")
        .order_by("status", "-offered_at")
    )
    region_ids = permissions.coordinated_region_ids(request.user)
    escalated = (
        HelpRequest.objects.filter(region_id__in=region_ids, status=RequestStatus.ESCALATED)
        .select_related("region")
        .prefetch_related("categories")
    )
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "gethelp/inbox.html", {"page": page, "escalated": escalated})


@login_required
@require_GET
def request_detail(request, pk):
    help_request = get_object_or_404(
        HelpRequest.objects.visible_to(request.user)
        .select_related("region", "country", "sector", "accepted_by")
        .prefetch_related(
            "categories",
            Prefetch("offers", queryset=HelpOffer.objects.select_related("provider__organisation")),
        ),
        pk=pk,
    )
    mine = member_organisation_ids(request.user)
    my_offers = [
        offer for offer in help_request.offers.all() if offer.provider.organisation_id in mine
    ]
    # The contact goes to the provider that accepted, and to the region's coordinator once
    # the request is theirs; other providers see the need, not the person.
    shows_contact = help_request.contact_consent and (
        (help_request.accepted_by_id and help_request.accepted_by_id in mine)
        or permissions.can_assign(request.user, help_request)
    )
    return render(
        request,
        "gethelp/request_detail.html",
        {
            "help_request": help_request,
            "my_offers": my_offers,
            "pending": [offer for offer in my_offers if offer.status == OfferStatus.PENDING],
            "shows_contact": shows_contact,
            "all_offers": help_request.offers.all()
            if permissions.can_assign(request.user, help_request)
            else [],
        },
    )


@login_required
@require_POST
def offer_answer(request, pk, answer):
    offer = get_object_or_404(HelpOffer.objects.select_related("request", "provider"), pk=pk)
    require(permissions.can_answer_offer(request.user, offer))
    try:
        if answer == "accept":
            services.accept_offer(request.user, offer)
            messages.success(request, str(services.REQUEST_WORKFLOW.transitions["accept"].done))
        elif answer == "decline":
            services.decline_offer(request.user, offer, request.POST.get("reason", ""))
            messages.info(request, _("You declined the request."))
        else:
            raise Http404
    except services.GetHelpError as error:
        messages.error(request, str(error))
    return redirect("gethelp:request_detail", pk=offer.request_id)


# Demand signals ----------------------------------------------------------------------------


@login_required
@require_GET
def demand_page(request, code):
    region = get_object_or_404(Region, code=code)
    require(permissions.can_view_demand(request.user, region))
    return render(
        request,
        "gethelp/demand.html",
        {
            "region": region,
            "by_category": demand.requests_by_category(region),
            "urgencies": Urgency.choices,
            "weakest": demand.weakest_themes(region),
            "needs": demand.needs_by_sector(region),
            "served": demand.served_from_elsewhere(region),
            "statuses": [
                (label, count)
                for (status, label), count in zip(
                    RequestStatus.choices, demand.status_counts(region).values(), strict=True
                )
            ],
            "min_count": demand.MIN_COUNT,
            "label_statuses": LabelStatus,
        },
    )


# Public buyers' needs ----------------------------------------------------------------------


@require_GET
def need_list(request):
    from cyberregions.taxonomy.models import Sector

    from .choices import NeedStatus
    from .models import BuyerNeed

    needs = (
        BuyerNeed.objects.filter(status=NeedStatus.OPEN)
        .select_related("organisation", "organisation__region", "sector")
        .prefetch_related("categories")
    )
    sector = Sector.objects.filter(code=request.GET.get("sector") or "").first()
    if request.GET.get("sector") and sector is None:
        messages.error(request, _("Unknown sector: showing every sector."))
    if sector is not None:
        needs = needs.filter(sector=sector)
    mine = Organisation.objects.filter(pk__in=member_organisation_ids(request.user)).order_by(
        "name"
    )
    return render(
        request,
        "gethelp/needs.html",
        {
            "page": Paginator(needs, PAGE_SIZE).get_page(request.GET.get("page")),
            "sectors": Sector.objects.all(),
            "sector": sector,
            "buyers": [org for org in mine if permissions.can_publish_need(request.user, org)],
            "followers": mine,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def need_new(request, slug):
    from .forms import BuyerNeedForm

    organisation = get_object_or_404(Organisation, slug=slug)
    require(permissions.can_publish_need(request.user, organisation))
    form = BuyerNeedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.publish_need(request.user, organisation, form.cleaned_data)
        messages.success(
            request, _("The need is published; providers following its sector are told.")
        )
        return redirect("gethelp:needs")
    return render(request, "gethelp/need_form.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def need_close(request, pk):
    from .models import BuyerNeed

    need = get_object_or_404(BuyerNeed.objects.select_related("organisation"), pk=pk)
    services.close_need(request.user, need)
    messages.success(request, _("The need is closed."))
    return redirect("gethelp:needs")


@login_required
@require_http_methods(["GET", "POST"])
def follow_sectors(request, slug):
    from .forms import FollowSectorsForm
    from .models import SectorFollow

    organisation = get_object_or_404(Organisation, slug=slug)
    require(permissions.can_follow_sectors(request.user, organisation))
    if request.method == "POST":
        form = FollowSectorsForm(request.POST)
        if form.is_valid():
            services.follow_sectors(request.user, organisation, list(form.cleaned_data["sectors"]))
            messages.success(request, _("Your followed sectors are saved."))
            return redirect("gethelp:needs")
    else:
        form = FollowSectorsForm(
            initial={
                "sectors": list(
                    SectorFollow.objects.filter(organisation=organisation).values_list(
                        "sector_id", flat=True
                    )
                )
            }
        )
    return render(
        request, "gethelp/follow_sectors.html", {"form": form, "organisation": organisation}
    )
