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


class KnownLoginAddress(models.Model):
    """An address a person has logged in from: the account-wide limit on failed logins does
    not apply there, so that guesses from elsewhere never lock the owner out at home. The
    address is stored as a keyed digest, not in clear."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="known_login_addresses"
    )
    address_digest = models.CharField(max_length=64)
    last_login_at = models.DateTimeField()

    class Meta:
        verbose_name = _("known login address")
        verbose_name_plural = _("known login addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "address_digest"], name="accounts_known_address_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.address_digest[:8]}…"


class ApiToken(models.Model):
    """A personal API token. Only the SHA-256 of its secret is kept: the secret is shown once,
    when made."""

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        READ_WRITE = "read_write", _("Read and write")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("access"), max_length=12, choices=Scope.choices)
    prefix = models.CharField(max_length=12, db_index=True)
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class SecurityEvent(models.Model):
    """An authentication event for the security log. Never holds a password or a secret."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Failed login")
        RATE_LIMITED = "rate_limited", _("Refused: too many attempts")
        LOGOUT = "logout", _("Logged out")
        SIGNED_UP = "signed_up", _("Signed up")
        EMAIL_CONFIRMED = "email_confirmed", _("E-mail address confirmed")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset")
        MFA_ADDED = "mfa_added", _("Second factor added")
        MFA_REMOVED = "mfa_removed", _("Second factor removed")
        MFA_FAILED = "mfa_failed", _("Second factor refused")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        SESSION_REVOKED = "session_revoked", _("Session ended by its owner")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="security_events",
    )
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("security event")
        verbose_name_plural = _("security events")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"
