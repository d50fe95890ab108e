"""Session rules applied on every request: the idle timeout, and the second factor that
privileged roles must set up when the production setting asks for it.

Both read only the session, which is loaded anyway: the facts they need (is the person
privileged, have they a second factor) are put there at login, so a request costs no query."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from cyberregions.core import permissions

LAST_ACTIVITY = "cyberregions.last_activity"
PRIVILEGED = "cyberregions.privileged"
MFA_SETUP_NEEDED = "cyberregions.mfa_setup_needed"
# Writing the session on every request would make every page a database write.
ACTIVITY_PRECISION_SECONDS = 60


def is_privileged(user) -> bool:
    """Administrators, programme staff and coordinators."""
    return permissions.is_programme_staff(user) or permissions.is_coordinator(user)


def note_login(request, user) -> None:
    """Called at every login (a receiver of user_logged_in)."""
    from allauth.mfa.utils import is_mfa_enabled

    privileged = is_privileged(user)
    request.session[LAST_ACTIVITY] = int(time.time())
    request.session[PRIVILEGED] = privileged
    request.session[MFA_SETUP_NEEDED] = bool(
        settings.MFA_REQUIRED_FOR_ROLES and privileged and not is_mfa_enabled(user)
    )


def idle_timeout(session) -> int:
    if session.get(PRIVILEGED):
        return settings.SESSION_IDLE_TIMEOUT_PRIVILEGED_SECONDS
    return settings.SESSION_IDLE_TIMEOUT_SECONDS


class IdleSessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY)
            if last is not None and now - last > idle_timeout(request.session):
                logout(request)
                messages.info(request, _("You were logged out after a time without activity."))
                login_url = reverse("accounts:login")
                return redirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")
            if last is None or now - last >= ACTIVITY_PRECISION_SECONDS:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)


# Where a person who must set up a second factor may still go.
MFA_SETUP_PATHS = ("/accounts/2fa/", "/accounts/logout/", "/accounts/reauthenticate/")
ALWAYS_OPEN_PREFIXES = ("/static/", "/healthz", "/i18n/")


class RequiredMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_ROLES
            and request.user.is_authenticated
            and request.session.get(MFA_SETUP_NEEDED)
            and not request.path.startswith(MFA_SETUP_PATHS + ALWAYS_OPEN_PREFIXES)
        ):
            message = _("Your role requires a second factor: set one up to continue.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "code": "mfa_required"}, status=403)
            messages.warning(request, message)
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def clear_mfa_requirement(sender, request=None, **kwargs) -> None:
    """A receiver of allauth.mfa's authenticator_added."""
    if request is not None and hasattr(request, "session"):
        request.session[MFA_SETUP_NEEDED] = False
