"""The admin's "erase" action: an administrator erases people on their request, after a
confirmation page, through the same service as the profile page."""

from __future__ import annotations

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import privacy


@admin.action(description=gettext_lazy("Erase the selected people (on their request)"))
def erase_selected_people(modeladmin, request, queryset):
    if request.POST.get("confirmed") != "yes":
        return TemplateResponse(
            request,
            "admin/accounts/erase_confirmation.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Erase these people?"),
                "people": queryset,
                "action": "erase_selected_people",
                "opts": modeladmin.model._meta,
            },
        )
    erased = 0
    for person in queryset:
        privacy.erase_person(request.user, person, reason=_("erased by an administrator"))
        erased += 1
    modeladmin.message_user(
        request, _("%(count)d people erased.") % {"count": erased}, messages.SUCCESS
    )
    return None
