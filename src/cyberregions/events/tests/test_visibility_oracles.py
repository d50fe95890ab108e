"""Every rule of events.permissions that decides over one record agrees with its queryset,
for every persona and every state of an event, a registration, a cooperation profile and a
meeting request (see ``testing.OracleTestCase``)."""

from cyberregions.events import permissions
from cyberregions.events.choices import EventStatus, MeetingRequestStatus, RegistrationStatus
from cyberregions.events.models import CooperationProfile, Event, MeetingRequest, Registration
from cyberregions.testing import OracleTestCase

from .factories import make_event, make_user


class EventOracleTests(OracleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.creator = make_user("creator")
        cls.participant = make_user("participant")
        cls.waiting = make_user("waiting")
        cls.events = {}
        for status in EventStatus:
            for region in ("FRH0", "ITI1"):
                for creator in (cls.creator, None):
                    name = f"{status} in {region} by {creator or 'nobody'}"
                    cls.events[name] = make_event(
                        creator,
                        region=region,
                        status=status,
                        title=name,
                        slug=f"e-{len(cls.events)}",
                        event_type="brokerage",
                    )
        cls.registrations, cls.requests = {}, {}
        # Each event's participants: confirmed, waiting, cancelled (the member), deactivated.
        people = {
            "participant": (cls.participant, RegistrationStatus.CONFIRMED),
            "registered": (cls.registered, RegistrationStatus.CONFIRMED),
            "waiting": (cls.waiting, RegistrationStatus.WAITLISTED),
            "member": (cls.member, RegistrationStatus.CANCELLED),
            # A deactivated account keeps its registrations but no longer sees them.
            "inactive": (cls.inactive, RegistrationStatus.CONFIRMED),
        }
        statuses = list(MeetingRequestStatus)
        pairs = [
            ("participant", "registered"),
            ("waiting", "participant"),
            ("registered", "member"),
            ("inactive", "participant"),
        ]
        # Who sees a participant's data depends on who organises the event (its region, its
        # creator), not on the event's state: the published events cover every organiser.
        published = {name: e for name, e in cls.events.items() if e.status == "published"}
        for event_name, event in published.items():
            of_event = {}
            for who, (user, status) in people.items():
                registration = Registration.objects.create(event=event, user=user, status=status)
                CooperationProfile.objects.create(registration=registration, headline=who)
                of_event[who] = registration
                cls.registrations[f"{status} registration of {who} to {event_name}"] = registration
            for index, (sender, recipient) in enumerate(pairs):
                status = statuses[(index + len(cls.requests)) % len(statuses)]
                cls.requests[f"{status} request {sender}→{recipient} in {event_name}"] = (
                    MeetingRequest.objects.create(
                        event=event,
                        requester=of_event[sender],
                        recipient=of_event[recipient],
                        status=status,
                    )
                )

    def personas(self, **extra):
        return super().personas(
            creator=self.creator, participant=self.participant, waiting=self.waiting, **extra
        )

    def test_it_agrees_on_who_sees_an_event(self):
        self.assert_oracle(permissions.can_view_event, Event.objects.visible_to, self.events)

    def test_it_agrees_on_who_organises_an_event(self):
        self.assert_oracle(permissions.can_manage_event, Event.objects.managed_by, self.events)

    def test_it_lets_programme_staff_organise_every_event(self):
        staff = self.personas()["programme staff"]
        for name, event in self.events.items():
            with self.subTest(event=name):
                self.assertTrue(permissions.can_manage_event(staff, event))
                self.assertTrue(permissions.can_view_event(staff, event))
        self.assertEqual(Event.objects.managed_by(staff).count(), len(self.events))
        self.assertEqual(Event.objects.visible_to(staff).count(), len(self.events))
        registrations = Registration.objects.visible_to(staff)
        self.assertEqual(registrations.count(), len(self.registrations))

    def test_it_agrees_on_who_sees_a_participants_data(self):
        self.assert_oracle(
            permissions.can_see_participant_data,
            Registration.objects.visible_to,
            self.registrations,
        )

    def test_it_agrees_on_who_sees_a_cooperation_profile(self):
        profiles = {
            f"profile of the {state}": registration.profile
            for state, registration in self.registrations.items()
        }
        self.assert_oracle(
            permissions.can_view_cooperation_profile,
            CooperationProfile.objects.visible_to,
            profiles,
        )

    def test_it_agrees_on_who_sees_a_meeting_request(self):
        self.assert_oracle(
            permissions.can_view_meeting_request,
            MeetingRequest.objects.visible_to,
            self.requests,
        )
