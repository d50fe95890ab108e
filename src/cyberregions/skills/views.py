"""Pages of the skills module: the ECSF, the person's page and the training catalogue.
Demand, indicators and matching pages are in ``views_demand``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cyberregions.core.permissions import is_authenticated, require
from cyberregions.geo.models import Region
from cyberregions.taxonomy.models import EcsfProfile

from . import importer, jsonld, permissions, services
from .choices import COVERED_KINDS, CourseStep, ItemKind
from .filtersets import FACETS, SORT_LABELS, CourseFilterSet, compute_facets
from .forms import CourseForm, CourseStepForm, ImportForm, ProfileFinderForm
from .models import Course, CourseProfile, CourseTransition, EcfCompetence, EcsfItem

PAGE_SIZE = 24
# Tasks a person may like, one per profile, for the "a few questions" path: the first main
# task that belongs to that profile alone.
FINDER_TASKS_PER_PROFILE = 2


# The ECSF ------------------------------------------------------------------------------------


@require_GET
def profile_list(request):
    profiles = EcsfProfile.objects.order_by("position").annotate(
        course_count=Count("course_targets", distinct=True)
    )
    return render(request, "skills/profile_list.html", {"profiles": profiles})


@require_GET
def profile_detail(request, code):
    profile = get_object_or_404(EcsfProfile, code=code)
    items = list(profile.ecsf_items.order_by("code"))
    by_kind = {kind: [item for item in items if item.kind == kind] for kind in ItemKind.values}
    levels = profile.competence_levels.select_related("competence").order_by("competence__position")
    courses = (
        CourseProfile.objects.filter(profile=profile, course__in=Course.objects.public())
        .select_related("course__provider", "course__region")
        .order_by("-coverage", "course__title")[:10]
    )
    return render(
        request,
        "skills/profile_detail.html",
        {
            "profile": profile,
            "deliverables": by_kind[ItemKind.DELIVERABLE],
            "tasks": by_kind[ItemKind.TASK],
            "skills": by_kind[ItemKind.SKILL],
            "knowledge": by_kind[ItemKind.KNOWLEDGE],
            "levels": levels,
            "targets": courses,
        },
    )


@require_GET
def competence_list(request):
    competences = EcfCompetence.objects.prefetch_related(
        Prefetch("profile_levels", to_attr="levels_list")
    ).order_by("position")
    profiles = {p.pk: p for p in EcsfProfile.objects.all()}
    rows = [
        (
            competence,
            [(profiles[level.profile_id], level.level) for level in competence.levels_list],
        )
        for competence in competences
    ]
    return render(request, "skills/competence_list.html", {"rows": rows})


# The person's page ----------------------------------------------------------------------------


def finder_tasks() -> list[tuple[str, str]]:
    """A few tasks per profile, phrased as the ECSF does, for "what would you like to do?"."""
    chosen: list[tuple[str, str]] = []
    through = EcsfItem.profiles.through.objects.filter(ecsfitem__kind=ItemKind.TASK)
    per_item = {}
    for item_id, profile_id in through.values_list("ecsfitem_id", "ecsfprofile_id"):
        per_item.setdefault(item_id, set()).add(profile_id)
    taken: dict[int, int] = {}
    for item in EcsfItem.objects.filter(kind=ItemKind.TASK).order_by("code"):
        owners = per_item.get(item.pk, set())
        if len(owners) != 1:
            continue
        (owner,) = owners
        if taken.get(owner, 0) < FINDER_TASKS_PER_PROFILE:
            taken[owner] = taken.get(owner, 0) + 1
            chosen.append((item.code, item.text))
    return chosen


def suggest_profiles(task_codes: list[str]) -> list[tuple[EcsfProfile, int]]:
    """Profiles ranked by how many of the liked tasks are theirs."""
    if not task_codes:
        return []
    counts = (
        EcsfProfile.objects.filter(ecsf_items__code__in=task_codes)
        .annotate(liked=Count("ecsf_items"))
        .order_by("-liked", "position")
    )
    return [(profile, profile.liked) for profile in counts[:3]]


@require_GET
def index(request):
    """For a person: pick a profile (or say which tasks one likes), see what it takes and the
    courses near one or online, by level. Nothing is stored and no account is needed."""
    regions = list(
        Region.objects.filter(is_partner_territory=True)
        .order_by("name")
        .values_list("code", "name")
    )
    form = ProfileFinderForm(request.GET or None, likes=finder_tasks(), regions=regions)
    context = {"form": form, "profiles": EcsfProfile.objects.order_by("position")}
    if form.is_bound and form.is_valid():
        profile = form.cleaned_data["profile"]
        suggestions = suggest_profiles(form.cleaned_data["likes"])
        if profile is None and suggestions:
            profile = suggestions[0][0]
        context["suggestions"] = suggestions
        if profile is not None:
            items = list(profile.ecsf_items.filter(kind__in=COVERED_KINDS).order_by("code"))
            context["profile"] = profile
            context["tasks"] = [item for item in items if item.kind == ItemKind.TASK]
            context["skills"] = [item for item in items if item.kind == ItemKind.SKILL]
            context["knowledge"] = [item for item in items if item.kind == ItemKind.KNOWLEDGE]
            context["course_groups"] = courses_for_person(
                profile, form.cleaned_data["region"], form.cleaned_data["level"]
            )
    return render(request, "skills/index.html", context)


def courses_for_person(profile, region_code: str, level: int | None):
    """Public courses for ``profile`` in the region (any mode) or online anywhere, grouped by
    EQF level, best coverage first."""
    from django.db.models import Q

    targets = CourseProfile.objects.filter(
        profile=profile, course__in=Course.objects.public()
    ).select_related("course__provider", "course__region")
    place = Q(course__mode__in=["online", "blended"])
    if region_code:
        place |= Q(course__region__code=region_code)
    targets = targets.filter(place)
    if level:
        targets = targets.filter(course__eqf_level__lte=level)
    groups: dict[int, list] = {}
    for target in targets.order_by("course__eqf_level", "-coverage", "course__title")[:60]:
        groups.setdefault(target.course.eqf_level, []).append(target)
    return sorted(groups.items())


# The training catalogue -------------------------------------------------------------------------


@require_GET
def course_list(request):
    base = Course.objects.visible_to(request.user)
    filterset = CourseFilterSet(request.GET, queryset=base)
    if filterset.is_valid():
        queryset = filterset.qs
        if "sort" not in request.GET:
            queryset = queryset.order_by("title", "id")
        facets = compute_facets(filterset)
    else:
        queryset, facets = Course.objects.none(), {}
    queryset = queryset.select_related("provider", "region", "country").prefetch_related(
        Prefetch(
            "targets",
            queryset=CourseProfile.objects.with_profile_names(),
            to_attr="target_list",
        )
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    facet_rows = []
    for name in ["profile", *FACETS]:
        field = filterset.form.fields[name]
        chosen = set(request.GET.getlist(name))
        counts = facets.get(name, {})
        facet_rows.append(
            {
                "name": name,
                "label": field.label,
                "options": [
                    {
                        "value": str(value),
                        "label": label,
                        "count": counts.get(str(value), 0),
                        "checked": str(value) in chosen,
                    }
                    for value, label in field.choices
                    if counts.get(str(value)) or str(value) in chosen
                ],
            }
        )
    context = {
        "filterset": filterset,
        "page": page,
        "facets": facet_rows,
        "query": params.urlencode(),
        "sort_labels": SORT_LABELS,
        "can_add": is_authenticated(request.user),
    }
    template = (
        "skills/_course_results.html"
        if request.headers.get("HX-Request")
        else ("skills/course_list.html")
    )
    return render(request, template, context)


def _course_or_404(request, slug) -> Course:
    course = get_object_or_404(
        Course.objects.select_related("provider", "region", "country"), slug=slug
    )
    if not permissions.can_view_course(request.user, course):
        raise Http404
    return course


@require_GET
def course_detail(request, slug):
    course = _course_or_404(request, slug)
    targets = list(course.targets.select_related("profile"))
    items = list(course.items.order_by("code"))
    context = {
        "course": course,
        "targets": targets,
        "items": items,
        "jsonld": mark_safe(jsonld.dumps(jsonld.course(course, request))),  # noqa: S308 - escaped
        "steps": services.allowed_steps(request.user, course),
        "step_labels": dict(CourseStep.choices),
        "can_edit": permissions.can_edit_course(request.user, course),
        "is_stale": course.status == "validated"
        and course.confirmed_at is not None
        and course.confirmed_at < permissions.stale_before(),
        "is_hidden": course.status == "validated" and not permissions.is_public(course),
        "history": CourseTransition.objects.filter(course=course).select_related("actor")
        if permissions.can_edit_course(request.user, course)
        or permissions.can_validate_course(request.user, course)
        else [],
    }
    return render(request, "skills/course_detail.html", context)


def _form_data(form) -> dict:
    return dict(form.cleaned_data)


@login_required
@require_http_methods(["GET", "POST"])
def course_create(request):
    require(is_authenticated(request.user))
    form = CourseForm(request.POST if request.method == "POST" else None, user=request.user)
    if not form.fields["provider"].queryset.exists():
        require(False)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.create_course(request.user, _form_data(form))
        except (services.CourseError, ValidationError) as error:
            form.add_error(None, getattr(error, "messages", [str(error)]))
        else:
            messages.success(
                request, _("The course is saved as a draft. Submit it for validation.")
            )
            return redirect(course)
    return render(request, "skills/course_form.html", {"form": form, "course": None})


@login_required
@require_http_methods(["GET", "POST"])
def course_edit(request, slug):
    course = _course_or_404(request, slug)
    require(permissions.can_edit_course(request.user, course))
    form = CourseForm(
        request.POST if request.method == "POST" else None, instance=course, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_course(request.user, Course.objects.get(pk=course.pk), _form_data(form))
        except (services.CourseError, ValidationError) as error:
            form.add_error(None, getattr(error, "messages", [str(error)]))
        else:
            messages.success(request, _("The course is saved."))
            return redirect(course)
    return render(request, "skills/course_form.html", {"form": form, "course": course})


@login_required
@require_http_methods(["GET", "POST"])
def course_step(request, slug, step):
    course = _course_or_404(request, slug)
    transition = services.WORKFLOW.transitions.get(step)
    if transition is None:
        raise Http404
    require(transition.allowed(request.user, course))
    form = CourseStepForm(
        request.POST if request.method == "POST" else None, needs_reason=transition.needs_reason
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(request.user, course, step, form.cleaned_data["reason"])
        except services.CourseError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(transition.done))
        return redirect(course)
    return render(
        request,
        "skills/course_step.html",
        {"course": course, "form": form, "step_label": CourseStep(step).label},
    )


@login_required
@require_http_methods(["GET", "POST"])
def course_import(request):
    """Check a file of courses; write them all, or nothing when a row is wrong."""
    require(is_authenticated(request.user))
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        result = importer.import_courses(request.user, data)
        if result.ok:
            messages.success(
                request,
                _("%(count)s course(s) imported as drafts.") % {"count": len(result.created)},
            )
            return redirect("skills:courses")
    return render(
        request,
        "skills/course_import.html",
        {"form": form, "result": result, "columns": list(importer.COLUMNS.items())},
    )
