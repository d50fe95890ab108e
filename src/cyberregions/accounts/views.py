import copy

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from cyberregions.core import audit, permissions

from . import throttle
from .models import User


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed attempts. Please wait a few minutes before trying again."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request) if self.request else ""
        if throttle.is_locked(username, address):
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            data = super().clean()
        except ValidationError:
            throttle.record_failure(username, address)
            raise
        throttle.reset(username, address)
        return data


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    template_name = "registration/login.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordResetView(auth_views.PasswordResetView):
    success_url = reverse_lazy("accounts:password_reset_done")
    email_template_name = "registration/password_reset_email.txt"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")


def _profile_context(user) -> dict:
    return {
        "roles": permissions.role_names(user),
        "regions": user.region_memberships.select_related("region"),
        "organisations": user.organisation_memberships.select_related("organisation"),
        "form": PreferencesForm(instance=user),
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
