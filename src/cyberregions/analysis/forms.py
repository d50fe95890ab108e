from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cyberregions.geo.models import Region
from cyberregions.organisations.models import Organisation
from cyberregions.taxonomy.labels import lazy_description, lazy_label
from cyberregions.taxonomy.models import Barrier, Domain

from .choices import Importance, NeedLevel
from .models import NeedsSurvey, SwotItem
from .services import MAX_INVITATIONS_AT_ONCE

MIN_COMPARED, MAX_COMPARED = 2, 9


def _bootstrap(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            widget.attrs.setdefault("class", "form-check-input")
            continue
        css = "form-select" if isinstance(widget, forms.Select) else "form-control"
        widget.attrs.setdefault("class", css)


class SurveyForm(forms.ModelForm):
    class Meta:
        model = NeedsSurvey
        fields = ["title", "introduction"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class EmailInvitationForm(forms.Form):
    addresses = forms.CharField(
        label=_("E-mail addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, or separated by commas. Each gets a personal link."),
    )
    include_contacts = forms.BooleanField(
        label=_("Also the contacts of the region's organisations who consented to be contacted"),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if not (data.get("addresses") or "").strip() and not data.get("include_contacts"):
            raise ValidationError(_("Give addresses, or choose the organisations' contacts."))
        return data


class InvitationForm(forms.Form):
    count = forms.IntegerField(
        label=_("Number of links"), min_value=1, max_value=MAX_INVITATIONS_AT_ONCE, initial=1
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation invited"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Optional: an organisation of the region that receives the links."),
    )
    label = forms.CharField(
        label=_("Label"),
        max_length=150,
        required=False,
        help_text=_("Who receives the links, e.g. “cluster members”. No personal names."),
    )

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if region is not None:
            self.fields["organisation"].queryset = Organisation.objects.filter(region=region).only(
                "id", "name"
            )
        _bootstrap(self)


class ResponseForm(forms.Form):
    """The questionnaire: the three barriers on a five-point scale, the JRC domains on a
    four-point scale of need, and a free comment."""

    comment = forms.CharField(
        label=_("Anything else the data cannot tell about your region's needs?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.barriers = list(Barrier.objects.values_list("code", "label", "description"))
        self.domains = list(Domain.objects.values_list("code", "label"))
        fields = {}
        for code, label, description in self.barriers:
            fields[f"barrier_{code}"] = forms.TypedChoiceField(
                label=lazy_label("barrier", code, label),
                help_text=lazy_description("barrier", code, description),
                choices=Importance.choices,
                coerce=int,
                widget=forms.RadioSelect,
            )
        need_choices = [(0, _("No need")), *NeedLevel.choices]
        for code, label in self.domains:
            fields[f"domain_{code}"] = forms.TypedChoiceField(
                label=lazy_label("domain", code, label),
                choices=need_choices,
                coerce=int,
                initial=0,
                required=False,
                empty_value=0,
            )
        self.fields = {**fields, "comment": self.fields["comment"]}
        _bootstrap(self)

    def barrier_fields(self):
        return [self[f"barrier_{code}"] for code, _label, _description in self.barriers]

    def domain_fields(self):
        return [self[f"domain_{code}"] for code, _label in self.domains]

    def answers(self) -> tuple[dict[str, int], dict[str, int]]:
        data = self.cleaned_data
        barriers = {code: data[f"barrier_{code}"] for code, _label, _d in self.barriers}
        needs = {code: data[f"domain_{code}"] for code, _label in self.domains}
        return barriers, {code: value for code, value in needs.items() if value}


class SwotItemForm(forms.ModelForm):
    class Meta:
        model = SwotItem
        fields = ["quadrant", "text", "detail", "barrier", "position"]
        widgets = {"detail": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class ComparisonForm(forms.Form):
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions to compare"),
        queryset=Region.objects.none(),
        to_field_name="code",
        help_text=_("Choose from two to nine regions."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions"].queryset = Region.objects.select_related("country").order_by(
            "country__name", "-is_partner_territory", "name", "code"
        )

    def groups(self) -> list[tuple[str, list]]:
        """The region checkboxes grouped by country, countries in the reader's alphabetical
        order, partner territories first within each."""
        by_country: dict[str, list] = {}
        for choice in self["regions"]:
            region = choice.data["value"].instance
            by_country.setdefault(str(region.country), []).append(choice)
        return sorted(by_country.items(), key=lambda item: item[0].casefold())

    def clean_regions(self):
        regions = self.cleaned_data["regions"]
        if not MIN_COMPARED <= len(regions) <= MAX_COMPARED:
            raise ValidationError(
                _("Choose from %(min)d to %(max)d regions."),
                params={"min": MIN_COMPARED, "max": MAX_COMPARED},
            )
        return regions
