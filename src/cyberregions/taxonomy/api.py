from rest_framework import serializers, viewsets

from .models import (
    Barrier,
    Domain,
    EcsfProfile,
    NistCategory,
    NistFunction,
    Sector,
    Subdomain,
    Technology,
)


def term_serializer(model_class, extra=()):
    meta = type("Meta", (), {"model": model_class, "fields": ["code", "label", *extra]})
    return type(f"{model_class.__name__}Serializer", (serializers.ModelSerializer,), {"Meta": meta})


class SubdomainSerializer(serializers.ModelSerializer):
    class Meta:
        model = Subdomain
        fields = ["code", "label"]


class DomainSerializer(serializers.ModelSerializer):
    subdomains = SubdomainSerializer(many=True, read_only=True)

    class Meta:
        model = Domain
        fields = ["code", "label", "subdomains"]


class NistFunctionSerializer(serializers.ModelSerializer):
    categories = term_serializer(NistCategory, ("statement",))(many=True, read_only=True)

    class Meta:
        model = NistFunction
        fields = ["code", "label", "overview", "categories"]


def vocabulary_viewset(model_class, serializer_class, prefetch=()):
    attrs = {
        "queryset": model_class.objects.prefetch_related(*prefetch).order_by("position", "code"),
        "serializer_class": serializer_class,
        "lookup_field": "code",
        "lookup_value_regex": "[^/]+",
        "pagination_class": None,
        "__doc__": f"{model_class._meta.verbose_name_plural} (read-only reference data).",
    }
    return type(f"{model_class.__name__}ViewSet", (viewsets.ReadOnlyModelViewSet,), attrs)


BarrierViewSet = vocabulary_viewset(Barrier, term_serializer(Barrier, ("description",)))
DomainViewSet = vocabulary_viewset(Domain, DomainSerializer, ("subdomains",))
SectorViewSet = vocabulary_viewset(Sector, term_serializer(Sector))
TechnologyViewSet = vocabulary_viewset(Technology, term_serializer(Technology, ("kind",)))
NistFunctionViewSet = vocabulary_viewset(NistFunction, NistFunctionSerializer, ("categories",))
EcsfProfileViewSet = vocabulary_viewset(
    EcsfProfile,
    term_serializer(
        EcsfProfile, ("summary", "mission", "main_tasks", "key_skills", "key_knowledge")
    ),
)

ROUTES = [
    ("vocabularies/barriers", BarrierViewSet, "barrier"),
    ("vocabularies/domains", DomainViewSet, "domain"),
    ("vocabularies/sectors", SectorViewSet, "sector"),
    ("vocabularies/technologies", TechnologyViewSet, "technology"),
    ("vocabularies/nist-functions", NistFunctionViewSet, "nistfunction"),
    ("vocabularies/ecsf-profiles", EcsfProfileViewSet, "ecsfprofile"),
]
