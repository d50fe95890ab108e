from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User
from .privacy_admin import erase_selected_people


@admin.register(User)
class PlatformUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, (None, {"fields": ("is_programme_staff",)}))
    list_display = (
        "username",
        "email",
        "first_name",
        "last_name",
        "is_programme_staff",
        "is_superuser",
    )
    list_filter = ("is_programme_staff", "is_superuser", "is_active")
    actions = [erase_selected_people]
