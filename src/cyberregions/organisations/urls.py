from django.urls import path

from . import views, views_registration

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("map/", views.organisation_map, name="map"),
    path("map/data.json", views.organisation_map_data, name="map_data"),
    path("claims/", views.claim_list, name="claims"),
    path("claims/<int:pk>/", views.claim_decide, name="claim_decide"),
    path("register/", views_registration.register, name="register"),
    path("registrations/", views_registration.registration_list, name="registrations"),
    path("registrations/<int:pk>/", views_registration.registration_detail, name="registration"),
    path(
        "registrations/<int:pk>/edit/",
        views_registration.registration_edit,
        name="registration_edit",
    ),
    path(
        "registrations/<int:pk>/<str:step>/",
        views_registration.registration_step,
        name="registration_step",
    ),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/contacts/", views.contact_list, name="contacts"),
    path("<slug:slug>/contacts/<int:pk>/", views.contact_edit, name="contact_edit"),
    path("<slug:slug>/contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"),
    path("<slug:slug>/claim/", views.organisation_claim, name="claim"),
]
