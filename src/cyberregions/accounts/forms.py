"""django-allauth's forms with the platform's wording."""

from allauth.account.forms import LoginForm
from django.utils.translation import gettext_lazy as _


class PlatformLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "Login" says nothing about what to type; the label is what screen readers announce.
        self.fields["login"].label = _("Username or e-mail address")
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me logged in on this device")
