"""Pages of organisation registration: the form with its duplicates step, the requests, one
request with its history and decisions, and the applicant's edit when changes are asked."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cyberregions.core.forms import StepReasonForm
from cyberregions.core.permissions import require

from . import permissions
from . import services_registration as registrations
from .choices import AWAITING_DECISION, RegistrationStatus, RegistrationStep
from .duplicates import find_duplicates
from .fields import TAG_FIELDS
from .forms import DuplicateConfirmationForm, RegistrationForm
from .models import Organisation, RegistrationHistory, RegistrationRequest

LIST_LIMIT = 200


def _duplicates(request, data: dict, exclude=None) -> list:
    duplicates = find_duplicates(
        name=data.get("name") or "",
        city=data.get("city") or "",
        country=data.get("country"),
        website=data.get("website") or "",
        registration_number=data.get("registration_number") or "",
        exclude_request=exclude,
    )
    for duplicate in duplicates:
        organisation = duplicate.organisation
        duplicate.can_claim = organisation is not None and permissions.can_request_claim(
            request.user, organisation
        )
        duplicate.key = (
            f"o{organisation.pk}" if organisation else f"r{duplicate.pending_request.pk}"
        )
    return duplicates


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    """The atlas form; likely duplicates are shown before the request is sent."""
    require(permissions.can_register_organisation(request.user))
    form = RegistrationForm(request.POST or None, user=request.user)
    confirmation = DuplicateConfirmationForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = _duplicates(request, form.cleaned_data)
        keys = [duplicate.key for duplicate in duplicates]
        if not duplicates or confirmation.confirms(keys):
            try:
                registration = registrations.submit_registration(
                    request.user,
                    registrations.to_data(form.cleaned_data),
                    form.cleaned_data["registration_number"],
                )
            except registrations.RegistrationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, str(registrations.TRANSITIONS["submit"].done))
                return redirect(registration)
        confirmation = DuplicateConfirmationForm(initial={"seen": ",".join(keys)})
    context = {"form": form, "duplicates": duplicates, "confirmation": confirmation}
    return render(request, "organisations/registration_form.html", context)


@login_required
@require_GET
def registration_list(request):
    """The user's own requests and, for those who decide, the requests awaiting them."""
    base = RegistrationRequest.objects.select_related("region", "applicant")
    own = list(base.filter(applicant=request.user)[:LIST_LIMIT])
    to_decide = list(
        base.decidable_by(request.user)
        .filter(status__in=AWAITING_DECISION)
        .order_by("created_at", "id")[:LIST_LIMIT]
    )
    decided = list(
        base.decidable_by(request.user)
        .exclude(status__in=[*AWAITING_DECISION, RegistrationStatus.DRAFT])
        .exclude(applicant=request.user)[:LIST_LIMIT]
    )
    context = {"own": own, "to_decide": to_decide, "decided": decided}
    return render(request, "organisations/registration_list.html", context)


def _visible(request, pk) -> RegistrationRequest:
    """The request if ``request.user`` may see it; 404 otherwise, so that the numbers of
    other people's requests reveal nothing."""
    queryset = RegistrationRequest.objects.visible_to(request.user).select_related(
        "region", "applicant", "organisation"
    )
    return get_object_or_404(queryset, pk=pk)


def _readable(data: dict) -> list[tuple[str, str]]:
    """The request's fields as label → text, in the form's order."""
    form = RegistrationForm()
    values = registrations.from_data(data)
    rows = []
    for name, field in form.fields.items():
        if name not in values:
            continue
        value = values[name]
        if name in TAG_FIELDS:
            text = ", ".join(str(term) for term in value)
        elif hasattr(field, "choices") and name not in ("country", "region"):
            text = dict(field.choices).get(value, value)
        elif isinstance(value, bool):
            text = _("yes") if value else _("no")
        else:
            text = value
        if text not in (None, ""):
            rows.append((field.label, text))
    return rows


@login_required
@require_GET
def registration_detail(request, pk):
    registration = _visible(request, pk)
    steps = RegistrationHistory.objects.filter(registration=registration).select_related("actor")
    workflow = registrations.WORKFLOW
    actions = [
        (name, RegistrationStep(name).label)
        for name in workflow.available(request.user, registration)
        if name != RegistrationStep.SUBMIT
    ]
    data = registrations.from_data(registration.data)
    data["registration_number"] = registration.registration_number
    context = {
        "registration": registration,
        "fields": _readable(registration.data),
        "steps": steps,
        "actions": actions,
        "duplicates": (
            _duplicates(request, data, exclude=registration)
            if registration.status in (*AWAITING_DECISION, RegistrationStatus.CHANGES_REQUESTED)
            else []
        ),
    }
    return render(request, "organisations/registration_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def registration_edit(request, pk):
    """The applicant edits the request when changes are asked, and sends it again."""
    registration = _visible(request, pk)
    rule = registrations.TRANSITIONS[RegistrationStep.RESUBMIT]
    require(rule.allowed(request.user, registration))
    if registration.status not in rule.sources:
        messages.error(request, _("This request can be edited only when changes are asked."))
        return redirect(registration)
    form = RegistrationForm(
        request.POST or None,
        user=request.user,
        instance=Organisation(),
        initial=registrations.from_data(registration.data),
        registration_number=registration.registration_number,
    )
    if request.method == "POST" and form.is_valid():
        try:
            registrations.resubmit_registration(
                request.user,
                registration,
                registrations.to_data(form.cleaned_data),
                form.cleaned_data["registration_number"],
            )
        except registrations.RegistrationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(rule.done))
        return redirect(registration)
    context = {"form": form, "registration": registration}
    return render(request, "organisations/registration_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def registration_step(request, pk, step):
    """A decision on the request: approve, ask for changes, refuse."""
    registration = _visible(request, pk)
    if step not in registrations.TRANSITIONS or step in (
        RegistrationStep.SUBMIT,
        RegistrationStep.RESUBMIT,
    ):
        raise Http404
    rule = registrations.TRANSITIONS[step]
    require(rule.allowed(request.user, registration))
    # Bound on every POST: an approval may come without a reason, an empty form.
    posted = request.POST if request.method == "POST" else None
    form = StepReasonForm(posted, needs_reason=rule.needs_reason)
    if request.method == "POST" and form.is_valid():
        try:
            registrations.transition(request.user, registration, step, form.cleaned_data["reason"])
        except registrations.RegistrationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(rule.done))
        return redirect(registration)
    context = {
        "registration": registration,
        "form": form,
        "step": step,
        "step_label": RegistrationStep(step).label,
        "possible": registration.status in rule.sources,
    }
    return render(request, "organisations/registration_step.html", context)
