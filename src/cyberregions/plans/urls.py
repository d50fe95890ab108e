from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_create, name="create"),
    path("overview/", views.overview, name="overview"),
    path("export/plans.csv", views.export_plans, name="export_plans"),
    path("export/actions.csv", views.export_actions, name="export_actions"),
    path("export/reports.csv", views.export_reports, name="export_reports"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/delete/", views.plan_delete, name="delete"),
    path("<int:pk>/pdf/", views.plan_pdf, name="pdf"),
    path("<int:pk>/pdf/prepare/", views.plan_pdf_prepare, name="pdf_prepare"),
    path("<int:pk>/timeline/", views.plan_timeline, name="timeline"),
    path("<int:pk>/versions/", views.plan_versions, name="versions"),
    path("<int:pk>/comments/", views.comment_add, name="comment"),
    path("<int:pk>/step/<slug:step>/", views.plan_step, name="step"),
    path("<int:pk>/modifications/new/", views.modification_create, name="modification_create"),
    path("modifications/<int:pk>/", views.modification_detail, name="modification"),
    path(
        "modifications/<int:pk>/step/<slug:step>/",
        views.modification_step,
        name="modification_step",
    ),
    path("<int:pk>/actions/new/", views.action_create, name="action_create"),
    path("<int:pk>/actions/<int:action_pk>/edit/", views.action_edit, name="action_edit"),
    path("<int:pk>/actions/<int:action_pk>/delete/", views.action_delete, name="action_delete"),
    path(
        "<int:pk>/actions/<int:action_pk>/indicators/new/",
        views.indicator_edit,
        name="indicator_create",
    ),
    path(
        "<int:pk>/actions/<int:action_pk>/indicators/<int:indicator_pk>/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "<int:pk>/actions/<int:action_pk>/indicators/<int:indicator_pk>/delete/",
        views.indicator_delete,
        name="indicator_delete",
    ),
    path("<int:pk>/reports/", views.plan_reports, name="reports"),
    path("<int:pk>/reports/new/", views.report_start, name="report_start"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/pdf/", views.report_pdf, name="report_pdf"),
    path("reports/<int:pk>/pdf/prepare/", views.report_pdf_prepare, name="report_pdf_prepare"),
    path("reports/<int:pk>/step/<slug:step>/", views.report_step, name="report_step"),
    path(
        "reports/<int:pk>/actions/<int:entry_pk>/evidence/",
        views.evidence_add,
        name="evidence_add",
    ),
    path(
        "reports/<int:pk>/evidence/<int:evidence_pk>/",
        views.evidence_download,
        name="evidence",
    ),
    path(
        "reports/<int:pk>/evidence/<int:evidence_pk>/delete/",
        views.evidence_delete,
        name="evidence_delete",
    ),
]
