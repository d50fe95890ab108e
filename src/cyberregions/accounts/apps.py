from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cyberregions.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .signals import remember_language

        user_logged_in.connect(remember_language, dispatch_uid="accounts.remember_language")

        from allauth.mfa.signals import authenticator_added

        from . import security_log
        from .middleware import clear_mfa_requirement

        user_logged_in.connect(note_login_receiver, dispatch_uid="accounts.note_login")
        authenticator_added.connect(clear_mfa_requirement, dispatch_uid="accounts.mfa_added")
        security_log.connect()
        from django.db.models.signals import post_save

        from . import checks  # noqa: F401 — registers the deployment checks
        from .addresses import verify_address_of_made_account

        post_save.connect(
            verify_address_of_made_account,
            sender=self.get_model("User"),
            dispatch_uid="accounts.verify_made_address",
        )


def note_login_receiver(sender, request, user, **kwargs) -> None:
    from .middleware import note_login

    if request is not None and hasattr(request, "session"):
        note_login(request, user)
