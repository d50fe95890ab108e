import zoneinfo

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cyberregions.core import permissions
from cyberregions.core.forms import style_widgets as style
from cyberregions.geo.models import Region
from cyberregions.organisations.models import Organisation

from .choices import Priority
from .models import AgendaSession, CooperationItem, Event, FeedbackResponse
from .models.events import time_zone_names

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
MAX_ORGANISATION_CHOICES = 2000


def local_input() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT)


class EventTimeMixin:
    """Date-time fields typed and shown in the event's own time zone, whatever the reader's.

    Django reads a date-time input in the current time zone; the wall-clock value is taken
    from it and placed in the event's zone instead.
    """

    time_fields: tuple[str, ...] = ()

    def _event_zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo("UTC")

    def show_times_in(self, zone: zoneinfo.ZoneInfo, instance=None) -> None:
        for name in self.time_fields:
            value = getattr(instance, name, None) if instance is not None else None
            value = value if value is not None else self.initial.get(name)
            if value is not None and timezone.is_aware(value):
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def place_times_in(self, data: dict, zone: zoneinfo.ZoneInfo) -> None:
        for name in self.time_fields:
            value = data.get(name)
            if value is not None:
                naive = timezone.make_naive(value) if timezone.is_aware(value) else value
                data[name] = naive.replace(tzinfo=zone)


class EventForm(EventTimeMixin, forms.ModelForm):
    time_fields = ("starts_at", "ends_at", "registration_deadline")
    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")

    class Meta:
        model = Event
        fields = [
            "title",
            "event_type",
            "summary",
            "description",
            "host_region",
            "time_zone",
            "starts_at",
            "ends_at",
            "venue",
            "address",
            "online_url",
            "capacity",
            "registration_deadline",
            "request_cap",
            "barriers",
            "domains",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "starts_at": local_input(),
            "ends_at": local_input(),
            "registration_deadline": local_input(),
            "barriers": forms.CheckboxSelectMultiple,
            "domains": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.select_related("country").filter(
            level__lte=2, is_partner_territory=True
        )
        if not permissions.is_admin(user):
            allowed = set(permissions.coordinated_region_ids(user))
            if self.instance.pk:
                allowed.add(self.instance.host_region_id)
            regions = Region.objects.select_related("country").filter(pk__in=allowed)
        self.fields["host_region"].queryset = regions
        self.fields["time_zone"].widget = forms.Select(
            choices=[(name, name) for name in sorted(time_zone_names())]
        )
        if self.instance.pk:
            self.show_times_in(self.instance.tz, self.instance)
        for name in self.time_fields:
            self.fields[name].help_text = _("In the event's time zone.")
        style(self)

    def clean(self):
        data = super().clean()
        zone_name = data.get("time_zone")
        if zone_name:
            self.place_times_in(data, zoneinfo.ZoneInfo(zone_name))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must come after the start."))
        deadline = data.get("registration_deadline")
        if deadline and starts and deadline > starts:
            self.add_error("registration_deadline", _("Registration closes before the start."))
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=[("published", ""), ("cancelled", ""), ("draft", "")])


class AgendaSessionForm(EventTimeMixin, forms.ModelForm):
    time_fields = ("starts_at", "ends_at")

    class Meta:
        model = AgendaSession
        fields = ["title", "starts_at", "ends_at", "location", "speakers", "description"]
        widgets = {
            "starts_at": local_input(),
            "ends_at": local_input(),
            "description": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, event: Event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        style(self)

    def clean(self):
        data = super().clean()
        self.place_times_in(data, self.event.tz)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must come after the start."))
        return data


class RegistrationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation you represent"), queryset=Organisation.objects.none()
    )
    show_name = forms.BooleanField(
        label=_("Show my name to the other participants"),
        required=False,
        help_text=_("Otherwise only your organisation is shown. You can withdraw it later."),
    )

    def __init__(self, *args, user, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        member = permissions.member_organisation_ids(user)
        regions = permissions.coordinated_region_ids(user)
        condition = Q(pk__in=member)
        if regions:
            condition |= Q(region_id__in=regions)
        ids = Organisation.objects.filter(condition).order_by("name").values_list("pk", flat=True)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=list(ids[:MAX_ORGANISATION_CHOICES])
        ).order_by("name")
        self.fields["organisation"].required = event.is_brokerage
        if not event.is_brokerage:
            self.fields["organisation"].empty_label = _("— none, I come on my own —")
            # Names are shown to other participants only in a brokerage event's catalogue.
            del self.fields["show_name"]
        style(self)


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = FeedbackResponse
        fields = [
            "overall",
            "content",
            "organisation_rating",
            "new_contacts",
            "would_return",
            "comments",
        ]
        widgets = {
            "overall": forms.RadioSelect,
            "content": forms.RadioSelect,
            "organisation_rating": forms.RadioSelect,
            "comments": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"comments": _("Please leave out personal data about other people.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("overall", "content", "organisation_rating"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]
        style(self)


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        label=_("Attended"),
        choices=[("", _("Not recorded")), ("yes", _("Present")), ("no", _("Absent"))],
        required=False,
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
    )
    request_cap = forms.IntegerField(
        label=_("Meeting requests allowed"), min_value=0, max_value=500, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class ProfileForm(forms.Form):
    headline = forms.CharField(label=_("Headline"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Who we are and what we look for"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    show_name = forms.BooleanField(
        label=_("Show my name to the other participants"),
        required=False,
        help_text=_("Otherwise only your organisation is shown."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class CooperationItemForm(forms.ModelForm):
    class Meta:
        model = CooperationItem
        fields = ["kind", "title", "description", "domains", "sectors", "technologies"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "domains": forms.CheckboxSelectMultiple,
            "sectors": forms.CheckboxSelectMultiple,
            "technologies": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why would you like to meet? What would you discuss?"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
    mutual = forms.BooleanField(required=False)


class AvailabilityForm(forms.Form):
    available = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["available"].choices = [(slot.pk, str(slot)) for slot in slots]


class GridForm(forms.Form):
    meeting_minutes = forms.IntegerField(
        label=_("Meeting length (minutes)"), min_value=5, max_value=240
    )
    meeting_tables = forms.IntegerField(label=_("Tables"), min_value=1, max_value=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class MeetingSessionForm(EventTimeMixin, forms.Form):
    time_fields = ("starts_at", "ends_at")
    label = forms.CharField(label=_("Label"), max_length=100, required=False)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=local_input())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=local_input())

    def __init__(self, *args, event: Event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.show_times_in(event.tz)
        style(self)

    def clean(self):
        data = super().clean()
        self.place_times_in(data, self.event.tz)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must come after the start."))
        return data


MeetingSessionFormSet = forms.formset_factory(
    MeetingSessionForm, extra=1, can_delete=True, max_num=20, validate_max=True
)


class PlaceMeetingForm(forms.Form):
    slot = forms.ModelChoiceField(label=_("Slot"), queryset=None)
    table = forms.IntegerField(
        label=_("Table"), min_value=1, required=False, help_text=_("Empty: the first free one.")
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = event.slots.order_by("starts_at")
        self.fields["slot"].label_from_instance = lambda slot: timezone.localtime(
            slot.starts_at, event.tz
        ).strftime("%Y-%m-%d %H:%M")
        self.fields["table"].max_value = event.meeting_tables
        style(self)


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)
