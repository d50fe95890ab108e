from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cyberregions.core.concurrency import VersionedFormMixin
from cyberregions.core.forms import StepReasonForm
from cyberregions.core.forms import style_widgets as style
from cyberregions.geo.models import Partner, Region
from cyberregions.organisations.models import Organisation
from cyberregions.practices.models import Practice

from . import periods
from .choices import NEEDS_EXPLANATION, ActionStatus, PlanStep
from .models import Action, ActionPlan, Indicator, period_label
from .services.plans import ACTION_FIELDS, INDICATOR_FIELDS, PLAN_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(VersionedFormMixin, forms.ModelForm):
    """Parts I and II of a plan."""

    class Meta:
        model = ActionPlan
        fields = PLAN_FIELDS
        widgets = {
            "other_partners": forms.CheckboxSelectMultiple,
            "policy_context": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.region_id if self.instance.pk else None
        self.fields["region"].queryset = Region.objects.assignable_by(user, current)
        self.fields["partner"].queryset = Partner.objects.order_by("key")
        self.fields["other_partners"].queryset = Partner.objects.order_by("key")
        style(self)

    def clean(self):
        data = super().clean()
        if not data.get("partner") and not (data.get("partner_name") or "").strip():
            self.add_error("partner", _("Choose the partner organisation or write its name."))
        if data.get("contact_public_consent") and not data.get("contact_name"):
            self.add_error("contact_name", _("Name the contact who agreed to be shown."))
        partner, others = data.get("partner"), data.get("other_partners")
        if partner and others and partner in others:
            self.add_error(
                "other_partners", _("The partner organisation is not one of the other partners.")
            )
        return data


class ActionForm(forms.ModelForm):
    """Part III: one action."""

    class Meta:
        model = Action
        fields = ACTION_FIELDS
        widgets = {
            "background": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "players_note": forms.Textarea(attrs={"rows": 2}),
            "funding_sources": forms.Textarea(attrs={"rows": 2}),
            "practices": forms.CheckboxSelectMultiple,
            "start_date": DATE,
            "end_date": DATE,
        }

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        chosen_practices = []
        chosen_players = []
        if self.instance.pk:
            chosen_practices = list(self.instance.practices.values_list("pk", flat=True))
            chosen_players = list(self.instance.players.values_list("pk", flat=True))
        # Published practices (any region), and those already cited.
        practices = Practice.objects.published() | Practice.objects.filter(pk__in=chosen_practices)
        self.fields["practices"] = forms.ModelMultipleChoiceField(
            label=Action._meta.get_field("practices").verbose_name,
            queryset=practices.select_related("region").order_by("title", "id"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The good practices of the cooperation that inspired the action."),
        )
        self.fields["practices"].label_from_instance = lambda practice: (
            f"{practice.title} ({practice.region.name})"
        )
        # The organisations of the plan's region, and those already chosen.
        players = Organisation.objects.filter(
            region_id=plan.region_id
        ) | Organisation.objects.filter(pk__in=chosen_players)
        self.fields["players"].queryset = players.only("id", "name").order_by("name", "id")
        self.fields["players"].widget.attrs["size"] = 8
        self.fields["players"].help_text = _(
            "Organisations of the atlas in the plan's region; hold Ctrl (or Cmd) to choose "
            "several. Write other players below."
        )
        self.fields["position"].required = False
        self.fields["position"].help_text = _("Left empty, the action comes last.")
        style(self)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot come before the start date."))
        return data


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = INDICATOR_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        style(self)


class MilestoneForm(forms.Form):
    due_date = forms.DateField(label=_("Date"), widget=DATE)
    value = forms.DecimalField(label=_("Value to reach"), max_digits=14, decimal_places=2)
    label = forms.CharField(label=_("What is reached"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


MilestoneFormSet = forms.formset_factory(
    MilestoneForm, extra=2, can_delete=True, max_num=20, validate_max=True
)


def milestone_rows(formset) -> list[dict]:
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE") or not data.get("due_date"):
            continue
        rows.append(
            {"due_date": data["due_date"], "value": data["value"], "label": data.get("label", "")}
        )
    return rows


class StepForm(StepReasonForm):
    """A workflow step of a plan: a reason, and for some steps what the step records."""

    authority = forms.CharField(
        label=_("Authority that endorsed the plan"), required=False, max_length=250
    )
    signed_by = forms.CharField(
        label=_("Signed by (name and function)"), required=False, max_length=200
    )
    endorsed_on = forms.DateField(label=_("Endorsed on"), required=False, widget=DATE)
    on = forms.DateField(label=_("Date"), required=False, widget=DATE)

    def __init__(self, *args, step=None, needs_reason=False, **kwargs):
        super().__init__(*args, needs_reason=needs_reason, **kwargs)
        if step == PlanStep.ENDORSE:
            for name in ("authority", "signed_by", "endorsed_on"):
                self.fields[name].required = True
            self.fields["reason"].label = _("Remarks")
        else:
            for name in ("authority", "signed_by", "endorsed_on"):
                del self.fields[name]
        if step in (PlanStep.START, PlanStep.COMPLETE):
            self.fields["on"].initial = timezone.localdate()
            self.fields["on"].required = True
        else:
            del self.fields["on"]
        style(self)

    def clean_endorsed_on(self):
        value = self.cleaned_data.get("endorsed_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The endorsement cannot be dated in the future."))
        return value


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


# Monitoring -------------------------------------------------------------------------------


class StartReportForm(forms.Form):
    period = forms.ChoiceField(label=_("Semester"))

    def __init__(self, *args, open_periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [
            (periods.period_key(period), period_label(*period)) for period in open_periods
        ]
        style(self)

    def clean_period(self):
        return periods.parse_period_key(self.cleaned_data["period"])


class ReportSummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Overview of the semester"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class EntryForm(forms.Form):
    """One action's line of a report."""

    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    explanation = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the action is delayed or abandoned."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)

    def clean(self):
        data = super().clean()
        if data.get("status") in NEEDS_EXPLANATION and not (data.get("explanation") or "").strip():
            self.add_error("explanation", _("Explain why the action is delayed or abandoned."))
        return data


class ValueForm(forms.Form):
    current = forms.DecimalField(
        label=_("Current value"), required=False, max_digits=14, decimal_places=2
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class EvidenceForm(forms.Form):
    """A link, a file, or both (two pieces of evidence)."""

    url = forms.URLField(
        label=_("Web address"), required=False, max_length=500, assume_scheme="https"
    )
    file = forms.FileField(label=_("File"), required=False)
    title = forms.CharField(label=_("Title"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)

    def clean(self):
        data = super().clean()
        if not data.get("url") and not data.get("file"):
            raise forms.ValidationError(_("Give a web address or choose a file."))
        return data


class ReportStepForm(StepReasonForm):
    def __init__(self, *args, needs_reason=False, **kwargs):
        super().__init__(*args, needs_reason=needs_reason, **kwargs)
        self.fields["reason"].label = _("Remarks (sent to the people concerned)")
        style(self)


class ModificationForm(forms.Form):
    """A modification request: the reason, and the plan's and each action's fields prefilled
    with their present values (only what differs is proposed)."""

    reason = forms.CharField(
        label=_("Why the plan must change (programme staff read it)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        from .services.modifications import ACTION_FIELDS as CHANGEABLE_ACTION_FIELDS
        from .services.modifications import PLAN_FIELDS as CHANGEABLE_PLAN_FIELDS

        plan_form = forms.models.fields_for_model(ActionPlan, fields=CHANGEABLE_PLAN_FIELDS)
        for name, field in plan_form.items():
            field.initial = getattr(plan, name)
            self.fields[f"plan-{name}"] = field
        self.action_groups = []
        for action in plan.actions.order_by("position", "id"):
            action_form = forms.models.fields_for_model(Action, fields=CHANGEABLE_ACTION_FIELDS)
            names = []
            for name, field in action_form.items():
                field.initial = getattr(action, name)
                if isinstance(field, forms.DateField):
                    field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
                key = f"action-{action.pk}-{name}"
                self.fields[key] = field
                names.append(key)
            self.action_groups.append((action, names))
        style(self)

    def plan_fields(self):
        return [self[name] for name in self.fields if name.startswith("plan-")]

    def action_fields(self):
        return [(action, [self[name] for name in names]) for action, names in self.action_groups]

    def proposed(self) -> dict:
        data = self.cleaned_data
        proposed: dict = {"plan": {}, "actions": {}}
        for key, value in data.items():
            if key.startswith("plan-"):
                proposed["plan"][key.removeprefix("plan-")] = value
            elif key.startswith("action-"):
                _prefix, pk, name = key.split("-", 2)
                proposed["actions"].setdefault(pk, {})[name] = value
        return proposed


class ModificationStepForm(StepReasonForm):
    def __init__(self, *args, needs_reason=False, **kwargs):
        super().__init__(*args, needs_reason=needs_reason, **kwargs)
        self.fields["reason"].label = _("Remarks (sent to the region)")
        style(self)
