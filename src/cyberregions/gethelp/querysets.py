"""Reads of the get-help module: the provider finder, valid labels, visibility twins of the
rules in ``permissions.py``."""

from __future__ import annotations

from django.db import models
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    member_organisation_ids,
)

from .choices import LabelStatus, Proximity

FAR = 9


class OrganisationLabelQuerySet(models.QuerySet):
    def valid(self, today=None):
        """Verified and not past their end date: the labels that count."""
        today = today or timezone.localdate()
        return self.filter(status=LabelStatus.VERIFIED, valid_until__gte=today)

    def visible_to(self, user):
        if is_admin(user):
            return self
        condition = Q(status=LabelStatus.VERIFIED)
        if is_authenticated(user):
            regions = coordinated_region_ids(user)
            condition |= Q(organisation_id__in=member_organisation_ids(user))
            condition |= Q(organisation__region_id__in=regions) & ~Q(
                organisation_id__in=member_organisation_ids(user)
            )
            if user.is_programme_staff:
                from cyberregions.geo.models import RegionMembership

                coordinated = RegionMembership.objects.filter(
                    region_id=OuterRef("organisation__region_id"), user__is_active=True
                )
                condition |= ~Exists(coordinated) & ~Q(
                    organisation_id__in=member_organisation_ids(user)
                )
        return self.filter(condition)


class ProviderProfileQuerySet(models.QuerySet):
    def with_valid_labels(self, today=None):
        from .models import OrganisationLabel

        valid = OrganisationLabel.objects.valid(today).filter(
            organisation_id=OuterRef("organisation_id")
        )
        return self.annotate(has_valid_label=Exists(valid))

    def finder(
        self,
        *,
        category=None,
        country=None,
        region=None,
        language: str = "",
        client: str = "",
        labelled: bool = False,
        available_24_7: bool = False,
        today=None,
    ):
        """Active providers matching the filters, nearest coverage first (region, country,
        remote), then labelled ones, then by name. Without a place, by label and name."""
        from .models import OrganisationLabel

        rows = self.filter(is_active=True)
        if category is not None:
            # Not correlated: the engine reads the category's providers from its index first.
            rows = rows.filter(
                pk__in=self.model.categories.through.objects.filter(
                    servicecategory_id=category.pk
                ).values("providerprofile_id")
            )
        if language:
            rows = rows.filter(languages__contains=f",{language},")
        if client:
            rows = rows.filter(clients__contains=f",{client},")
        if available_24_7:
            rows = rows.filter(available_24_7=True)
        valid = OrganisationLabel.objects.valid(today).filter(
            organisation_id=OuterRef("organisation_id")
        )
        if labelled:
            rows = rows.filter(
                organisation_id__in=OrganisationLabel.objects.valid(today).values("organisation_id")
            ).annotate(has_valid_label=Value(True))
        else:
            rows = rows.annotate(has_valid_label=Exists(valid))
        if region is not None or country is not None:
            country_id = country.pk if country is not None else region.country_id
            whens = []
            if region is not None:
                # An organisation in a NUTS 3 sub-region is in its NUTS 2 region too.
                in_region = (
                    Exists(
                        self.model.coverage_regions.through.objects.filter(
                            providerprofile_id=OuterRef("pk"), region_id=region.pk
                        )
                    )
                    | Q(on_site=True, organisation__region_id=region.pk)
                    | Q(on_site=True, organisation__region__parent_id=region.pk)
                )
                whens.append(When(in_region, then=Value(int(Proximity.REGION))))
            in_country = Exists(
                self.model.coverage_countries.through.objects.filter(
                    providerprofile_id=OuterRef("pk"), country_id=country_id
                )
            ) | Q(organisation__country_id=country_id, on_site=True)
            whens.append(When(in_country, then=Value(int(Proximity.COUNTRY))))
            whens.append(When(remote=True, then=Value(int(Proximity.REMOTE))))
            rows = rows.annotate(
                proximity=Case(*whens, default=Value(FAR), output_field=IntegerField())
            ).filter(proximity__lt=FAR)
            order = ["proximity", "-has_valid_label", "organisation__name", "pk"]
        else:
            rows = rows.annotate(proximity=Value(int(Proximity.REMOTE)))
            order = ["-has_valid_label", "organisation__name", "pk"]
        return rows.order_by(*order)

    def for_list(self):
        return self.select_related(
            "organisation", "organisation__country", "organisation__region"
        ).prefetch_related("categories")


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        if is_admin(user):
            return self
        if not is_authenticated(user):
            return self.none()
        return self.filter(
            Q(created_by_id=user.pk) | Q(organisation_id__in=member_organisation_ids(user))
        )


class HelpRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        if is_admin(user):
            return self
        if not is_authenticated(user):
            return self.none()
        from .models import HelpOffer

        offered = HelpOffer.objects.filter(
            request_id=OuterRef("pk"),
            provider__organisation_id__in=member_organisation_ids(user),
        )
        return self.filter(
            Q(created_by_id=user.pk)
            | Q(region_id__in=coordinated_region_ids(user))
            | Exists(offered)
        )


class HelpOfferQuerySet(models.QuerySet):
    def inbox_of(self, user):
        """Offers made to the organisations the user acts for."""
        return self.filter(provider__organisation_id__in=member_organisation_ids(user))
