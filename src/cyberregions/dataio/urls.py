from django.urls import path

from . import views

app_name = "dataio"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/template.<str:fmt>", views.import_template, name="import_template"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("import/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("import/<int:pk>/discard/", views.import_discard, name="import_discard"),
    path("export/<slug:name>.<str:fmt>", views.export_list, name="export"),
    path("open/atlas.<str:fmt>", views.open_atlas, name="open_atlas"),
    path("open/vocabularies.<str:fmt>", views.open_vocabularies, name="open_vocabularies"),
]
