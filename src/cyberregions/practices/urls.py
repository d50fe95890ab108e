from django.urls import path

from . import views, views_investigations

app_name = "practices"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("new/", views.practice_create, name="create"),
    path("transferability/", views.transferability, name="transferability"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("organisations.json", views.organisation_choices, name="organisation_choices"),
    path("investigations/", views_investigations.investigation_list, name="investigations"),
    path(
        "investigations/new/",
        views_investigations.investigation_create,
        name="investigation_create",
    ),
    path(
        "investigations/<int:pk>/",
        views_investigations.investigation_detail,
        name="investigation",
    ),
    path(
        "investigations/<int:pk>/edit/",
        views_investigations.investigation_edit,
        name="investigation_edit",
    ),
    path(
        "investigations/<int:pk>/follow-ups/",
        views_investigations.follow_up_add,
        name="follow_up_add",
    ),
    path("follow-ups/<int:pk>/done/", views_investigations.follow_up_done, name="follow_up_done"),
    path("<slug:slug>/", views.practice_detail, name="detail"),
    path("<slug:slug>/edit/", views.practice_edit, name="edit"),
    path("<slug:slug>/print/", views.practice_print, name="print"),
    path("<slug:slug>/pdf/", views.practice_pdf, name="pdf"),
    path("<slug:slug>/step/<str:action>/", views.practice_transition, name="transition"),
    path("<slug:slug>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("<slug:slug>/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path(
        "<slug:slug>/attachments/<int:pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("<slug:slug>/comments/", views.comment_add, name="comment"),
    path("<slug:slug>/interest/", views.interest, name="interest"),
    path(
        "<slug:slug>/interest/<int:pk>/withdraw/",
        views.interest_withdraw,
        name="interest_withdraw",
    ),
]
