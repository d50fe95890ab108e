from django.db import models

from . import permissions, search
from .choices import PracticeStatus


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PracticeStatus.PUBLISHED)

    def visible_to(self, user):
        """Published practices for everyone; the region's own practices in every state for its
        coordinators; everything past the draft for programme staff; all for administrators."""
        scope = permissions.practice_read_scope(user)
        if scope is None:
            return self
        condition = models.Q(status=PracticeStatus.PUBLISHED)
        if scope["region_ids"]:
            condition |= models.Q(region_id__in=scope["region_ids"])
        if scope["beyond_draft"]:
            condition |= ~models.Q(status=PracticeStatus.DRAFT)
        return self.filter(condition)

    def editable_by(self, user):
        scope = permissions.practice_read_scope(user)
        if scope is None:
            return self
        return self.filter(region_id__in=scope["region_ids"])

    def search(self, query: str):
        return search.filter_queryset(self, query)

    def running_in(self, year: int):
        """Practices running during ``year``: started by its end and not ended before it."""
        return self.filter(
            models.Q(start_date__year__lte=year) | models.Q(start_date__isnull=True),
            models.Q(end_date__year__gte=year) | models.Q(end_date__isnull=True),
        ).exclude(start_date__isnull=True, end_date__isnull=True)

    def for_list(self):
        return (
            self.select_related("region", "region__country", "main_institution")
            .prefetch_related("barriers", "domains")
            .defer("description", "search_text", "evidence", "difficulties", "lessons")
        )


class InvestigationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Investigations are working records of the cooperation: programme staff and
        administrators see all; a coordinator those hosted by, or visited from, their regions."""
        scope = permissions.investigation_read_scope(user)
        if scope is None:
            return self
        if not scope:
            return self.none()
        visited = self.model.peer_regions.through.objects.filter(region_id__in=scope)
        return self.filter(
            models.Q(host_region_id__in=scope) | models.Q(pk__in=visited.values("investigation_id"))
        )
