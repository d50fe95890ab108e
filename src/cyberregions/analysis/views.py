import csv
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core import task_runs
from cyberregions.core.permissions import require
from cyberregions.geo.models import Region

from . import definitions, formulas, indicators, permissions, presentation, services
from . import tasks as analysis_tasks
from .choices import SurveyStatus, SwotQuadrant
from .forms import (
    ComparisonForm,
    EmailInvitationForm,
    InvitationForm,
    ResponseForm,
    SurveyForm,
    SwotItemForm,
)
from .models import NeedsSurvey, SurveyInvitation, SurveyResponse, SwotItem

# Analysis pages ---------------------------------------------------------------------------


def _region_or_404(code: str):
    row = indicators.reference().regions_by_code.get(code)
    if row is None:
        raise Http404
    return row


def _region_context(request, code: str) -> dict:
    row = _region_or_404(code)
    scope, summary = indicators.region_indicators([row.pk])[row.pk]
    tables = presentation.region_tables(summary)
    survey = indicators.survey_results(region_id=row.pk)
    show_survey = permissions.can_read_survey_results(request.user, row.pk, survey["responses"])
    swot = list(SwotItem.objects.visible_to(request.user).for_region(row.pk))
    return {
        "scope": scope,
        "region_row": row,
        "parent": indicators.reference().regions.get(row.parent_id),
        "summary": summary,
        "tables": tables,
        "survey": survey if show_survey else None,
        "survey_hidden": not show_survey,
        "min_public_responses": permissions.MIN_PUBLIC_SURVEY_RESPONSES,
        "swot": [
            {
                "quadrant": quadrant,
                "label": label,
                "items": [i for i in swot if i.quadrant == quadrant],
            }
            for quadrant, label in SwotQuadrant.choices
        ],
        "can_manage": permissions.can_manage_region_analysis(request.user, row.pk),
        "definitions": definitions.INDICATORS,
    }


@require_GET
def region_dashboard(request, code):
    context = _region_context(request, code)
    context["charts"] = presentation.region_charts(context["scope"], context["tables"])
    return render(request, "analysis/dashboard.html", context)


@require_GET
def region_report(request, code):
    context = _region_context(request, code)
    context["svgs"] = presentation.region_svgs(context["tables"])
    return render(request, "analysis/report.html", context)


@require_GET
def region_report_pdf(request, code):
    context = _region_context(request, code)
    context["svgs"] = presentation.region_svgs(context["tables"])
    html = render_to_string("analysis/report_document.html", context, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="territorial-analysis-{code}.pdf"'
    return response


@login_required
@require_POST
def region_report_pdf_prepare(request, code):
    """A signed-in reader has the PDF made by a worker and follows it on its progress page;
    visitors without an account keep the direct download, having no page to follow."""
    row = _region_or_404(code)
    run = task_runs.unfinished(
        analysis_tasks.KIND, requested_by=request.user, arguments__code=code
    ) or analysis_tasks.start_report_pdf(request.user, code, row.name)
    return redirect("tasks:detail", pk=run.pk)


REPORT_CSS = Path(settings.BASE_DIR) / "static" / "analysis" / "report.css"


def render_pdf(html: str) -> bytes:
    """The report as PDF through WeasyPrint; styles and charts are inline, nothing is
    fetched."""
    from weasyprint import CSS, HTML  # imported here: the rest of the site runs without it

    stylesheet = CSS(string=REPORT_CSS.read_text(encoding="utf-8"), url_fetcher=_no_fetch)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf(stylesheets=[stylesheet])


def _no_fetch(url, *args, **kwargs):
    raise ValueError(f"external resource refused: {url}")


@require_GET
def overview(request):
    results = indicators.all_indicators()
    eu_scope, eu = results[0]
    countries = [(s, r) for s, r in results if s.kind == "country"]
    territories = [(s, r) for s, r in results if s.kind == "region" and s.is_partner_territory]
    source = formulas.SOURCE_FIGURES
    market = [
        {
            "label": definitions.label("cyber_companies"),
            "definition": definitions.definition("cyber_companies"),
            "data": presentation.fmt_count(eu["cyber_companies"]),
            "source": presentation.fmt_count(source["companies"]),
        },
        {
            "label": definitions.label("sme_share"),
            "definition": definitions.definition("sme_share"),
            "data": presentation.fmt_share(eu["sme_share"]),
            "source": presentation.fmt_share(source["sme_share"]),
        },
        {
            "label": definitions.label("market_size_eur"),
            "definition": definitions.definition("market_size_eur"),
            "data": presentation.fmt_eur(eu["market_size_eur"]),
            "source": presentation.fmt_eur(source["market_size_eur"]),
        },
    ]
    country_rows = [
        {
            "scope": scope,
            "companies": summary["cyber_companies"],
            "smes": summary["smes"],
            "large": summary["by_size_class"].get("large", 0),
            "cells": [presentation.formatted(key, summary[key]) for key in OVERVIEW_COLUMNS],
        }
        for scope, summary in countries
    ]
    territory_rows = [
        {
            "scope": scope,
            "cells": [presentation.formatted(key, summary[key]) for key in OVERVIEW_COLUMNS],
        }
        for scope, summary in territories
    ]
    charts = {
        "chart-eu-countries": {
            "type": "stacked",
            "title": _("Cybersecurity companies by country"),
            "labels": [row["scope"].name for row in country_rows if row["companies"]],
            "series": [
                {
                    "name": _("Micro-enterprises and SMEs"),
                    "values": [row["smes"] for row in country_rows if row["companies"]],
                },
                {
                    "name": _("Large companies"),
                    "values": [row["large"] for row in country_rows if row["companies"]],
                },
            ],
        },
    }
    context = {
        "eu": eu,
        "eu_scope": eu_scope,
        "market": market,
        "columns": [definitions.label(key) for key in OVERVIEW_COLUMNS],
        "country_rows": country_rows,
        "territory_rows": territory_rows,
        "eu_tables": presentation.region_tables(eu),
        "charts": charts,
        "definitions": definitions.INDICATORS,
    }
    return render(request, "analysis/overview.html", context)


OVERVIEW_COLUMNS = [
    "organisations",
    "cyber_companies",
    "cyber_companies_per_million",
    "sme_share",
    "market_size_eur",
]


@require_GET
def compare(request):
    codes = request.GET.getlist("regions")
    if "compare" in request.GET or len(codes) >= 2:
        form = ComparisonForm(request.GET)
    else:  # a link from a dashboard preselects its region without complaining
        form = ComparisonForm(initial={"regions": codes})
    context = {"form": form, "comparison": None}
    if form.is_bound and form.is_valid():
        pks = [region.pk for region in form.cleaned_data["regions"]]
        results = indicators.region_indicators(pks)
        context["comparison"] = presentation.comparison(
            [results[pk] for pk in pks], eu=indicators.eu_indicators()
        )
    return render(request, "analysis/compare.html", context)


@require_GET
def indicators_csv(request):
    """Every indicator of every scope, one value per line (long format)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cyberregions-indicators.csv"'
    response.write("\ufeff")  # spreadsheet programs read UTF-8 only with the mark
    writer = csv.writer(response)
    writer.writerow(["scope", "code", "name", "indicator", "key", "value"])
    for scope, summary in indicators.all_indicators():
        for row in csv_rows(summary):
            writer.writerow([scope.kind, scope.code, scope.name, *row])
    return response


def csv_rows(summary: dict):
    """(indicator, key, value) for every indicator of a scope; dictionaries are flattened."""
    for name, value in summary.items():
        if name == "biggest_gaps":
            for rank, (code, gap) in enumerate(value, start=1):
                yield name, f"{rank}:{code}", _plain(gap)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield name, key, _plain(item)
        else:
            yield name, "", _plain(value)


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return value


# SWOT --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def swot_edit(request, code):
    region = get_object_or_404(Region, code=code)
    require(permissions.can_manage_region_analysis(request.user, region.pk))
    form = SwotItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_swot_item(request.user, region, form.cleaned_data)
        messages.success(request, _("The SWOT item has been added."))
        return redirect("analysis:swot", code=region.code)
    items = SwotItem.objects.for_region(region.pk)
    return render(request, "analysis/swot.html", {"region": region, "form": form, "items": items})


@login_required
@require_http_methods(["GET", "POST"])
def swot_item_edit(request, pk):
    item = get_object_or_404(SwotItem.objects.select_related("region"), pk=pk)
    require(permissions.can_manage_region_analysis(request.user, item.region_id))
    form = SwotItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        fresh = SwotItem.objects.get(pk=item.pk)
        services.update_swot_item(request.user, fresh, form.cleaned_data)
        messages.success(request, _("Your changes have been saved."))
        return redirect("analysis:swot", code=item.region.code)
    return render(request, "analysis/swot_item.html", {"item": item, "form": form})


@login_required
@require_POST
def swot_item_delete(request, pk):
    item = get_object_or_404(SwotItem.objects.select_related("region"), pk=pk)
    require(permissions.can_manage_region_analysis(request.user, item.region_id))
    code = item.region.code
    services.delete_swot_item(request.user, item)
    messages.success(request, _("The SWOT item has been deleted."))
    return redirect("analysis:swot", code=code)


# Needs surveys -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def survey_list(request, code):
    region = get_object_or_404(Region, code=code)
    require(permissions.can_manage_region_analysis(request.user, region.pk))
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = services.create_survey(
            request.user, region, form.cleaned_data["title"], form.cleaned_data["introduction"]
        )
        messages.success(request, _("The survey has been created; invite respondents next."))
        return redirect("analysis:survey_detail", pk=survey.pk)
    surveys = NeedsSurvey.objects.for_region(region.pk).with_counts()
    return render(
        request, "analysis/survey_list.html", {"region": region, "form": form, "surveys": surveys}
    )


def _managed_survey(request, pk) -> NeedsSurvey:
    survey = get_object_or_404(NeedsSurvey.objects.select_related("region"), pk=pk)
    require(permissions.can_manage_survey(request.user, survey))
    return survey


@login_required
@require_GET
def survey_detail(request, pk):
    survey = _managed_survey(request, pk)
    invitations = survey.invitations.select_related("organisation").prefetch_related("responses")
    rate = services.response_rate(survey)
    context = {
        "survey": survey,
        "invitations": [
            {
                "invitation": invitation,
                "url": request.build_absolute_uri(
                    reverse("analysis:survey_answer", args=[invitation.token])
                ),
                "answered": bool(invitation.responses.all()),
            }
            for invitation in invitations
        ],
        "invitation_form": InvitationForm(region=survey.region),
        "email_form": EmailInvitationForm(),
        "rate": rate,
        "rate_percent": round(rate["rate"] * 100) if rate["rate"] is not None else None,
        "results": indicators.survey_results(survey_id=survey.pk),
        "transitions": [
            (status, SurveyStatus(status).label)
            for status in services.SURVEY_TRANSITIONS[SurveyStatus(survey.status)]
        ],
        "can_read_answers": permissions.can_read_survey_answers(request.user, survey.region_id),
    }
    return render(request, "analysis/survey_detail.html", context)


@login_required
@require_POST
def survey_status(request, pk):
    survey = _managed_survey(request, pk)
    try:
        services.set_survey_status(request.user, survey, request.POST.get("status", ""))
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The survey status has been changed."))
    return redirect("analysis:survey_detail", pk=survey.pk)


@login_required
@require_POST
def survey_invite(request, pk):
    survey = _managed_survey(request, pk)
    form = InvitationForm(request.POST, region=survey.region)
    if form.is_valid():
        try:
            created = services.create_invitations(
                request.user,
                survey,
                form.cleaned_data["count"],
                form.cleaned_data["organisation"],
                form.cleaned_data["label"],
            )
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(count)d invitation links created.") % {"count": len(created)},
            )
    else:
        messages.error(request, _("The invitations could not be created; check the form."))
    return redirect("analysis:survey_detail", pk=survey.pk)


@login_required
@require_POST
def survey_email(request, pk):
    """E-mail personal links in bulk: typed addresses, the region's consenting contacts."""
    survey = _managed_survey(request, pk)
    form = EmailInvitationForm(request.POST)
    if not form.is_valid():
        for error in form.non_field_errors() or [_("Check the addresses.")]:
            messages.error(request, error)
        return redirect("analysis:survey_detail", pk=survey.pk)
    try:
        counts = services.email_invitations(
            request.user,
            survey,
            form.cleaned_data["addresses"],
            form.cleaned_data["include_contacts"],
        )
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(created)d invitations sent; %(already)d addresses were invited already.") % counts,
        )
        if counts["invalid"]:
            messages.warning(
                request,
                _("Not e-mail addresses, left out: %(items)s")
                % {"items": ", ".join(counts["invalid"][:20])},
            )
    return redirect("analysis:survey_detail", pk=survey.pk)


@login_required
@require_POST
def survey_remind(request, pk):
    survey = _managed_survey(request, pk)
    try:
        count = services.remind_invitations(request.user, survey)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(count)d reminders sent.") % {"count": count})
    return redirect("analysis:survey_detail", pk=survey.pk)


@login_required
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(SurveyInvitation.objects.select_related("survey"), pk=pk)
    require(permissions.can_manage_region_analysis(request.user, invitation.survey.region_id))
    services.revoke_invitation(request.user, invitation)
    messages.success(request, _("The invitation link no longer works."))
    return redirect("analysis:survey_detail", pk=invitation.survey_id)


@login_required
@require_GET
def survey_answers(request, pk):
    """The raw answers, one by one: only for the region's own coordinators."""
    survey = get_object_or_404(NeedsSurvey.objects.select_related("region"), pk=pk)
    require(permissions.can_read_survey_answers(request.user, survey.region_id))
    responses = (
        SurveyResponse.objects.filter(survey=survey)
        .select_related("invitation", "invitation__organisation")
        .prefetch_related("barrier_answers__barrier", "domain_needs__domain")
    )
    return render(
        request, "analysis/survey_answers.html", {"survey": survey, "responses": responses}
    )


@require_http_methods(["GET", "POST"])
def survey_answer(request, token):
    """The questionnaire behind an invitation link; anyone holding the link answers once."""
    invitation = services.invitation_for_token(token)
    if invitation is None:
        raise Http404
    if not permissions.can_answer_invitation(invitation):
        return render(
            request, "analysis/survey_unavailable.html", {"invitation": invitation}, status=403
        )
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        barriers, needs = form.answers()
        try:
            services.submit_response(
                request.user, invitation, barriers, needs, form.cleaned_data["comment"]
            )
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            return redirect("analysis:survey_thanks")
    return render(
        request,
        "analysis/survey_answer.html",
        {"form": form, "survey": invitation.survey, "invitation": invitation},
    )


@require_GET
def survey_thanks(request):
    return render(request, "analysis/survey_thanks.html")
