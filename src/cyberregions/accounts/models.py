from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailPreference(models.TextChoices):
    """How a person wants to hear by e-mail about what the platform tells them."""

    IMMEDIATELY = "immediately", _("At once, one e-mail per notification")
    DAILY = "daily", _("One daily digest")
    NEVER = "never", _("Never: only in the platform")


class User(AbstractUser):
    """A person with an account. Scoped roles are memberships held by the geo and
    organisations apps; programme staff is a platform-wide flag."""

    is_programme_staff = models.BooleanField(
        _("programme staff"),
        default=False,
        help_text=_("Validates good practices and follows every region's plans."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Notifications and e-mails are written in this language."),
    )
    email_notifications = models.CharField(
        _("e-mail notifications"),
        max_length=12,
        choices=EmailPreference.choices,
        default=EmailPreference.IMMEDIATELY,
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_unique_email",
                violation_error_message=_("A user with this e-mail address already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username
