"""E-mail addresses of accounts made outside sign-up.

Sign-up verifies the address by mail (mandatory). An account made by an administrator (the
admin, ``createsuperuser``, the demo loader, a test) carries an address the administrator
typed: it counts as verified, as for the accounts that existed before sign-up (migration
0004), so that such a person can log in."""

from __future__ import annotations

SIGNING_UP = "_cyberregions_signing_up"


def mark_signing_up(user) -> None:
    """Called by the account adapter before sign-up saves the user."""
    setattr(user, SIGNING_UP, True)


def verify_address_of_made_account(sender, instance, created, raw=False, **kwargs) -> None:
    """A post_save receiver on the user model."""
    if not created or raw or not instance.email or getattr(instance, SIGNING_UP, False):
        return
    from allauth.account.models import EmailAddress

    if not EmailAddress.objects.filter(email__iexact=instance.email).exists():
        EmailAddress.objects.create(
            user=instance, email=instance.email, verified=True, primary=True
        )
