from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("bell/", views.notification_bell, name="notification_bell"),
    path("read/", views.notification_read, name="notification_read"),
]
