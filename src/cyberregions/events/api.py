from django.db.models import Q
from rest_framework import serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated

from cyberregions.accounts.api_tokens import ApiTokenAuthentication

from .filtersets import EventFilterSet
from .models import AgendaSession, Event, MeetingRequest


class AgendaSessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaSession
        fields = ["title", "starts_at", "ends_at", "location", "speakers", "description"]


class EventSerializer(serializers.ModelSerializer):
    host_region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    sessions = AgendaSessionSerializer(many=True, read_only=True)
    confirmed_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        # The online link is for confirmed participants: it is not part of the open API.
        fields = [
            "slug",
            "title",
            "event_type",
            "status",
            "summary",
            "description",
            "host_region",
            "starts_at",
            "ends_at",
            "time_zone",
            "venue",
            "address",
            "capacity",
            "confirmed_count",
            "registration_deadline",
            "sessions",
            "url",
        ]

    def get_url(self, event) -> str:
        request = self.context.get("request")
        path = event.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Interregional events: published ones for everyone, drafts for their organisers."""

    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    lookup_field = "slug"
    # Token first, so that an anonymous write is answered 401 with a WWW-Authenticate header.
    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .for_list()
            .prefetch_related("sessions")
            .order_by("starts_at", "id")
        )


class MeetingRequestSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    requester = serializers.CharField(source="requester.display_name", read_only=True)
    recipient = serializers.CharField(source="recipient.display_name", read_only=True)
    direction = serializers.SerializerMethodField()
    meeting = serializers.SerializerMethodField()

    class Meta:
        model = MeetingRequest
        fields = [
            "id",
            "event",
            "direction",
            "requester",
            "recipient",
            "status",
            "mutual",
            "message",
            "created_at",
            "answered_at",
            "meeting",
        ]

    def get_direction(self, meeting_request) -> str:
        user = self.context["request"].user
        return "sent" if meeting_request.requester.user_id == user.pk else "received"

    def get_meeting(self, meeting_request) -> dict | None:
        meeting = getattr(meeting_request, "meeting", None)
        if meeting is None or not meeting.published:
            return None
        return {
            "starts_at": meeting.slot.starts_at,
            "ends_at": meeting.slot.ends_at,
            "table": meeting.table,
        }


class MeetingRequestViewSet(viewsets.ReadOnlyModelViewSet):
    """The signed-in user's own meeting requests, sent and received, with their published
    meeting. Nobody sees another participant's requests here."""

    serializer_class = MeetingRequestSerializer
    # Token first, so that an anonymous call is answered 401 with a WWW-Authenticate header.
    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator has no user
            return MeetingRequest.objects.none()
        user = self.request.user
        queryset = (
            MeetingRequest.objects.filter(Q(requester__user=user) | Q(recipient__user=user))
            .select_related(
                "event",
                "requester__organisation",
                "recipient__organisation",
                "meeting__slot",
            )
            .order_by("-created_at", "-id")
        )
        event = self.request.query_params.get("event")
        if event:
            queryset = queryset.filter(event__slug=event)
        return queryset


ROUTES = [
    ("events", EventViewSet, "event"),
    ("meeting-requests", MeetingRequestViewSet, "meeting-request"),
]
