from django.db import models

from cyberregions.core import permissions

from . import search


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every organisation of the atlas is public; the helper exists so that a future
        restriction (drafts, embargoes) has one place to go."""
        return self

    def editable_by(self, user):
        scope = permissions.organisation_write_scope(user)
        if not scope:
            return self
        return self.filter(
            models.Q(region_id__in=scope["region_ids"]) | models.Q(pk__in=scope["organisation_ids"])
        )

    def search(self, query: str):
        return search.filter_queryset(self, query)

    def for_list(self):
        return self.select_related("country", "region").only(
            "slug",
            "name",
            "city",
            "actor_type",
            "size_class",
            "core_business",
            "status",
            "employees",
            "country__iso",
            "country__name",
            "region__code",
            "region__name",
        )


class AtlasRowQuerySet(models.QuerySet):
    def search(self, query: str):
        return search.filter_queryset(self, query)
