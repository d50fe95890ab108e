from django.urls import path

from . import task_views

app_name = "tasks"

urlpatterns = [
    path("", task_views.task_run_list, name="list"),
    path("<int:pk>/", task_views.task_run_detail, name="detail"),
    path("<int:pk>/status/", task_views.task_run_status, name="status"),
    path("<int:pk>/retry/", task_views.task_run_retry, name="retry"),
    path("<int:pk>/file/", task_views.task_run_file, name="file"),
]
