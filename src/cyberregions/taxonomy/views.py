from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from .models import Barrier, Domain, EcsfProfile, NistFunction, Sector, Technology

VOCABULARIES = {
    "barriers": {
        "title": _("Barriers to interregional cooperation"),
        "source": _("Interreg Europe CYBER project (2018–2023): the three barriers it addresses."),
    },
    "domains": {
        "title": _("JRC cybersecurity domains"),
        "source": _(
            "JRC, A Proposal for a European Cybersecurity Taxonomy, EUR 29868 EN, 2019 "
            "(doi:10.2760/106002), as used by the European Cybersecurity Atlas."
        ),
    },
    "sectors": {
        "title": _("Sectors"),
        "source": _("JRC European Cybersecurity Taxonomy: application sectors."),
    },
    "technologies": {
        "title": _("Technologies and use cases"),
        "source": _("JRC European Cybersecurity Taxonomy: technologies and use cases."),
    },
    "nist-csf": {
        "title": _("NIST Cybersecurity Framework 2.0"),
        "source": _("NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0, 2024."),
    },
    "ecsf": {
        "title": _("ECSF role profiles"),
        "source": _("ENISA, European Cybersecurity Skills Framework (ECSF) v1, 2022."),
    },
}


@require_GET
def index(request):
    counts = {
        "barriers": Barrier.objects.count(),
        "domains": Domain.objects.count(),
        "sectors": Sector.objects.count(),
        "technologies": Technology.objects.count(),
        "nist-csf": NistFunction.objects.count(),
        "ecsf": EcsfProfile.objects.count(),
    }
    vocabularies = [
        {"slug": slug, "count": counts[slug], **meta} for slug, meta in VOCABULARIES.items()
    ]
    return render(request, "taxonomy/index.html", {"vocabularies": vocabularies})


@require_GET
def vocabulary(request, slug):
    if slug not in VOCABULARIES:
        raise Http404
    loaders = {
        "barriers": lambda: Barrier.objects.all(),
        "domains": lambda: Domain.objects.prefetch_related("subdomains"),
        "sectors": lambda: Sector.objects.all(),
        "technologies": lambda: Technology.objects.all(),
        "nist-csf": lambda: NistFunction.objects.prefetch_related("categories"),
        "ecsf": lambda: EcsfProfile.objects.all(),
    }
    context = {"slug": slug, "terms": loaders[slug](), **VOCABULARIES[slug]}
    return render(request, f"taxonomy/{slug.replace('-', '_')}.html", context)
