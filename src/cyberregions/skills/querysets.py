"""Reads of the skills module as QuerySet methods (twins of the ``permissions`` predicates)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from cyberregions.core.permissions import is_authenticated, is_programme_staff
from cyberregions.organisations.querysets import editable_condition

from .choices import CourseStatus


class CourseQuerySet(models.QuerySet):
    def public(self, now=None):
        from .permissions import hidden_before

        return self.filter(status=CourseStatus.VALIDATED, confirmed_at__gte=hidden_before(now))

    def visible_to(self, user):
        """Public courses; every course for programme staff; a region's courses for its
        coordinators; a provider's for whoever may change the provider."""
        from .permissions import course_read_scope, hidden_before

        scope = course_read_scope(user)
        if scope is None:
            return self
        if not is_authenticated(user):
            return self.public()
        return self.filter(
            Q(status=CourseStatus.VALIDATED, confirmed_at__gte=hidden_before())
            | Q(region_id__in=scope["region_ids"])
            | editable_condition(user, "provider__")
        )

    def editable_by(self, user):
        return self.filter(editable_condition(user, "provider__"))

    def stale(self, now=None):
        from .permissions import stale_before

        return self.filter(status=CourseStatus.VALIDATED, confirmed_at__lt=stale_before(now))


class NeedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Declared needs are public: they feed the public indicators."""
        return self

    def editable_by(self, user):
        return self.filter(editable_condition(user, "organisation__"))


class VacancyQuerySet(models.QuerySet):
    def open(self, on=None):
        return self.filter(closing_date__gte=on or timezone.localdate())

    def visible_to(self, user):
        """Open vacancies for everyone; closed ones for programme staff and for whoever may
        change the organisation."""
        if is_programme_staff(user):
            return self
        return self.filter(
            Q(closing_date__gte=timezone.localdate()) | editable_condition(user, "organisation__")
        )

    def editable_by(self, user):
        return self.filter(editable_condition(user, "organisation__"))
