from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path(
        "organisations/<slug:slug>/",
        views.organisation_suggestions,
        name="organisation",
    ),
    path(
        "events/<slug:slug>/participants/<int:pk>/",
        views.participant_suggestions,
        name="participant",
    ),
]
