from django.db import models

from . import permissions
from .choices import PUBLIC_PLAN_STATUSES

# The fields a search reads, with their weights in the ranking.
SEARCH_FIELDS = {"title": 3.0, "instrument_name": 2.0, "managing_authority": 1.0}


class PlanQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PUBLIC_PLAN_STATUSES)

    def visible_to(self, user):
        """Endorsed plans and later for everyone; every plan of the region for its
        coordinators; every plan for programme staff and administrators."""
        scope = permissions.plan_read_scope(user)
        if scope is None:
            return self
        condition = models.Q(status__in=PUBLIC_PLAN_STATUSES)
        if scope:
            condition |= models.Q(region_id__in=scope)
        return self.filter(condition)

    def editable_by(self, user):
        """Plans whose region ``user`` writes for (whatever their state)."""
        scope = permissions.plan_write_scope(user)
        if scope is None:
            return self
        return self.filter(region_id__in=scope)

    def search(self, query: str):
        """The plans matching ``query`` in the platform's search syntax and vocabulary."""
        from cyberregions.taxonomy.search_vocabulary import filter_small

        return filter_small(self, query, SEARCH_FIELDS)

    def for_list(self):
        return self.select_related("region", "region__country", "partner").annotate(
            action_count=models.Count("actions", distinct=True)
        )


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Monitoring reports are working documents: the plan's region and programme staff."""
        scope = permissions.report_read_scope(user)
        if scope is None:
            return self
        if not scope:
            return self.none()
        return self.filter(plan__region_id__in=scope)


class CitationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(action__plan__status__in=PUBLIC_PLAN_STATUSES)


class CitationManager(models.Manager.from_queryset(CitationQuerySet)):
    """``practice.citations`` feeds the public 'Transferred to' section of a practice's page:
    seen from a practice, only the citations of plans that everyone may see, with what their
    labels need in the same query. Seen from an action (or unrelated), every citation."""

    def get_queryset(self):
        queryset = super().get_queryset()
        related_field = getattr(self, "field", None)
        if related_field is not None and related_field.name == "practice":
            queryset = (
                queryset.public()
                .select_related("action__plan__region")
                .order_by("action__plan__region__name", "action__plan_id", "action__position")
            )
        return queryset
