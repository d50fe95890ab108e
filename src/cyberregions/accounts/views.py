import copy

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from cyberregions.core import audit, permissions

from . import api_tokens
from .models import ApiToken, SecurityEvent, User


def _profile_context(user) -> dict:
    return {
        "roles": permissions.role_names(user),
        "regions": user.region_memberships.select_related("region"),
        "organisations": user.organisation_memberships.select_related("organisation"),
        "form": PreferencesForm(instance=user),
        "token_form": ApiTokenForm(),
        "tokens": api_tokens.active_tokens(user),
    }


@login_required
@require_GET
def profile(request):
    return render(request, "accounts/profile.html", _profile_context(request.user))


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["language", "email_notifications"]
        widgets = {"email_notifications": forms.RadioSelect}


@login_required
@require_POST
def preferences(request):
    """The person's language for notifications and how they want to be e-mailed."""
    # The form edits a copy: validating writes into its instance, and the audit compares the
    # user as it was with the user as saved.
    form = PreferencesForm(request.POST, instance=copy.copy(request.user))
    if form.is_valid():
        save_preferences(request.user, form.cleaned_data)
        messages.success(request, _("Your preferences are saved."))
        return redirect("accounts:profile")
    return render(
        request, "accounts/profile.html", {**_profile_context(request.user), "form": form}
    )


@transaction.atomic
def save_preferences(user, data: dict) -> None:
    fields = list(PreferencesForm.Meta.fields)
    before = audit.snapshot(user, fields)
    for name in fields:
        setattr(user, name, data[name])
    user.save(update_fields=fields)
    audit.record(
        user, "account.preferences", user, before=before, after=audit.snapshot(user, fields)
    )


# --- Admin login: one login path, with the platform's limits and second factor ----------


@require_GET
def admin_login(request):
    """The admin's own login form would bypass the platform's rate limits and MFA: send
    everyone to the platform login, then back to the admin page they asked for."""
    if request.user.is_authenticated:
        if request.user.is_staff and request.user.is_active:
            return redirect("admin:index")
        # Logged in but not staff: sending them to the login page would loop back here.
        raise PermissionDenied
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    target = target or reverse("admin:index")
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': target})}")


def rate_limited(request):
    """django-allauth's answer when one of its limits refuses a request: logged, then 429."""
    from . import security_log

    user = request.user if request.user.is_authenticated else None
    security_log.write(SecurityEvent.Kind.RATE_LIMITED, user, request, detail=request.path)
    return render(request, "429.html", status=429)


# --- API tokens --------------------------------------------------------------------------


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    scope = forms.ChoiceField(
        label=_("Access"), choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ
    )
    lifetime_days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=api_tokens.MAX_LIFETIME_DAYS,
        initial=90,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from cyberregions.core.forms import style_widgets

        style_widgets(self)


@login_required
@require_POST
def create_api_token(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        context = {**_profile_context(request.user), "token_form": form}
        return render(request, "accounts/profile.html", context, status=400)
    try:
        token, secret = api_tokens.create_token(request.user, request=request, **form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        context = {**_profile_context(request.user), "token_form": form}
        return render(request, "accounts/profile.html", context, status=400)
    # The secret is shown on this response only: it is not stored and cannot be shown again.
    context = {**_profile_context(request.user), "new_token": token, "new_secret": secret}
    response = render(request, "accounts/profile.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def revoke_api_token(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    api_tokens.revoke_token(request.user, token, request=request)
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:profile")


# --- Security log ------------------------------------------------------------------------

SECURITY_LOG_PAGE_SIZE = 50


@login_required
@require_GET
def security_log(request):
    if not permissions.is_admin(request.user):
        raise PermissionDenied
    events = SecurityEvent.objects.select_related("user")
    kind = request.GET.get("kind", "")
    if kind in SecurityEvent.Kind.values:
        events = events.filter(kind=kind)
    page = Paginator(events, SECURITY_LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/security_log.html",
        {"page": page, "kinds": SecurityEvent.Kind.choices, "kind": kind},
    )


# --- Sessions ----------------------------------------------------------------------------


@login_required
@require_POST
def end_session(request, session_id: int):
    """End one of one's own sessions (allauth's page ends all the others at once)."""
    from allauth.usersessions.models import UserSession

    from . import security_log

    session = get_object_or_404(UserSession, pk=session_id, user=request.user)
    if session.session_key == request.session.session_key:
        return redirect("accounts:logout")
    with transaction.atomic():
        session.end()
        security_log.write(SecurityEvent.Kind.SESSION_REVOKED, request.user, request)
    messages.success(request, _("The session is ended."))
    return redirect("usersessions_list")
