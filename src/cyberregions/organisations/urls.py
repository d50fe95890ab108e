from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("map/", views.organisation_map, name="map"),
    path("map/data.json", views.organisation_map_data, name="map_data"),
    path("claims/", views.claim_list, name="claims"),
    path("claims/<int:pk>/", views.claim_decide, name="claim_decide"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/claim/", views.organisation_claim, name="claim"),
]
