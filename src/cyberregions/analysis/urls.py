from django.urls import path

from . import views

app_name = "analysis"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("compare/", views.compare, name="compare"),
    path("indicators.csv", views.indicators_csv, name="indicators_csv"),
    path("regions/<str:code>/", views.region_dashboard, name="dashboard"),
    path("regions/<str:code>/report/", views.region_report, name="report"),
    path("regions/<str:code>/report.pdf", views.region_report_pdf, name="report_pdf"),
    path(
        "regions/<str:code>/report.pdf/prepare/",
        views.region_report_pdf_prepare,
        name="report_pdf_prepare",
    ),
    path("regions/<str:code>/swot/", views.swot_edit, name="swot"),
    path("regions/<str:code>/surveys/", views.survey_list, name="survey_list"),
    path("swot/<int:pk>/", views.swot_item_edit, name="swot_item"),
    path("swot/<int:pk>/delete/", views.swot_item_delete, name="swot_item_delete"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/status/", views.survey_status, name="survey_status"),
    path("surveys/<int:pk>/invitations/", views.survey_invite, name="survey_invite"),
    path("surveys/<int:pk>/email/", views.survey_email, name="survey_email"),
    path("surveys/<int:pk>/remind/", views.survey_remind, name="survey_remind"),
    path("surveys/<int:pk>/answers/", views.survey_answers, name="survey_answers"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("answer/thanks/", views.survey_thanks, name="survey_thanks"),
    path("answer/<str:token>/", views.survey_answer, name="survey_answer"),
]
