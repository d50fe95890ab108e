"""Changes made in the Django admin go to the platform's audit trail, with before and after.

``AuditedModelAdmin`` snapshots a record's fields before the admin saves or deletes it and
after, and writes one audit entry (``admin.add``, ``admin.change``, ``admin.delete``) in the
admin's own transaction. ``audit_every_registered_admin`` puts it under every ModelAdmin
registered on the site, so that an admin added later is audited without anyone remembering
to; a test fails if one is not."""

from __future__ import annotations

from django.contrib import admin

from . import audit

# Never copied into the trail: hashes and secrets.
EXCLUDED_FIELD_WORDS = ("password", "secret", "token", "session_data")
# Fields of other apps' models that hold secrets under a plain name (a TOTP secret, a
# session's data).
EXCLUDED_FIELDS = {
    "mfa.authenticator": {"data"},
    "usersessions.usersession": {"data", "session_key"},
}


def audited_field_names(model) -> list[str]:
    excluded = EXCLUDED_FIELDS.get(model._meta.label_lower, set())
    names = []
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field.primary_key:
            continue
        if field.name in excluded or any(word in field.name for word in EXCLUDED_FIELD_WORDS):
            continue
        names.append(field.name)
    return names


def snapshot(instance) -> dict:
    return audit.snapshot(instance, audited_field_names(type(instance)))


class AuditedModelAdmin:
    """A mixin for ModelAdmin classes (put it first)."""

    def save_model(self, request, obj, form, change):
        before = None
        if change and obj.pk is not None:
            stored = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = snapshot(stored) if stored is not None else None
        # Many-to-many fields are saved after save_model: the entry is written in save_related.
        obj._admin_audit_before = before
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        before = getattr(obj, "_admin_audit_before", None)
        after = snapshot(obj)
        if change and before == after:
            return
        action = "admin.change" if change else "admin.add"
        audit.record(request.user, action, obj, before=before if change else None, after=after)

    def delete_model(self, request, obj):
        audit.record(request.user, "admin.delete", obj, before=snapshot(obj), after={})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(request.user, "admin.delete", obj, before=snapshot(obj), after={})
        super().delete_queryset(request, queryset)


def audit_every_registered_admin(site: admin.AdminSite = admin.site) -> None:
    for model_admin in site._registry.values():
        cls = type(model_admin)
        if issubclass(cls, AuditedModelAdmin):
            continue
        model_admin.__class__ = type(
            f"Audited{cls.__name__}", (AuditedModelAdmin, cls), {"__module__": cls.__module__}
        )
