from django import forms
from django.utils.translation import gettext_lazy as _

from cyberregions.core import permissions
from cyberregions.core.concurrency import VersionedFormMixin
from cyberregions.core.forms import style_widgets
from cyberregions.geo.models import Region

from .duplicates import normalise_vat
from .fields import EDITABLE_FIELDS
from .models import ClaimRequest, Contact, Organisation


class OrganisationForm(VersionedFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "products_services": forms.Textarea(attrs={"rows": 3}),
            "domains": forms.CheckboxSelectMultiple,
            "sectors": forms.CheckboxSelectMultiple,
            "technologies": forms.CheckboxSelectMultiple,
            "nist_functions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.assignable_by(user, self.instance.region_id)
        if not permissions.is_admin(user):
            self.fields["region"].required = not self.instance.pk or bool(self.instance.region_id)
        self.fields["region"].queryset = regions
        style_widgets(self)
        for name in ("employees", "turnover_eur", "balance_sheet_eur"):
            self.fields[name].help_text = _(
                "Used to derive the EU size class; leave empty when unknown."
            )

    def clean(self):
        data = super().clean()
        region, country = data.get("region"), data.get("country")
        if region and country and region.country_id != country.pk:
            self.add_error("region", _("This region is not in the chosen country."))
        return data


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone", "public_consent"]
        help_texts = {
            "public_consent": _(
                "Tick only with the person's agreement: the date is recorded, and the contact "
                "is then shown to every visitor of the atlas."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class ClaimRequestForm(forms.ModelForm):
    class Meta:
        model = ClaimRequest
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3, "class": "form-control"})}
        labels = {"message": _("Why do you act for this organisation?")}


class ClaimDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refuse" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the request is refused."))
        return data


class RegistrationForm(OrganisationForm):
    """The atlas form for an organisation that is not in the atlas yet: the same fields and
    checks, any partner territory (or none), and its VAT number to find duplicates."""

    registration_number = forms.CharField(
        label=_("VAT number"),
        required=False,
        max_length=30,
        help_text=_(
            "The EU VAT number, with or without its country prefix. Used to find the "
            "organisation if it is already in the atlas; not shown publicly."
        ),
    )

    def __init__(self, *args, registration_number: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        region.queryset = Region.objects.filter(is_partner_territory=True).select_related("country")
        region.required = False
        region.help_text = _(
            "Its partner territory, whose coordinator decides the request; leave empty "
            "outside the partner territories (programme staff decide then)."
        )
        self.fields["registration_number"].initial = registration_number
        self.fields["registration_number"].widget.attrs.setdefault("class", "form-control")
        order = list(self.fields)
        order.remove("registration_number")
        order.insert(order.index("legal_name") + 1, "registration_number")
        self.order_fields(order)

    def clean(self):
        data = super().clean()
        country = data.get("country")
        try:
            data["registration_number"] = normalise_vat(
                data.get("registration_number", ""), country.iso if country else ""
            )
        except ValueError:
            self.add_error(
                "registration_number",
                _("This is not a valid EU VAT number (for example FR40303265045)."),
            )
        return data


class DuplicateConfirmationForm(forms.Form):
    """Shown under the likely duplicates: the applicant says none of them is theirs."""

    confirmed = forms.BooleanField(
        label=_("None of these is my organisation: send the registration request anyway."),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    # The duplicates the applicant was shown, so that a new one (after an edit) is shown too.
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def confirms(self, keys: list[str]) -> bool:
        if not self.is_valid() or not self.cleaned_data["confirmed"]:
            return False
        return set(keys) <= set(filter(None, self.cleaned_data["seen"].split(",")))
