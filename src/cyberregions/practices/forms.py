from django import forms
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cyberregions.core.forms import style_widgets as style
from cyberregions.core.permissions import coordinated_region_ids, is_programme_staff
from cyberregions.geo.models import Region
from cyberregions.organisations.models import Organisation

from . import permissions
from .choices import CommentKind
from .models import FollowUp, Investigation, Practice, PracticeFigure
from .services.practices import PRACTICE_FIELDS


def choosable_organisations(user, current_region: int | None = None):
    """The organisations ``user`` may name on a practice: those of the regions it writes
    practices for (the form's list and its autocomplete share this rule)."""
    regions = Region.objects.assignable_by(user, current_region)
    return Organisation.objects.filter(region__in=regions).only("id", "name")


class PracticeForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = PRACTICE_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "policy_instruments": forms.Textarea(attrs={"rows": 2}),
            "resources_note": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.Textarea(attrs={"rows": 4}),
            "difficulties": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 3}),
            "transfer_potential": forms.Textarea(attrs={"rows": 3}),
            "links": forms.Textarea(attrs={"rows": 2}),
            "barriers": forms.CheckboxSelectMultiple,
            "domains": forms.CheckboxSelectMultiple,
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.region_id if self.instance.pk else None
        regions = Region.objects.assignable_by(user, current)
        self.fields["region"].queryset = regions
        # The organisations of the regions the user writes for (and those already chosen).
        organisations = choosable_organisations(user, current)
        if self.instance.pk:
            chosen = list(self.instance.other_organisations.values_list("pk", flat=True))
            if self.instance.main_institution_id:
                chosen.append(self.instance.main_institution_id)
            organisations = organisations | Organisation.objects.filter(pk__in=chosen).only(
                "id", "name"
            )
        organisations = organisations.order_by("name", "id")
        self.fields["main_institution"].queryset = organisations
        self.fields["main_institution"].required = True
        self.fields["other_organisations"].queryset = organisations
        self.fields["other_organisations"].widget.attrs.update(
            {
                "size": 8,
                # static/practices/organisation-picker.js turns the list into a search box.
                "data-autocomplete-url": reverse("practices:organisation_choices"),
                "data-remove-label": _("Remove"),
            }
        )
        self.fields["other_organisations"].help_text = _(
            "Type a few letters of a name to find an organisation (without JavaScript, hold "
            "Ctrl or Cmd to choose several in the list)."
        )
        self.fields["barriers"].required = True
        style(self)

    def clean_links(self):
        links = self.cleaned_data.get("links", "")
        validate = URLValidator(schemes=["http", "https"])
        lines = [line.strip() for line in links.splitlines() if line.strip()]
        for line in lines:
            try:
                validate(line)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("“%(link)s” is not a web address (http or https)."),
                    params={"link": line[:100]},
                ) from error
        return "\n".join(lines)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot come before the start date."))
        if data.get("contact_public_consent") and not data.get("contact_name"):
            self.add_error("contact_name", _("Name the contact who agreed to be shown."))
        return data


class FigureForm(forms.ModelForm):
    class Meta:
        model = PracticeFigure
        fields = ["label", "value", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


FigureFormSet = forms.modelformset_factory(
    PracticeFigure, form=FigureForm, extra=2, can_delete=True, max_num=20, validate_max=True
)


def figure_rows(formset) -> list[dict]:
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE") or not data.get("label"):
            continue
        rows.append({"label": data["label"], "value": data["value"], "unit": data.get("unit", "")})
    return rows


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), widget=forms.ClearableFileInput())
    title = forms.CharField(label=_("Title"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class CommentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[])
    body = forms.CharField(
        label=_("Your question or comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, owner=False, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [CommentKind.QUESTION, CommentKind.COMMENT]
        if owner:
            kinds.append(CommentKind.ANSWER)
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in kinds]
        style(self)


class InterestForm(forms.Form):
    region = forms.ModelChoiceField(label=_("For the region"), queryset=Region.objects.none())
    message = forms.CharField(
        label=_("What you would like to learn"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("Share my name and e-mail address with the practice's owners."), required=True
    )

    def __init__(self, *args, user=None, practice=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = permissions.practice_interest_region_ids(user) - {practice.region_id}
        self.fields["region"].queryset = Region.objects.filter(pk__in=ids).order_by("name")
        style(self)


class InvestigationForm(forms.ModelForm):
    class Meta:
        model = Investigation
        fields = [
            "kind",
            "title",
            "host_region",
            "peer_regions",
            "practices",
            "start_date",
            "end_date",
            "participants",
            "agenda",
            "findings",
            "recommendations",
        ]
        widgets = {
            "peer_regions": forms.CheckboxSelectMultiple,
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "participants": forms.Textarea(attrs={"rows": 3}),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "recommendations": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        partner_regions = Region.objects.filter(is_partner_territory=True).select_related("country")
        hosts = partner_regions
        if not is_programme_staff(user):
            allowed = set(coordinated_region_ids(user))
            if self.instance.pk:
                allowed.add(self.instance.host_region_id)
            hosts = hosts.filter(pk__in=allowed)
        self.fields["host_region"].queryset = hosts
        self.fields["peer_regions"].queryset = partner_regions
        self.fields["practices"].queryset = (
            Practice.objects.visible_to(user).select_related("region").order_by("title")
        )
        self.fields["practices"].widget.attrs["size"] = 8
        style(self)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot come before the start date."))
        return data


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["task", "owner", "due_date"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        if owners is not None:
            self.fields["owner"].queryset = owners.order_by("username")
        style(self)
