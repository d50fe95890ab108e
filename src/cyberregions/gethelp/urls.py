from django.urls import path

from . import views

app_name = "gethelp"

urlpatterns = [
    path("", views.index, name="index"),
    path("emergency/", views.emergency_page, name="emergency"),
    path("providers/", views.provider_list, name="providers"),
    path("services/<slug:slug>/", views.services_edit, name="services_edit"),
    path("labels/<slug:slug>/", views.labels_page, name="labels"),
    path("labels/item/<int:pk>/<slug:step>/", views.label_step, name="label_step"),
    path("self-assessment/", views.assessment_start, name="assessment_start"),
    path("self-assessment/result/<str:token>/", views.assessment_result, name="assessment_result"),
    path("self-assessment/result/<str:token>/save/", views.assessment_save, name="assessment_save"),
    path("self-assessment/<slug:key>/", views.assessment_form, name="assessment_form"),
    path("request/", views.request_new, name="request_new"),
    path("request/<str:token>/", views.request_status, name="request_status"),
    path("request/<str:token>/<slug:step>/", views.request_step, name="request_step"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/", views.request_detail, name="request_detail"),
    path("offers/<int:pk>/<slug:answer>/", views.offer_answer, name="offer_answer"),
    path("demand/<str:code>/", views.demand_page, name="demand"),
    path("needs/", views.need_list, name="needs"),
    path("needs/new/<slug:slug>/", views.need_new, name="need_new"),
    path("needs/<int:pk>/close/", views.need_close, name="need_close"),
    path("needs/follow/<slug:slug>/", views.follow_sectors, name="follow_sectors"),
]
