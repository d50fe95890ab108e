from django.urls import path

from . import views, views_demand

app_name = "skills"

urlpatterns = [
    path("", views.index, name="index"),
    path("profiles/", views.profile_list, name="profiles"),
    path("profiles/<str:code>/", views.profile_detail, name="profile"),
    path("competences/", views.competence_list, name="competences"),
    path("courses/", views.course_list, name="courses"),
    path("courses/new/", views.course_create, name="course_create"),
    path("courses/import/", views.course_import, name="course_import"),
    path("courses/<slug:slug>/", views.course_detail, name="course"),
    path("courses/<slug:slug>/edit/", views.course_edit, name="course_edit"),
    path("courses/<slug:slug>/steps/<str:step>/", views.course_step, name="course_step"),
    path("vacancies/", views_demand.vacancy_list, name="vacancies"),
    path("vacancies/new/", views_demand.vacancy_create, name="vacancy_create"),
    path("vacancies/<int:pk>/", views_demand.vacancy_detail, name="vacancy"),
    path("vacancies/<int:pk>/withdraw/", views_demand.vacancy_withdraw, name="vacancy_withdraw"),
    path("needs/", views_demand.need_list, name="needs"),
    path("needs/new/", views_demand.need_create, name="need_create"),
    path("needs/<int:pk>/withdraw/", views_demand.need_withdraw, name="need_withdraw"),
    path("regions/", views_demand.indicators_overview, name="indicators"),
    path("regions/<str:code>/", views_demand.indicators_region, name="region"),
    path(
        "regions/<str:code>/plan-action/", views_demand.add_plan_action, name="region_plan_action"
    ),
]
