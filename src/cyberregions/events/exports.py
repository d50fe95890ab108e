"""The export of the events calendar: its public events (never a draft, whoever asks), with the
calendar's filters, as CSV, XLSX and JSON (see ``cyberregions.dataio.exporters``)."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from cyberregions.dataio.exporters import (
    Column,
    ListExport,
    choice_label,
    country_name_of,
    register,
)

from .filtersets import EventFilterSet
from .models import Event


class CalendarFilterSet(EventFilterSet):
    """The calendar's filters, upcoming events unless asked otherwise, as on the page."""

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("when", "upcoming")
        super().__init__(data, *args, **kwargs)


EVENT_COLUMNS = [
    Column("slug"),
    Column("title"),
    Column("event_type"),
    Column("event_type_label", choice_label("event_type")),
    Column("status"),
    Column("status_label", choice_label("status")),
    Column("region", "host_region.code"),
    Column("region_name", "host_region.name"),
    Column("country", "host_region.country.iso"),
    Column("country_name", country_name_of("host_region.country.iso")),
    Column("starts_at"),
    Column("ends_at"),
    Column("time_zone"),
    Column("venue"),
    Column("address"),
    # Whether it is held online: the link itself is for confirmed participants only.
    Column("online", lambda event: bool(event.online_url)),
    Column("summary"),
]

EVENTS = register(
    ListExport(
        name="events",
        title=_("Events"),
        filterset_class=CalendarFilterSet,
        # What a visitor sees, whoever asks: drafts stay with their organisers.
        queryset=lambda user: Event.objects.visible_to(AnonymousUser()),
        columns=EVENT_COLUMNS,
        select_related=("host_region", "host_region__country"),
    )
)
