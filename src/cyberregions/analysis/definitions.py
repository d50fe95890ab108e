"""What each indicator means: the label and definition shown beside it on every page, in the
report, the CSV export and the API."""

from django.utils.translation import gettext_lazy as _

# key -> (label, definition, unit); unit is "count", "share", "index", "eur" or "per_million".
INDICATORS = {
    "organisations": (
        _("Organisations"),
        _(
            "Active organisations of the atlas located in the scope; a region includes its "
            "NUTS sub-regions."
        ),
        "count",
    ),
    "organisations_per_million": (
        _("Organisations per million inhabitants"),
        _("Organisations divided by the population of the scope, times one million."),
        "per_million",
    ),
    "companies": (
        _("Companies"),
        _("Organisations whose actor type is “micro-enterprise or SME” or “large company”."),
        "count",
    ),
    "cyber_companies": (
        _("Cybersecurity companies"),
        _(
            "Companies whose core business is cybersecurity: the companies of the source's "
            "12,000 for the EU."
        ),
        "count",
    ),
    "cyber_companies_per_million": (
        _("Cybersecurity companies per million inhabitants"),
        _("Cybersecurity companies divided by the population of the scope, times one million."),
        "per_million",
    ),
    "sme_share": (
        _("Share of micro-enterprises and SMEs"),
        _(
            # xgettext:no-python-format
            "Cybersecurity companies of EU size class micro, small or medium (Commission "
            "Recommendation 2003/361/EC) among those whose size class is known. The source "
            "puts it at 74 % for the EU."
        ),
        "share",
    ),
    "micro_share": (
        _("Share of micro-enterprises"),
        _("Cybersecurity companies of EU size class micro among those whose size class is known."),
        "share",
    ),
    "employees": (
        _("Employment"),
        _("Sum of the employees of the organisations that report them."),
        "count",
    ),
    "turnover_eur": (
        _("Turnover"),
        _("Sum of the annual turnover (EUR) of the organisations that report it."),
        "eur",
    ),
    "market_size_eur": (
        _("Market size"),
        _(
            "Sum of the annual turnover (EUR) of the cybersecurity companies that report it. "
            "The source puts the EU market at EUR 25 billion."
        ),
        "eur",
    ),
    "by_actor_type": (
        _("Organisations by actor type"),
        _("Organisations counted by their actor type."),
        "count",
    ),
    "by_helix": (
        _("Organisations by triple-helix group"),
        _(
            "Business, academia, government and civil society, derived from the actor type "
            "(the triple helix of the source document)."
        ),
        "count",
    ),
    "by_size_class": (
        _("Cybersecurity companies by EU size class"),
        _(
            "Cybersecurity companies counted by the size class derived from staff, turnover "
            "and balance sheet."
        ),
        "count",
    ),
    "presence": (
        _("Presence of key actors"),
        _(
            "Research (research and technology organisations and universities), training "
            "centres, incubators or accelerators, and CSIRT/CERT teams in the scope."
        ),
        "count",
    ),
    "domains": (
        _("Organisations by JRC domain"),
        _("Organisations active in each domain of the JRC cybersecurity taxonomy."),
        "count",
    ),
    "specialisation": (
        _("Specialisation index (location quotient)"),
        _(
            "The domain's share of the scope's organisations divided by its share of the EU's. "
            "Above 1, the scope is more specialised in the domain than the EU; below 1, less. "
            "Read per organisation, it rises in every domain when the scope's organisations "
            "carry more domain tags than the EU's; the reading on shares of domain mentions "
            "beside it does not."
        ),
        "index",
    ),
    "specialisation_mentions": (
        _("Specialisation on shares of domain mentions"),
        _(
            "The domain's share of all the domain tags of the scope's organisations divided by "
            "its share of all the EU's. It does not grow when the scope's organisations carry "
            "more tags than the EU's: weighted by the EU's shares the indices average 1, so "
            "no scope can stand above 1 in every domain."
        ),
        "index",
    ),
    "sectors": (
        _("Sectors served"),
        _("Organisations serving each application sector of the JRC taxonomy."),
        "count",
    ),
    "sectors_served": (
        _("Number of sectors served"),
        _("Application sectors served by at least one organisation."),
        "count",
    ),
    "nist_functions": (
        _("NIST CSF functions covered"),
        _("Organisations covering each function of the NIST Cybersecurity Framework 2.0."),
        "count",
    ),
    "nist_functions_covered": (
        _("Number of NIST CSF functions covered"),
        _("Functions of the NIST CSF 2.0 covered by at least one organisation (of six)."),
        "count",
    ),
    "offers": (
        _("Offers"),
        _("Offers published by the scope's organisations."),
        "count",
    ),
    "needs": (
        _("Needs"),
        _("Needs published by the scope's organisations."),
        "count",
    ),
    "supply": (
        _("Supply by domain"),
        _("Domain tags on the offers of the scope's organisations."),
        "count",
    ),
    "demand": (
        _("Demand by domain"),
        _("Domain tags on the needs of the scope's organisations."),
        "count",
    ),
    "gaps": (
        _("Supply–demand gap"),
        _(
            "The domain's share of all domain tags on needs minus its share of all domain tags "
            "on offers, in percentage points. Positive: the domain weighs more in the needs "
            "than in the offers; this compares shares, so it can be positive while the "
            "domain's offers outnumber its needs."
        ),
        "share",
    ),
    "biggest_gaps": (
        _("Biggest gaps"),
        _("The five domains with the largest positive supply–demand gap."),
        "share",
    ),
}

PRESENCE_LABELS = {
    "research": _("Research"),
    "training": _("Training"),
    "incubation": _("Incubation"),
    "csirt": _("CSIRT / CERT"),
}

# The headline figures, in the order of tables and of the comparison page.
HEADLINE = [
    "organisations",
    "organisations_per_million",
    "companies",
    "cyber_companies",
    "cyber_companies_per_million",
    "sme_share",
    "micro_share",
    "employees",
    "turnover_eur",
    "market_size_eur",
    "sectors_served",
    "nist_functions_covered",
    "offers",
    "needs",
]


def label(key: str) -> str:
    return INDICATORS[key][0]


def definition(key: str) -> str:
    return INDICATORS[key][1]


def unit(key: str) -> str:
    return INDICATORS[key][2]
