"""The territorial analysis report as PDF, made by a worker: WeasyPrint takes 2–5 s for a
region's report, too long to hold a web worker. The file is kept in the media storage and
downloaded from the run's progress page, by the requester (or staff) only."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from cyberregions.core import task_runs
from cyberregions.core.models import TaskRun

KIND = "analysis.report_pdf"


def start_report_pdf(user, code: str, region_name: str) -> TaskRun:
    return task_runs.start(
        user,
        kind=KIND,
        title=_("Territorial analysis of %(name)s (PDF)") % {"name": region_name},
        task=render_report_pdf,
        arguments={"code": code},
    )


def _as_requester(run: TaskRun):
    """A request standing for the requester's, so the report shows what they may see (the
    survey results and SWOT items their roles open), as the page would."""
    request = RequestFactory().get(reverse("analysis:report", args=[run.arguments["code"]]))
    request.user = get_user_model().objects.get(pk=run.requested_by_id)
    request.LANGUAGE_CODE = run.language
    return request


@task()
@task_runs.tracked
def render_report_pdf(run: TaskRun) -> None:
    # Imported here: the views module pulls in the whole analysis app and WeasyPrint.
    from django.template.loader import render_to_string

    from . import presentation
    from .views import _region_context, render_pdf

    code = run.arguments["code"]
    request = _as_requester(run)
    try:
        context = _region_context(request, code)
    except Http404 as error:
        raise task_runs.TaskRunFailure(_("This region no longer exists.")) from error
    task_runs.report_progress(run, 1, 2)
    context["svgs"] = presentation.region_svgs(context["tables"])
    html = render_to_string("analysis/report_document.html", context, request=request)
    content = render_pdf(html)
    with task_runs.applying(run) as locked:
        task_runs.succeed(
            locked,
            file_name=f"territorial-analysis-{code}.pdf",
            content=content,
            url=reverse("analysis:report", args=[code]),
            label=_("See the report as a page"),
        )


@task()
def send_survey_invitations(invitation_ids: list[int], reminder: bool = False) -> int:
    """E-mail each invitation's personal link (or the reminder), in the platform's language
    (the addressees have no account to say theirs), and record when. Invitations revoked,
    answered or already sent (or reminded) meanwhile are skipped, so a retry sends nothing
    twice. Returns how many e-mails left."""
    from django.conf import settings
    from django.core.mail import EmailMessage, get_connection
    from django.template.loader import render_to_string
    from django.utils import timezone, translation

    from cyberregions.core.notifications import site_url

    from .models import SurveyInvitation

    stamp = "reminded_at" if reminder else "sent_at"
    invitations = list(
        SurveyInvitation.objects.select_related("survey", "survey__region")
        .filter(pk__in=invitation_ids, revoked=False, responses=None, **{f"{stamp}__isnull": True})
        .exclude(email="")
    )
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for invitation in invitations:
            survey = invitation.survey
            link = site_url() + reverse("analysis:survey_answer", args=[invitation.token])
            context = {
                "survey": survey,
                "region": survey.region,
                "link": link,
                "reminder": reminder,
            }
            subject = (
                _("Reminder: %(title)s") if reminder else _("You are invited: %(title)s")
            ) % {"title": survey.title}
            body = render_to_string("analysis/email/survey_invitation.txt", context)
            messages.append(EmailMessage(subject, body, to=[invitation.email]))
    if messages:
        get_connection().send_messages(messages)
    SurveyInvitation.objects.filter(pk__in=[i.pk for i in invitations]).update(
        **{stamp: timezone.now()}
    )
    return len(messages)
