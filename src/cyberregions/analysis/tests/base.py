"""A small ecosystem whose indicators are computed by hand in the tests.

Active organisations (the closed one never counts)::

    FRH0 Brittany   Armor Cyber Defence     SME, small (12 staff, EUR 1.5 m), core business
                                            domains IHF NDS, sector transportation, NIST DE RS
                    Naval Cyber Group       large (400 staff, EUR 80 m), core business, NDS,
                                            sectors transportation and defense
                    CERT Bretagne           CSIRT (6 staff), NIST RS RC
      FRH01         Université de Vannes    university (900 staff), domain CRY
    FR (no region)  Paris Secure            SME, small (30 staff, EUR 4 m), core business, IHF
    ITI1 Tuscany    Firenze Secure Systems  SME, micro (8 staff, EUR 0.9 m), core business, CRY
    EE00 Estonia    Tallinn Cyber Research  RTO
    FRH0 (closed)   Old Breton SME          closed: excluded everywhere

Offers and needs (domain tags)::

    Armor offer (NDS, IHF) · Université offer (CRY) · Naval need (CRY) · Naval need (IHF)
    Paris need (NDS) · Old Breton need (CRY, closed)
"""

from cyberregions.analysis import indicators
from cyberregions.organisations.models import OfferOrNeed
from cyberregions.taxonomy.models import Domain, NistFunction
from cyberregions.testing import PersonaTestCase, make_organisation


def item(organisation, kind, title, domains):
    entry = OfferOrNeed.objects.create(organisation=organisation, kind=kind, title=title)
    entry.domains.set(Domain.objects.filter(code__in=domains))
    return entry


class AnalysisTestCase(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.breton_sme.nist_functions.set(NistFunction.objects.filter(code__in=["DE", "RS"]))
        cls.naval = make_organisation(
            "Naval Cyber Group",
            "FR",
            "FRH0",
            actor_type="large",
            employees=400,
            turnover_eur=80_000_000,
            core_business=True,
            domains=["NDS"],
            sectors=["SEC.transportation", "SEC.defense"],
        )
        cls.cert = make_organisation("CERT Bretagne", "FR", "FRH0", actor_type="csirt", employees=6)
        cls.cert.nist_functions.set(NistFunction.objects.filter(code__in=["RS", "RC"]))
        cls.university = make_organisation(
            "Université de Vannes",
            "FR",
            "FRH01",
            actor_type="university",
            employees=900,
            domains=["CRY"],
        )
        cls.paris = make_organisation(
            "Paris Secure",
            "FR",
            None,
            employees=30,
            turnover_eur=4_000_000,
            core_business=True,
            domains=["IHF"],
        )
        cls.closed = make_organisation(
            "Old Breton SME",
            "FR",
            "FRH0",
            status="closed",
            employees=3,
            turnover_eur=100_000,
            core_business=True,
            domains=["CRY"],
        )
        item(cls.breton_sme, "offer", "Penetration tests", ["NDS", "IHF"])
        item(cls.university, "offer", "Cryptography courses", ["CRY"])
        item(cls.naval, "need", "Post-quantum cryptography", ["CRY"])
        item(cls.naval, "need", "Incident handling", ["IHF"])
        item(cls.paris, "need", "Network monitoring", ["NDS"])
        item(cls.closed, "need", "Key management", ["CRY"])

    def setUp(self):
        super().setUp()
        # Reference data is read once per process; read it now so that query counts do not
        # depend on the order of the tests.
        indicators.reset_reference()
        indicators.reference()
        indicators.forget_eu_reference()
