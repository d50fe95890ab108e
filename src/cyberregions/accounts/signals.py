"""A person's language for notifications starts as the one they use the site in."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def remember_language(sender, request, user, **kwargs) -> None:
    """On login, a person without a chosen language gets the one of the request, so that
    what the platform tells them later is written in it."""
    if getattr(user, "language", "x"):
        return
    language = translation.get_language_from_request(request) if request is not None else ""
    if language in dict(settings.LANGUAGES):
        user.language = language
        type(user).objects.filter(pk=user.pk, language="").update(language=language)
