"""Forms of the skills module: a course, a declared need, a vacancy, a workflow step, an
import, and the questions of the person's page."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cyberregions.core.forms import StepReasonForm, style_widgets
from cyberregions.core.languages import language_choices
from cyberregions.organisations.models import Organisation
from cyberregions.taxonomy.models import EcsfProfile

from .choices import COVERED_KINDS
from .models import Course, EcsfItem, SkillsNeed, Vacancy
from .services import COURSE_FIELDS, NEED_FIELDS, VACANCY_FIELDS


def editable_organisations(user):
    return Organisation.objects.editable_by(user).order_by("name")


class ItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_kind_display()}: {obj.text}"


class CourseForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=language_choices, widget=forms.CheckboxSelectMultiple
    )
    start_dates = forms.CharField(
        label=_("Next start dates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One date a line, as 2027-09-15."),
    )
    profiles = forms.ModelMultipleChoiceField(
        label=_("ECSF profiles targeted"),
        queryset=EcsfProfile.objects.order_by("position"),
        widget=forms.CheckboxSelectMultiple,
    )
    items = ItemChoiceField(
        label=_("ECSF tasks, skills and knowledge covered"),
        queryset=EcsfItem.objects.filter(kind__in=COVERED_KINDS).order_by("code"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("They give the course's coverage share of each profile it targets."),
    )

    class Meta:
        model = Course
        fields = COURSE_FIELDS

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = editable_organisations(user)
        if self.instance.pk:
            self.initial["start_dates"] = "\n".join(self.instance.start_dates or [])
        style_widgets(self)

    def clean_start_dates(self):
        dates = []
        for line in self.cleaned_data["start_dates"].split():
            try:
                value = datetime.date.fromisoformat(line.strip())
            except ValueError as error:
                raise forms.ValidationError(
                    _("“%(value)s” is not a date (write 2027-09-15).") % {"value": line}
                ) from error
            if value < timezone.localdate():
                raise forms.ValidationError(_("A next start date cannot be in the past."))
            dates.append(value.isoformat())
        return sorted(set(dates))

    def clean(self):
        data = super().clean()
        kind, ects = data.get("kind"), data.get("ects")
        if kind in ("bachelor", "master") and data.get("cyber_share") is None:
            self.add_error(
                "cyber_share", _("Give the share of cybersecurity modules of a degree programme.")
            )
        if ects is not None and ects > 360:
            self.add_error("ects", _("A programme carries at most 360 ECTS credits."))
        return data


class NeedForm(forms.ModelForm):
    class Meta:
        model = SkillsNeed
        fields = NEED_FIELDS

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = editable_organisations(user)
        self.fields["profile"].queryset = EcsfProfile.objects.order_by("position")
        style_widgets(self)


class VacancyForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=language_choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Vacancy
        fields = VACANCY_FIELDS
        widgets = {"closing_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = editable_organisations(user)
        self.fields["profile"].queryset = EcsfProfile.objects.order_by("position")
        style_widgets(self)

    def clean_closing_date(self):
        value = self.cleaned_data["closing_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return value


class CourseStepForm(StepReasonForm):
    pass


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One course a row; the first row holds the column names."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class ProfileFinderForm(forms.Form):
    """The person's page: a profile, or the tasks one likes; a place and a level. Nothing
    is stored."""

    profile = forms.ModelChoiceField(
        label=_("A profile"),
        queryset=EcsfProfile.objects.order_by("position"),
        required=False,
        empty_label=_("— I do not know yet —"),
    )
    likes = forms.MultipleChoiceField(
        label=_("Which of these would you like to do?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    region = forms.ChoiceField(label=_("Where do you live?"), required=False)
    level = forms.TypedChoiceField(
        label=_("Highest level you would study at (EQF)"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", _("Any level"))] + [(str(n), str(n)) for n in range(1, 9)],
    )

    def __init__(self, *args, likes=(), regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["likes"].choices = likes
        self.fields["region"].choices = [("", _("Anywhere (online courses only)")), *regions]
        style_widgets(self)
