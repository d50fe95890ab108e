from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cyberregions.core import permissions

from . import throttle


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


@login_required
@require_GET
def profile(request):
    user = request.user
    context = {
        "roles": permissions.role_names(user),
        "regions": user.region_memberships.select_related("region"),
        "organisations": user.organisation_memberships.select_related("organisation"),
    }
    return render(request, "accounts/profile.html", context)
