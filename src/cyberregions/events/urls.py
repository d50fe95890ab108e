from django.urls import path

from .views import agenda, b2b, events, organiser, registrations

app_name = "events"

urlpatterns = [
    path("", events.event_list, name="list"),
    path("calendar.ics", events.events_feed, name="feed"),
    path("new/", events.event_create, name="create"),
    path("<slug:slug>/", events.event_detail, name="detail"),
    path("<slug:slug>/event.ics", events.event_ics, name="ics"),
    path("<slug:slug>/edit/", events.event_edit, name="edit"),
    path("<slug:slug>/status/", events.event_status, name="status"),
    path("<slug:slug>/sessions/", events.session_add, name="session_add"),
    path("<slug:slug>/sessions/<int:pk>/delete/", events.session_delete, name="session_delete"),
    path("<slug:slug>/register/", registrations.register, name="register"),
    path("<slug:slug>/cancel/", registrations.registration_cancel, name="cancel"),
    path("<slug:slug>/registrations/", registrations.registration_list, name="registrations"),
    path(
        "<slug:slug>/registrations/<int:pk>/",
        registrations.registration_update,
        name="registration_update",
    ),
    path("<slug:slug>/feedback/", registrations.feedback, name="feedback"),
    path("<slug:slug>/feedback/results/", registrations.feedback_results, name="feedback_results"),
    # The participant's side of a brokerage event.
    path("<slug:slug>/b2b/", b2b.b2b_home, name="b2b"),
    path("<slug:slug>/b2b/profile/", b2b.profile_edit, name="b2b_profile"),
    path("<slug:slug>/b2b/profile/items/new/", b2b.item_edit, name="b2b_item_add"),
    path("<slug:slug>/b2b/profile/items/<int:pk>/", b2b.item_edit, name="b2b_item_edit"),
    path("<slug:slug>/b2b/profile/items/<int:pk>/delete/", b2b.item_delete, name="b2b_item_delete"),
    path("<slug:slug>/b2b/participants/", b2b.participant_list, name="b2b_participants"),
    path(
        "<slug:slug>/b2b/participants/<int:pk>/",
        b2b.participant_detail,
        name="b2b_participant",
    ),
    path("<slug:slug>/b2b/participants/<int:pk>/request/", b2b.request_send, name="b2b_request"),
    path("<slug:slug>/b2b/requests/<int:pk>/answer/", b2b.request_answer, name="b2b_answer"),
    path("<slug:slug>/b2b/requests/<int:pk>/cancel/", b2b.request_cancel, name="b2b_cancel"),
    path("<slug:slug>/b2b/availability/", b2b.availability, name="b2b_availability"),
    path("<slug:slug>/b2b/agenda/<int:pk>/", agenda.agenda, name="agenda"),
    path("<slug:slug>/b2b/agenda/<int:pk>/agenda.pdf", agenda.agenda_pdf, name="agenda_pdf"),
    path("<slug:slug>/b2b/agenda/<int:pk>/agenda.ics", agenda.agenda_ics, name="agenda_ics"),
    # The organiser's side.
    path("<slug:slug>/b2b/organiser/", organiser.organiser_home, name="organiser"),
    path("<slug:slug>/b2b/organiser/grid/", organiser.grid, name="organiser_grid"),
    path("<slug:slug>/b2b/organiser/schedule/", organiser.run_schedule, name="organiser_schedule"),
    path("<slug:slug>/b2b/organiser/publish/", organiser.publish, name="organiser_publish"),
    path("<slug:slug>/b2b/organiser/meetings/", organiser.meeting_list, name="organiser_meetings"),
    path(
        "<slug:slug>/b2b/organiser/meetings/<int:pk>/lock/",
        organiser.meeting_lock,
        name="organiser_meeting_lock",
    ),
    path(
        "<slug:slug>/b2b/organiser/meetings/<int:pk>/remove/",
        organiser.meeting_remove,
        name="organiser_meeting_remove",
    ),
    path("<slug:slug>/b2b/organiser/requests/", organiser.request_list, name="organiser_requests"),
    path(
        "<slug:slug>/b2b/organiser/requests/<int:pk>/place/",
        organiser.place,
        name="organiser_place",
    ),
    path(
        "<slug:slug>/b2b/organiser/requests/<int:pk>/priority/",
        organiser.request_priority,
        name="organiser_priority",
    ),
    path("<slug:slug>/b2b/organiser/tables/", organiser.table_plan, name="organiser_tables"),
    path(
        "<slug:slug>/b2b/organiser/tables/tables.pdf",
        organiser.table_plan_pdf,
        name="organiser_tables_pdf",
    ),
    path(
        "<slug:slug>/b2b/organiser/statistics/",
        organiser.statistics,
        name="organiser_statistics",
    ),
]
