from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("me/", views.start_page, name="me"),
    path("barriers/", views.barrier_index, name="barriers"),
    path("barriers/<slug:barrier>/", views.barrier_lens, name="barrier"),
    path("barriers/<slug:barrier>/<str:region>/", views.barrier_lens, name="barrier_region"),
    path("help/", views.help_index, name="help"),
    path("help/<slug:module>/", views.help_page, name="help_module"),
]
