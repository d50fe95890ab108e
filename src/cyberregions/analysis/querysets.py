from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from cyberregions.core.permissions import coordinated_region_ids, is_admin


class NeedsSurveyQuerySet(models.QuerySet):
    def for_region(self, region_id: int):
        return self.filter(region_id=region_id)

    def manageable_by(self, user):
        """Surveys whose invitations and raw answers ``user`` may handle
        (``permissions.can_manage_survey``)."""
        if is_admin(user):
            return self
        return self.filter(region_id__in=coordinated_region_ids(user))

    def with_counts(self):
        """Invitations and responses counted in sub-queries (two joins would multiply)."""
        from .models import SurveyInvitation, SurveyResponse

        def count_of(model):
            rows = (
                model.objects.filter(survey=OuterRef("pk"))
                .order_by()
                .values("survey")
                .annotate(n=Count("id"))
                .values("n")
            )
            return Coalesce(Subquery(rows), 0)

        return self.annotate(
            response_count=count_of(SurveyResponse), invitation_count=count_of(SurveyInvitation)
        )


class SwotItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A region's SWOT is part of its published analysis: everyone reads it."""
        return self

    def editable_by(self, user):
        """The SWOT items of the regions ``user`` analyses
        (``permissions.can_change_swot_item``)."""
        if is_admin(user):
            return self
        return self.filter(region_id__in=coordinated_region_ids(user))

    def for_region(self, region_id: int):
        return self.filter(region_id=region_id).select_related("barrier")
