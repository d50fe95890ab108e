from django.db import models

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_programme_staff,
)

from . import search
from .choices import Status
from .permissions import organisation_write_scope


def counted_condition(prefix: str = "") -> models.Q:
    """The one rule for which organisations count in figures (the home page, dashboards,
    indicators, comparisons): active ones. Closed and inactive organisations stay in the atlas,
    marked as such where they are listed, but count nowhere."""
    return models.Q(**{f"{prefix}status": Status.ACTIVE})


class OrganisationQuerySet(models.QuerySet):
    def counted(self):
        """The organisations that count in figures (``counted_condition``)."""
        return self.filter(counted_condition())

    def visible_to(self, user):
        """Every organisation of the atlas is public; the helper exists so that a future
        restriction (drafts, embargoes) has one place to go."""
        return self

    def editable_by(self, user):
        return self.filter(editable_condition(user))

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


def editable_condition(user, prefix: str = "") -> models.Q:
    """The organisations ``user`` may change, as a condition on ``prefix`` + their fields."""
    scope = organisation_write_scope(user)
    if not scope:
        return models.Q()
    return models.Q(**{f"{prefix}region_id__in": scope["region_ids"]}) | models.Q(
        **{f"{prefix}pk__in": scope["organisation_ids"]}
    )


class ContactQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public contacts for everyone; all of them for programme staff and for whoever may
        change the organisation."""
        if is_programme_staff(user):
            return self
        return self.filter(
            models.Q(public_consent=True) | editable_condition(user, "organisation__")
        )

    def editable_by(self, user):
        return self.filter(editable_condition(user, "organisation__"))


class ClaimRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The claims ``user`` decides (its regions' organisations) and its own requests."""
        if is_admin(user):
            return self
        if not is_authenticated(user):
            return self.none()
        return self.filter(
            models.Q(organisation__region_id__in=coordinated_region_ids(user)) | models.Q(user=user)
        )


class AtlasRowQuerySet(models.QuerySet):
    def search(self, query: str):
        return search.filter_queryset(self, query)


class RegistrationRequestQuerySet(models.QuerySet):
    """Twins of ``permissions.can_decide_registration`` and ``can_view_registration``."""

    def with_routing(self):
        """Annotate ``routed_to_coordinators`` (``permissions.routed_to_coordinators``)."""
        from cyberregions.geo.models import RegionMembership

        has_coordinator = models.Exists(
            RegionMembership.objects.filter(
                region_id=models.OuterRef("region_id"), user__is_active=True
            )
        )
        return self.annotate(
            # Case, not a bare condition: without a region the condition is NULL, and
            # NULL would fall through both "routed" and "not routed" filters.
            routed_to_coordinators=models.Case(
                models.When(
                    models.Q(region__is_partner_territory=True) & has_coordinator, then=True
                ),
                default=False,
                output_field=models.BooleanField(),
            )
        )

    def _decidable_condition(self, user) -> models.Q:
        by_coordinators = models.Q(routed_to_coordinators=True)
        condition = by_coordinators & models.Q(region_id__in=coordinated_region_ids(user))
        if is_programme_staff(user):
            condition |= ~by_coordinators
        return condition & ~models.Q(applicant=user)

    def decidable_by(self, user):
        queryset = self.with_routing()
        if is_admin(user):
            return queryset
        if not is_authenticated(user):
            return queryset.none()
        return queryset.filter(self._decidable_condition(user))

    def visible_to(self, user):
        queryset = self.with_routing()
        if is_admin(user):
            return queryset
        if not is_authenticated(user):
            return queryset.none()
        return queryset.filter(self._decidable_condition(user) | models.Q(applicant=user))
