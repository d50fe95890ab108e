"""The person's own data pages: download it, erase the account."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from cyberregions.core import privacy as core_privacy
from cyberregions.core.forms import style_widgets

from . import privacy

# Someone holding another person's session could otherwise guess their password here: a few
# confirmations per account and quarter of an hour (in the shared cache, like the login limits).
ERASE_ATTEMPTS = 5
ERASE_WINDOW_SECONDS = 15 * 60


@login_required
@require_GET
def download_my_data(request):
    data = privacy.export_personal_data(request.user, request.user)
    response = HttpResponse(
        core_privacy.to_json(data), content_type="application/json; charset=utf-8"
    )
    filename = f"cyberregions-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class EraseAccountForm(forms.Form):
    """Typing the user name says the person means it; the password says it is the person."""

    username = forms.CharField(label=gettext_lazy("Your user name"), max_length=150)
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["username"].widget.attrs["autocomplete"] = "off"
        style_widgets(self)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if username != self.user.get_username():
            raise forms.ValidationError(_("Type your user name exactly as shown above to confirm."))
        return username

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


def _reserve_attempt(user) -> bool:
    """Count this confirmation before checking it, so that concurrent guesses cannot all pass
    a check made before any of them is counted."""
    key = f"privacy:erase-attempts:{user.pk}"
    cache.add(key, 0, timeout=ERASE_WINDOW_SECONDS)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=ERASE_WINDOW_SECONDS)
        attempts = 1
    return attempts <= ERASE_ATTEMPTS


@login_required
@require_http_methods(["GET", "POST"])
def erase_my_account(request):
    form = EraseAccountForm(request.user, request.POST or None)
    if request.method == "POST" and not _reserve_attempt(request.user):
        context = {
            "form": EraseAccountForm(request.user),
            "refusal": _("Too many attempts. Please wait a quarter of an hour."),
        }
        return render(request, "accounts/erase_account.html", context, status=429)
    if request.method == "POST" and form.is_valid():
        privacy.erase_person(request.user, request.user)
        logout(request)
        messages.success(request, _("Your account and your personal data have been erased."))
        return redirect("/")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/erase_account.html", {"form": form}, status=status)
