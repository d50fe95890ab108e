"""Reads of the skills module as QuerySet methods (twins of the ``permissions`` predicates)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from .choices import CourseStatus


def _editable_organisations(user) -> Q | None:
    """Organisations ``user`` may change, as a condition on ``<prefix>region_id`` /
    ``<prefix>id``; None for everything (administrators)."""
    from cyberregions.core.permissions import (
        coordinated_region_ids,
        is_admin,
        is_authenticated,
        member_organisation_ids,
    )

    if not is_authenticated(user):
        return Q(pk__in=[])
    if is_admin(user):
        return None
    return Q(region_id__in=coordinated_region_ids(user)) | Q(
        pk__in=member_organisation_ids(user)
    )


class CourseQuerySet(models.QuerySet):
    def public(self, now=None):
        from .permissions import hidden_before

        return self.filter(status=CourseStatus.VALIDATED, confirmed_at__gte=hidden_before(now))

    def visible_to(self, user):
        from .permissions import course_read_scope

        scope = course_read_scope(user)
        if scope is None:
            return self
        public = Q(status=CourseStatus.VALIDATED, confirmed_at__gte=_hidden_before())
        own = Q(region_id__in=scope["region_ids"]) | Q(provider_id__in=scope["organisation_ids"])
        editable = self.editable_condition(user)
        if editable is not None:
            own |= editable
        return self.filter(public | own)

    @staticmethod
    def editable_condition(user) -> Q | None:
        """A condition on courses whose provider ``user`` may change; None for all."""
        from cyberregions.organisations.models import Organisation

        condition = _editable_organisations(user)
        if condition is None:
            return None
        return Q(provider__in=Organisation.objects.filter(condition).values("pk"))

    def editable_by(self, user):
        condition = self.editable_condition(user)
        return self if condition is None else self.filter(condition)

    def stale(self, now=None):
        from .permissions import stale_before

        return self.filter(status=CourseStatus.VALIDATED, confirmed_at__lt=stale_before(now))


def _hidden_before():
    from .permissions import hidden_before

    return hidden_before()


class NeedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Declared needs are public (they feed the public indicators)."""
        return self


class VacancyQuerySet(models.QuerySet):
    def open(self, on=None):
        return self.filter(closing_date__gte=on or timezone.localdate())

    def visible_to(self, user):
        from cyberregions.core.permissions import is_programme_staff
        from cyberregions.organisations.models import Organisation

        if is_programme_staff(user):
            return self
        condition = Q(closing_date__gte=timezone.localdate())
        editable = _editable_organisations(user)
        if editable is None:
            return self
        return self.filter(
            condition | Q(organisation__in=Organisation.objects.filter(editable).values("pk"))
        )
