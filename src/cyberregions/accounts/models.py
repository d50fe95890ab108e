from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account. Scoped roles are memberships held by the geo and
    organisations apps; programme staff is a platform-wide flag."""

    is_programme_staff = models.BooleanField(
        _("programme staff"),
        default=False,
        help_text=_("Validates good practices and follows every region's plans."),
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
