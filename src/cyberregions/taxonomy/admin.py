from django.contrib import admin

from .models import (
    Barrier,
    Domain,
    EcsfProfile,
    NistCategory,
    NistFunction,
    Sector,
    Subdomain,
    Technology,
)

for model in (
    Barrier,
    Domain,
    Subdomain,
    Sector,
    Technology,
    NistFunction,
    NistCategory,
    EcsfProfile,
):
    admin.site.register(
        model, list_display=("code", "label", "position"), search_fields=("code", "label")
    )
