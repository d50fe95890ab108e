"""The get-help forms: a provider's services, a label, the emergency triage, a
self-assessment, a help request and its closing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cyberregions.core.forms import style_widgets
from cyberregions.core.languages import language_choices
from cyberregions.geo.models import Country, Region
from cyberregions.taxonomy.models import Sector

from .choices import PROVIDER_CLIENTS, BudgetBand, ClientType, Incident, Urgency
from .models import Label, ServiceCategory
from .questionnaires import answer_label
from .scoring import DONT_KNOW, NOT_APPLICABLE


def place_fields(form, required_country=True):
    form.fields["country"] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.filter(is_eu_member=True),
        to_field_name="iso",
        required=required_country,
        error_messages={"invalid_choice": _("Unknown country: choose one of the list.")},
    )
    form.fields["region"] = forms.ModelChoiceField(
        label=_("Region (optional)"),
        queryset=Region.objects.select_related("country").filter(level__lte=2),
        to_field_name="code",
        required=False,
        error_messages={"invalid_choice": _("Unknown region: choose one of the list.")},
    )


def clean_place(form, cleaned):
    region, country = cleaned.get("region"), cleaned.get("country")
    if region is not None and country is not None and region.country_id != country.pk:
        form.add_error("region", _("This region is not in the chosen country."))
    return cleaned


class ProviderProfileForm(forms.Form):
    categories = forms.ModelMultipleChoiceField(
        label=_("Services offered"),
        queryset=ServiceCategory.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    coverage_regions = forms.ModelMultipleChoiceField(
        label=_("Regions served on site"),
        queryset=Region.objects.select_related("country").filter(level__lte=2),
        required=False,
        help_text=_("Your own region is always served on site when you work on site."),
    )
    coverage_countries = forms.ModelMultipleChoiceField(
        label=_("Countries served on site"),
        queryset=Country.objects.filter(is_eu_member=True),
        required=False,
    )
    on_site = forms.BooleanField(label=_("We work on site"), required=False)
    remote = forms.BooleanField(label=_("We work remotely anywhere in the EU"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=language_choices, widget=forms.CheckboxSelectMultiple
    )
    clients = forms.MultipleChoiceField(
        label=_("Clients served"), choices=PROVIDER_CLIENTS, widget=forms.CheckboxSelectMultiple
    )
    available_24_7 = forms.BooleanField(label=_("Available 24/7"), required=False)
    response_hours = forms.IntegerField(
        label=_("Committed response time (hours)"), min_value=1, max_value=720, initial=24
    )
    capacity = forms.IntegerField(
        label=_("Open requests you can take at a time"), min_value=0, max_value=500, initial=3
    )
    is_active = forms.BooleanField(label=_("Taking new requests"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    @classmethod
    def initial_from(cls, profile) -> dict:
        if profile is None:
            return {"on_site": True, "is_active": True, "languages": ["en"], "clients": ["sme"]}
        return {
            "categories": list(profile.categories.all()),
            "coverage_regions": list(profile.coverage_regions.all()),
            "coverage_countries": list(profile.coverage_countries.all()),
            "on_site": profile.on_site,
            "remote": profile.remote,
            "languages": profile.language_list,
            "clients": profile.client_list,
            "available_24_7": profile.available_24_7,
            "response_hours": profile.response_hours,
            "capacity": profile.capacity,
            "is_active": profile.is_active,
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("on_site") and not cleaned.get("remote"):
            raise forms.ValidationError(_("Say whether you work on site, remotely or both."))
        return cleaned


class LabelForm(forms.Form):
    label = forms.ModelChoiceField(label=_("Label"), queryset=Label.objects.filter(is_active=True))
    number = forms.CharField(label=_("Certificate number"), max_length=80, required=False)
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_until = forms.DateField(
        label=_("Valid until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    evidence_url = forms.URLField(label=_("Evidence (link)"), required=False, assume_scheme="https")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("A label cannot end before it starts."))
        return cleaned


class TriageForm(forms.Form):
    """The emergency's two steps, both read from the query string (no JavaScript)."""

    who = forms.ChoiceField(
        label=_("Who are you?"), choices=ClientType.choices, widget=forms.RadioSelect
    )
    what = forms.ChoiceField(
        label=_("What is happening?"),
        choices=Incident.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    language = forms.ChoiceField(label=_("Language"), choices=language_choices, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        place_fields(self)
        style_widgets(self)

    def clean(self):
        return clean_place(self, super().clean())


class StartAssessmentForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        place_fields(self, required_country=False)
        style_widgets(self)

    def clean(self):
        return clean_place(self, super().clean())


class AssessmentForm(forms.Form):
    """One radio group per question, with "don't know" and "not applicable" added."""

    def __init__(self, questionnaire: dict, *args, language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        place_fields(self, required_country=False)
        for question in questionnaire["questions"]:
            choices = [
                (answer["key"], answer_label(answer["key"], answer["label"]))
                for answer in question["answers"]
            ]
            choices += [
                (DONT_KNOW, answer_label(DONT_KNOW)),
                (NOT_APPLICABLE, answer_label(NOT_APPLICABLE)),
            ]
            self.fields[f"q_{question['key']}"] = forms.ChoiceField(
                label=question["text"],
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer (or “I don't know”).")},
            )
        style_widgets(self)

    def clean(self):
        return clean_place(self, super().clean())

    def answers(self) -> dict[str, str]:
        return {
            question["key"]: self.cleaned_data[f"q_{question['key']}"]
            for question in self.questionnaire["questions"]
        }

    def question_fields(self):
        return [self[f"q_{question['key']}"] for question in self.questionnaire["questions"]]


class HelpRequestForm(forms.Form):
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64, min_length=16)
    categories = forms.ModelMultipleChoiceField(
        label=_("What do you need?"),
        queryset=ServiceCategory.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        to_field_name="code",
        error_messages={"invalid_choice": _("Unknown service: %(value)s.")},
    )
    urgency = forms.ChoiceField(label=_("How urgent is it?"), choices=Urgency.choices)
    entity_type = forms.ChoiceField(
        label=_("Who are you?"),
        choices=[c for c in ClientType.choices if c[0] != ClientType.PERSON],
    )
    sector = forms.ModelChoiceField(
        label=_("Sector (optional)"),
        queryset=Sector.objects.all(),
        to_field_name="code",
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language you want to be helped in"),
        choices=language_choices,
        error_messages={"invalid_choice": _("Unknown language: choose one of the list.")},
    )
    description = forms.CharField(
        label=_("Describe what you need (no passwords or personal data of others)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=150)
    contact_email = forms.EmailField(label=_("Your e-mail address"))
    contact_phone = forms.CharField(label=_("Your phone (optional)"), max_length=40, required=False)
    contact_consent = forms.BooleanField(
        label=_(
            "I agree that the providers chosen for this request receive my contact details, "
            "and that they are erased one year after the request ends."
        ),
        error_messages={"required": _("Without your consent no provider can contact you.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        place_fields(self)
        style_widgets(self)

    def clean(self):
        return clean_place(self, super().clean())


class CloseRequestForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was the help you received?"),
        choices=[(str(n), str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class BuyerNeedForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.all())
    categories = forms.ModelMultipleChoiceField(
        label=_("Services"),
        queryset=ServiceCategory.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    description = forms.CharField(
        label=_("Description"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    budget_band = forms.ChoiceField(label=_("Budget"), choices=BudgetBand.choices)
    expected_from = forms.DateField(
        label=_("Expected start"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class FollowSectorsForm(forms.Form):
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors whose public needs you want to hear of"),
        queryset=Sector.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)
