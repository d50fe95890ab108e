"""Pages of the demand side (declared needs, vacancies), the indicators per region, country
and the EU, and the matching of a region's gaps with courses and practices elsewhere."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core.permissions import is_authenticated, require
from cyberregions.geo.models import Region
from cyberregions.plans import permissions as plan_permissions
from cyberregions.plans import services as plan_services
from cyberregions.plans.models import ActionPlan
from cyberregions.practices.models import Practice

from . import aggregates, matching, permissions, services
from .filtersets import NeedFilterSet, VacancyFilterSet
from .forms import NeedForm, VacancyForm
from .models import Course, SkillsNeed, Vacancy

PAGE_SIZE = 30


def editable_count(user, model) -> bool:
    from cyberregions.organisations.models import Organisation

    return is_authenticated(user) and Organisation.objects.editable_by(user).exists()


# Vacancies -------------------------------------------------------------------------------------


@require_GET
def vacancy_list(request):
    base = Vacancy.objects.open()
    filterset = VacancyFilterSet(request.GET, queryset=base)
    queryset = filterset.qs if filterset.is_valid() else Vacancy.objects.none()
    queryset = queryset.select_related("organisation", "region", "profile").order_by(
        "closing_date", "id"
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "skills/vacancy_list.html",
        {
            "filterset": filterset,
            "page": page,
            "query": params.urlencode(),
            "can_add": editable_count(request.user, Vacancy),
        },
    )


def _vacancy_or_404(request, pk) -> Vacancy:
    vacancy = get_object_or_404(
        Vacancy.objects.select_related("organisation", "region", "profile"), pk=pk
    )
    if not permissions.can_view_vacancy(request.user, vacancy):
        raise Http404
    return vacancy


@require_GET
def vacancy_detail(request, pk):
    vacancy = _vacancy_or_404(request, pk)
    return render(
        request,
        "skills/vacancy_detail.html",
        {"vacancy": vacancy, "can_change": permissions.can_change_demand(request.user, vacancy)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def vacancy_create(request):
    form = VacancyForm(request.POST if request.method == "POST" else None, user=request.user)
    require(form.fields["organisation"].queryset.exists())
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.publish_vacancy(request.user, dict(form.cleaned_data))
        except (services.CourseError, ValidationError) as error:
            form.add_error(None, getattr(error, "messages", [str(error)]))
        else:
            messages.success(request, _("The vacancy is published."))
            return redirect(vacancy)
    return render(request, "skills/demand_form.html", {"form": form, "kind": "vacancy"})


@login_required
@require_POST
def vacancy_withdraw(request, pk):
    vacancy = _vacancy_or_404(request, pk)
    services.withdraw_vacancy(request.user, vacancy)
    messages.success(request, _("The vacancy is withdrawn."))
    return redirect("skills:vacancies")


# Declared needs --------------------------------------------------------------------------------


@require_GET
def need_list(request):
    filterset = NeedFilterSet(request.GET, queryset=SkillsNeed.objects.visible_to(request.user))
    queryset = filterset.qs if filterset.is_valid() else SkillsNeed.objects.none()
    queryset = queryset.select_related("organisation", "region", "profile").order_by(
        "-created_at", "id"
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    editable = set()
    if is_authenticated(request.user):
        editable = set(
            SkillsNeed.objects.editable_by(request.user)
            .filter(pk__in=[need.pk for need in page])
            .values_list("pk", flat=True)
        )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "skills/need_list.html",
        {
            "filterset": filterset,
            "page": page,
            "editable": editable,
            "query": params.urlencode(),
            "can_add": editable_count(request.user, SkillsNeed),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def need_create(request):
    form = NeedForm(request.POST if request.method == "POST" else None, user=request.user)
    require(form.fields["organisation"].queryset.exists())
    if request.method == "POST" and form.is_valid():
        try:
            services.declare_need(request.user, dict(form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("The need is declared; it counts in the indicators."))
            return redirect("skills:needs")
    return render(request, "skills/demand_form.html", {"form": form, "kind": "need"})


@login_required
@require_POST
def need_withdraw(request, pk):
    need = get_object_or_404(SkillsNeed, pk=pk)
    services.withdraw_need(request.user, need)
    messages.success(request, _("The need is withdrawn."))
    return redirect("skills:needs")


# Indicators --------------------------------------------------------------------------------


def _rows(result: aggregates.Indicators, key: str) -> list[dict]:
    labels = dict(result.profiles)
    return [
        {"label": labels[cell.profile], "code": cell.profile, "cell": cell}
        for cell in result.area(key)
    ]


@require_GET
def indicators_overview(request):
    """The EU's figures per profile, then every country and region with a total."""
    result = aggregates.compute_indicators()
    areas = [
        {"key": key, "name": result.area_names.get(key, key), **result.totals(key)}
        for key in result.areas
        if key != aggregates.EU
    ]
    areas.sort(key=lambda area: area["name"])
    return render(
        request,
        "skills/indicators_overview.html",
        {
            "eu_rows": _rows(result, aggregates.EU),
            "eu_totals": result.totals(aggregates.EU),
            "countries": [area for area in areas if area["key"].startswith("C:")],
            "regions": [area for area in areas if area["key"].startswith("R:")],
        },
    )


@require_GET
def indicators_region(request, code):
    region = get_object_or_404(Region.objects.select_related("country"), code=code)
    result = aggregates.compute_indicators()
    key = aggregates.region_key(region.code)
    if key not in result.areas:
        rows, totals, gaps = [], None, []
    else:
        rows, totals = _rows(result, key), result.totals(key)
        gaps = aggregates.indicators.largest_gaps(result.cells, key)
    labels = dict(result.profiles)
    matches = [
        {
            "cell": gap,
            "label": labels[gap.profile],
            "courses": matching.courses_elsewhere(region, gap.profile),
        }
        for gap in gaps
    ]
    plans = []
    if is_authenticated(request.user):
        plans = [
            plan
            for plan in ActionPlan.objects.filter(region=region, status="draft").order_by("title")
            if plan_permissions.can_edit_plan(request.user, plan)
        ]
    return render(
        request,
        "skills/indicators_region.html",
        {
            "region": region,
            "rows": rows,
            "totals": totals,
            "matches": matches,
            "practices": matching.skills_practices(region),
            "plans": plans,
            "country_key": aggregates.country_key(region.country.iso),
            "courses_here": Course.objects.public().filter(region=region).count(),
        },
    )


@login_required
@require_POST
def add_plan_action(request, code):
    """One step from a match to an action of the region's draft action plan, through the
    plans app's own service (its permission, audit and numbering)."""
    region = get_object_or_404(Region, code=code)
    plan_id = request.POST.get("plan", "")
    if not plan_id.isdigit():
        raise Http404
    plan = get_object_or_404(ActionPlan, pk=int(plan_id), region=region)
    require(plan_permissions.can_edit_plan(request.user, plan))
    source = request.POST.get("source", "")
    if source.startswith("course:"):
        course = get_object_or_404(Course.objects.public(), slug=source.removeprefix("course:"))
        data = {
            "title": (_("Training for the skills gap: %(course)s") % {"course": course.title})[
                :200
            ],
            "background": _(
                "The skills observatory shows a gap in the region that this course by "
                "%(provider)s (%(place)s) could help fill."
            )
            % {"provider": course.provider.name, "place": course.region or course.country},
            "description": _("Open places on “%(course)s” to people of the region: %(url)s")
            % {
                "course": course.title,
                "url": request.build_absolute_uri(course.get_absolute_url()),
            },
            "improvement_type": "new_projects",
            "players": [course.provider],
        }
    elif source.startswith("practice:"):
        practice = get_object_or_404(
            Practice.objects.filter(status="published"), slug=source.removeprefix("practice:")
        )
        data = {
            "title": (_("Transfer of “%(practice)s”") % {"practice": practice.title})[:200],
            "background": _(
                "A good practice about skills from %(region)s, found for the region's skills gaps."
            )
            % {"region": practice.region},
            "description": practice.summary or practice.title,
            "improvement_type": "new_projects",
            "practices": [practice],
        }
    else:
        raise Http404
    action = plan_services.add_action(request.user, plan, data)
    messages.success(
        request,
        _("Action %(number)s is added to the plan “%(plan)s”.")
        % {"number": action.position, "plan": plan.title},
    )
    return redirect(plan)
