"""Plausible English prose for demo organisations, written from taxonomy terms.

Templates of the project's own: descriptions (2–4 sentences), product and service lines, offers
and needs. Taxonomy codes known to this module (the JRC domains, sectors, technologies and use
cases, the NIST CSF functions of the project's reference data) get hand-written phrases; any
other code falls back to its label, so a taxonomy with new codes still reads well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from random import Random

# Prose phrases by taxonomy code -------------------------------------------------------------

DOMAIN_PHRASES: dict[str, str] = {
    "AAC": "security assurance, audit and certification",
    "CRY": "cryptography",
    "DSP": "data security and privacy",
    "EDU": "cybersecurity education and training",
    "HUM": "the human factors of security",
    "IDM": "identity management",
    "IHF": "incident handling and digital forensics",
    "LEG": "cyber law and regulation",
    "NDS": "network security",
    "SMG": "security management and governance",
    "MEA": "security measurement",
    "SHE": "secure software and hardware engineering",
    "SSW": "steganography and digital watermarking",
    "THF": "the theoretical foundations of security",
    "TMA": "trust management and accountability",
}

DOMAIN_PRODUCTS: dict[str, tuple[str, ...]] = {
    "AAC": (
        "Penetration testing",
        "ISO/IEC 27001 readiness audits",
        "Security maturity assessments",
        "Red-team exercises",
        "NIS2 compliance audits",
        "Common Criteria evaluation support",
        "Third-party risk assessments",
        "Cloud security certification support",
    ),
    "CRY": (
        "Post-quantum cryptography library",
        "Hardware security module integration",
        "Key management service",
        "Public key infrastructure as a service",
        "Cryptographic code reviews",
        "Quantum-safe VPN gateway",
        "End-to-end encrypted messaging",
        "Crypto-agility assessments",
    ),
    "DSP": (
        "Data loss prevention",
        "GDPR compliance audits",
        "Data classification and labelling",
        "Privacy-enhancing analytics platform",
        "Pseudonymisation toolkit",
        "Encrypted backup service",
        "Database activity monitoring",
        "Data protection officer as a service",
    ),
    "EDU": (
        "Cyber range and simulation platform",
        "Capture-the-flag competitions",
        "Security awareness programme",
        "Ethical hacking course",
        "SOC analyst bootcamp",
        "Cyber crisis exercises for executives",
        "E-learning modules for staff",
    ),
    "HUM": (
        "Phishing simulation campaigns",
        "Security culture assessments",
        "Insider-threat programme",
        "Usable security design reviews",
        "Social engineering tests",
        "Behavioural risk analytics",
    ),
    "IDM": (
        "Identity and access management",
        "Multi-factor authentication",
        "Privileged access management",
        "Single sign-on for public services",
        "Biometric authentication",
        "eIDAS-compliant electronic identification",
        "Identity governance and administration",
        "Passwordless login",
    ),
    "IHF": (
        "24/7 incident response retainer",
        "Digital forensics laboratory",
        "Malware analysis",
        "Managed detection and response",
        "Security operations centre as a service",
        "Threat intelligence feeds",
        "Ransomware recovery",
        "Vulnerability disclosure coordination",
    ),
    "LEG": (
        "Cyber law advisory",
        "NIS2 compliance advisory",
        "Cyber Resilience Act readiness",
        "Data protection legal counsel",
        "Cyber insurance claims support",
        "Security clauses for ICT supplier contracts",
    ),
    "NDS": (
        "Next-generation firewall",
        "Network detection and response",
        "Zero-trust network access",
        "Secure SD-WAN",
        "DDoS mitigation",
        "Intrusion detection for industrial networks",
        "Secure remote access",
        "Secure 5G network components",
    ),
    "SMG": (
        "Virtual CISO service",
        "ISMS implementation (ISO/IEC 27001)",
        "Cyber risk quantification",
        "Governance, risk and compliance platform",
        "Business continuity planning",
        "Supply-chain security assessments",
        "Security policy drafting",
        "Cyber crisis management",
    ),
    "MEA": (
        "Security metrics dashboards",
        "Attack surface monitoring",
        "Continuous vulnerability scanning",
        "Security ratings",
        "Security posture benchmarking",
        "Breach and attack simulation",
    ),
    "SHE": (
        "Secure code reviews",
        "Application security testing (SAST/DAST)",
        "Firmware and embedded security testing",
        "Secure development lifecycle coaching",
        "Hardware security evaluation",
        "Software bill of materials management",
        "Fuzzing as a service",
        "Side-channel analysis",
    ),
    "SSW": (
        "Digital watermarking of media",
        "Document traceability and anti-counterfeiting",
        "Steganalysis tools for investigators",
        "Leak source tracing",
    ),
    "THF": (
        "Formal verification of protocols",
        "Security proofs for cryptographic schemes",
        "Model checking of critical software",
        "Verified software toolchains",
    ),
    "TMA": (
        "Qualified trust services (signatures, seals, time stamps)",
        "Tamper-evident audit trails",
        "Trust and reputation scoring",
        "Blockchain-based traceability",
        "Accountability frameworks for AI systems",
    ),
}

DOMAIN_TOPICS: dict[str, tuple[str, ...]] = {
    "AAC": ("security testing", "security certification", "audit automation", "red teaming"),
    "CRY": (
        "post-quantum cryptography",
        "lightweight cryptography for IoT",
        "homomorphic encryption",
        "key management",
    ),
    "DSP": ("privacy-enhancing technologies", "data anonymisation", "data leak prevention"),
    "EDU": ("cyber ranges", "security awareness", "capture-the-flag training"),
    "HUM": ("social engineering", "security behaviour", "usable security"),
    "IDM": ("digital identity", "authentication", "access control"),
    "IHF": ("incident response", "digital forensics", "malware analysis", "threat intelligence"),
    "LEG": ("cyber regulation", "NIS2 compliance", "data protection law"),
    "NDS": ("intrusion detection", "zero-trust architectures", "5G security", "network monitoring"),
    "SMG": ("cyber risk management", "security governance", "supply-chain security"),
    "MEA": ("security metrics", "attack surface management", "vulnerability scanning"),
    "SHE": ("secure software development", "hardware security", "fuzzing", "firmware analysis"),
    "SSW": ("digital watermarking", "steganalysis"),
    "THF": ("formal methods", "security proofs"),
    "TMA": ("trust services", "accountability of AI systems", "blockchain traceability"),
}

# (who the customers are, short noun for titles)
SECTOR_PHRASES: dict[str, tuple[str, str]] = {
    "SEC.audiovisual-and-media": ("media and broadcasting companies", "media"),
    "SEC.chemical": ("chemical plants", "the chemical industry"),
    "SEC.defense": ("defence forces and their suppliers", "defence"),
    "SEC.digital-services-and-platforms": ("digital service providers", "digital services"),
    "SEC.energy": ("energy operators", "energy"),
    "SEC.financial": ("banks and insurers", "finance"),
    "SEC.food-and-drink": ("food and drink producers", "the food industry"),
    "SEC.government": ("public administrations", "the public sector"),
    "SEC.health": ("hospitals and health providers", "healthcare"),
    "SEC.manufacturing-and-supply-chains": ("manufacturers and their supply chains", "industry"),
    "SEC.nuclear": ("nuclear operators", "the nuclear sector"),
    "SEC.safety-and-security": ("safety and security services", "public safety"),
    "SEC.space": ("space agencies and satellite operators", "space"),
    "SEC.telecomm-infrastructure": ("telecom operators", "telecoms"),
    "SEC.transportation": ("transport operators", "transport"),
}

TECH_PHRASES: dict[str, str] = {
    "TUC.artificial-intelligence": "artificial intelligence",
    "TUC.big-data": "big data",
    "TUC.blockchain-and-distributed-ledger-technology": "blockchain",
    "TUC.cloud-edge-and-virtualisation": "cloud and edge computing",
    "TUC.critical-infrastructure-protection": "critical infrastructure protection",
    "TUC.protection-of-public-spaces": "the protection of public spaces",
    "TUC.disaster-resilience-and-crisis-management": "crisis management",
    "TUC.fight-against-crime-and-terrorism": "the fight against cybercrime",
    "TUC.border-and-external-security": "border security",
    "TUC.local-wide-area-observation-and-surveillance": "wide-area surveillance",
    "TUC.hardware-technology": "secure hardware",
    "TUC.high-performance-computing": "high-performance computing",
    "TUC.human-machine-interface": "human-machine interfaces",
    "TUC.industrial-iot-and-control-systems": "industrial control systems",
    "TUC.information-systems": "information systems",
    "TUC.internet-of-things-embedded-systems-pervasive": "the Internet of Things",
    "TUC.mobile-devices": "mobile devices",
    "TUC.operating-systems": "operating systems",
    "TUC.quantum-technologies": "quantum technologies",
    "TUC.robotics": "robotics",
    "TUC.satellite-systems-and-applications": "satellite systems",
    "TUC.vehicular-systems": "connected vehicles",
    "TUC.uav": "drones",
}

NIST_NAMES: dict[str, str] = {
    "GV": "Govern",
    "ID": "Identify",
    "PR": "Protect",
    "DE": "Detect",
    "RS": "Respond",
    "RC": "Recover",
}

ROLES_SOUGHT: tuple[str, ...] = (
    "SOC analysts",
    "penetration testers",
    "cryptography engineers",
    "security architects",
    "incident responders",
    "cloud security engineers",
    "GRC consultants",
    "security software developers",
    "forensic analysts",
)

_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def label_phrase(label: str) -> str:
    """A label as a phrase inside a sentence: parenthetical examples dropped, first word in
    lower case unless it is an acronym or a name-like word."""
    text = _PARENTHESIS.sub("", label).strip() or label
    first, _, rest = text.partition(" ")
    if len(first) > 1 and not any(c.isupper() for c in first[1:]):
        first = first.lower()
    return f"{first} {rest}".strip()


def join_and(items: list[str]) -> str:
    """ "a, b and c"; "a and b, as well as c" when an item has an "and" of its own."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if any(" and " in item for item in items):
        return ", ".join(items[:-1]) + ", as well as " + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


KEEP_CASE_STARTS = ("Common Criteria", "Cyber Resilience Act", "Internet", "Horizon Europe")


def lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():  # acronym ("ISO/IEC", "SOC")
        return text
    if text.startswith(KEEP_CASE_STARTS):
        return text
    return text[:1].lower() + text[1:]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Phrases for one taxonomy, built once per generation run."""

    domain: dict[str, str]
    products: dict[str, tuple[str, ...]]
    topics: dict[str, tuple[str, ...]]
    sector: dict[str, tuple[str, str]]
    tech: dict[str, str]
    nist: dict[str, str]

    @classmethod
    def build(
        cls,
        domains: list[str],
        sectors: list[str],
        technologies: list[str],
        nist_functions: list[str],
        labels: dict[str, str],
    ) -> Vocabulary:
        def phrase(code: str, known: dict[str, str]) -> str:
            return known.get(code) or label_phrase(labels.get(code, code))

        domain = {code: phrase(code, DOMAIN_PHRASES) for code in domains}
        products = {
            code: DOMAIN_PRODUCTS.get(code)
            or (f"Services in {domain[code]}", f"Consulting on {domain[code]}")
            for code in domains
        }
        topics = {code: DOMAIN_TOPICS.get(code) or (domain[code],) for code in domains}
        sector = {}
        for code in sectors:
            if code in SECTOR_PHRASES:
                sector[code] = SECTOR_PHRASES[code]
            else:
                text = label_phrase(labels.get(code, code))
                sector[code] = (f"organisations in {text}", text)
        tech = {code: phrase(code, TECH_PHRASES) for code in technologies}
        nist = {
            code: NIST_NAMES.get(code) or _PARENTHESIS.sub("", labels.get(code, code)).title()
            for code in nist_functions
        }
        return cls(domain, products, topics, sector, tech, nist)


@dataclass(slots=True)
class Profile:
    """What the prose needs to know about an organisation."""

    name: str
    actor_type: str
    core_business: bool
    size: str  # micro, small, medium, large or "" for non-companies
    city: str
    country_name: str
    area: str  # the partner territory's name, else the city
    founded: int
    employees: int | None
    domains: list[str]
    sectors: list[str]
    technologies: list[str]
    nist_functions: list[str]
    detailed: bool  # partner territory: richer text
    variant: str = ""  # how the prose names its kind ("law firm with…", "national"…)
    kind: str = ""  # short key of that kind for "other" organisations: law, media, lab…


OTHER_PRODUCTS: dict[str, tuple[str, ...]] = {
    "law": (
        "Cyber law advisory",
        "NIS2 compliance advisory",
        "Data protection legal counsel",
        "Breach notification support",
        "Security clauses for ICT supplier contracts",
    ),
    "insurance": (
        "Cyber insurance for SMEs",
        "Cyber risk assessments for underwriting",
        "Incident response cover",
        "Claims management after a cyber attack",
    ),
    "media": (
        "Cybersecurity news and analysis",
        "Weekly industry newsletter",
        "Conferences and webinars",
        "Market studies",
    ),
    "foundation": (
        "Awareness workshops for schools",
        "Online safety campaigns",
        "Helpline for victims of cybercrime",
        "Volunteer programme",
    ),
}
OTHER_OFFER_SENTENCES: dict[str, str] = {
    "law": "The lawyers of {name} offer {product} to companies and public bodies.",
    "insurance": "{name} offers {product} with partners among European insurers.",
    "media": "{name} offers {product} to reach the European cybersecurity community.",
    "foundation": "{name} offers {product} free of charge.",
}
OTHER_NEEDS: dict[str, tuple[tuple[str, str], ...]] = {
    "law": (
        (
            "Technical partners for incident response",
            "We look for incident responders and "
            "forensic analysts to work alongside our lawyers when clients are attacked.",
        ),
    ),
    "insurance": (
        (
            "Incident response partners for policyholders",
            "We look for trusted providers who "
            "can help our policyholders within hours of an incident.",
        ),
    ),
    "media": (
        (
            "Sponsors and speakers for our events",
            "We look for companies and experts to "
            "speak at and sponsor our conferences and webinars.",
        ),
    ),
    "foundation": (
        (
            "Volunteers with security skills",
            "We look for security professionals who can "
            "give a few hours a month to our awareness workshops.",
        ),
    ),
}


class Writer:
    """Writes descriptions, product lines, offers and needs with one random stream."""

    def __init__(self, vocabulary: Vocabulary, rng: Random, country_names: list[str]):
        self.v = vocabulary
        self.rng = rng
        self.country_names = country_names

    # helpers ---------------------------------------------------------------------------------
    def _domains(self, p: Profile, k: int = 3) -> str:
        return join_and([self.v.domain[c] for c in p.domains[:k]]) or "cybersecurity"

    def _sectors(self, p: Profile, k: int = 3) -> str:
        phrases = [self.v.sector[c][0] for c in p.sectors[:k]]
        return join_and(phrases) or "organisations of all sizes"

    def _techs(self, p: Profile, k: int = 2) -> str:
        return join_and([self.v.tech[c] for c in p.technologies[:k]]) or "information systems"

    def _topic(self, p: Profile) -> str:
        if not p.domains:
            return "cybersecurity"
        return self.rng.choice(self.v.topics[self.rng.choice(p.domains)])

    def _product(self, p: Profile) -> str:
        if not p.domains:
            return "Cybersecurity consulting"
        return self.rng.choice(self.v.products[self.rng.choice(p.domains)])

    # descriptions ----------------------------------------------------------------------------
    def describe(self, p: Profile) -> str:
        method = getattr(self, f"_describe_{p.actor_type}", self._describe_other)
        sentences = method(p)
        if p.detailed and len(sentences) < 4 and p.nist_functions:
            functions = join_and([self.v.nist[c] for c in p.nist_functions])
            plural = "s" if len(p.nist_functions) > 1 else ""
            sentences.append(
                self.rng.choice(
                    (
                        f"Its work covers the {functions} function{plural} of the NIST "
                        "Cybersecurity Framework.",
                        f"Mapped to the NIST Cybersecurity Framework, its activities address "
                        f"{functions}.",
                    )
                )
            )
        return " ".join(sentences[:4])

    def _company_opening(self, p: Profile) -> str:
        r = self.rng
        young = p.founded >= 2017
        adjective = {
            "micro": r.choice(
                ("young", "small", "specialised") if young else ("small", "specialised")
            ),
            "small": r.choice(("independent", "growing", "specialised")),
            "medium": r.choice(
                ("fast-growing", "mid-sized") if young else ("established", "mid-sized")
            ),
            "large": r.choice(("large", "leading", "international")),
        }.get(p.size, "independent")
        what = r.choice(
            (
                "cybersecurity company",
                "cybersecurity consultancy",
                "cybersecurity software company",
                "managed security services provider",
                "security engineering firm",
            )
        )
        options = [
            f"{p.name} is {article(adjective)} {adjective} {what} founded in {p.founded} in "
            f"{p.city}.",
            f"Founded in {p.founded}, {p.name} is {article(adjective)} {adjective} {what} based "
            f"in {p.city}, {p.country_name}.",
            f"{p.name} is a {p.city}-based {what} created in {p.founded}.",
        ]
        if p.employees and p.employees >= 3 and p.size in ("micro", "small", "medium"):
            options.append(
                f"Based in {p.city} since {p.founded}, {p.name} is a team of {p.employees} "
                "cybersecurity specialists."
            )
        if p.size == "large" and p.employees:
            options.append(
                f"{p.name} is a large security group employing about "
                f"{_round_staff(p.employees):,} people, with its main site in {p.city}."
            )
        return r.choice(options)

    def _describe_sme(self, p: Profile) -> list[str]:
        r = self.rng
        if not p.core_business:
            kind = r.choice(
                (
                    "IT services company",
                    "systems integrator",
                    "software publisher",
                    "managed IT services provider",
                    "cloud hosting provider",
                    "engineering firm",
                )
            )
            sentences = [
                f"{p.name} is {article(kind)} {kind} in {p.city} founded in {p.founded}.",
                r.choice(
                    (
                        f"Its cybersecurity practice covers {self._domains(p, 2)}.",
                        f"It has added cybersecurity to its offer, notably "
                        f"{lower_first(self._product(p))}.",
                    )
                ),
            ]
        else:
            sentences = [
                self._company_opening(p),
                r.choice(
                    (
                        f"It specialises in {self._domains(p)}.",
                        f"Its expertise covers {self._domains(p)}.",
                        f"The company focuses on {self._domains(p, 2)}, with particular strength "
                        f"in {self._topic(p)}.",
                        f"Its core skills are in {self._domains(p)}.",
                    )
                ),
            ]
        sentences.append(
            r.choice(
                (
                    f"It serves {self._sectors(p)}.",
                    f"Customers include {self._sectors(p)}.",
                    f"{upper_first(self._sectors(p, 2))} rely on its "
                    f"{lower_first(self._product(p))}.",
                    f"Most of its clients are {self._sectors(p, 2)}, for whom it provides "
                    f"{lower_first(self._product(p))}.",
                )
            )
        )
        if p.detailed or r.random() < 0.4:
            sentences.append(
                r.choice(
                    (
                        f"Its solutions draw on {self._techs(p)}.",
                        f"The team works on {self._techs(p)} and takes part in European "
                        "research projects.",
                        f"It is an active member of the {p.area} cybersecurity ecosystem.",
                        "It is expanding to other European markets.",
                    )
                )
            )
        return sentences

    _describe_large = _describe_sme

    def _describe_university(self, p: Profile) -> list[str]:
        r = self.rng
        return [
            r.choice(
                (
                    f"{p.name} is a public university in {p.city}, founded in {p.founded}.",
                    f"{p.name} is a higher education institution based in {p.city}, "
                    f"{p.country_name}.",
                )
            ),
            r.choice(
                (
                    f"Its computer science department teaches and researches {self._domains(p)}.",
                    f"Its research groups work on {self._domains(p)}.",
                )
            ),
            r.choice(
                (
                    f"It offers a master's degree in cybersecurity and a doctoral programme on "
                    f"{self._topic(p)}.",
                    f"Its laboratories collaborate with {self._sectors(p, 2)} on "
                    f"{self._techs(p, 1)}.",
                    "Its students take part in national and European capture-the-flag "
                    "competitions.",
                )
            ),
        ]

    def _describe_rto(self, p: Profile) -> list[str]:
        r = self.rng
        first, second = self._topic(p), self._topic(p)
        focus = first if first == second else f"{first} and {second}"
        return [
            r.choice(
                (
                    f"{p.name} is a research and technology organisation in {p.city} working on "
                    f"{self._domains(p, 2)}.",
                    f"{p.name} is an applied research centre founded in {p.founded} in {p.city}.",
                )
            ),
            r.choice(
                (
                    f"It runs testbeds on {self._techs(p)} and transfers its results to "
                    f"{self._sectors(p, 2)}.",
                    f"Its research teams focus on {focus}.",
                )
            ),
            r.choice(
                (
                    "It takes part in Horizon Europe and Digital Europe projects.",
                    "It works with SMEs through contract research and joint laboratories.",
                )
            ),
        ]

    def _describe_training(self, p: Profile) -> list[str]:
        r = self.rng
        return [
            f"{p.name} is a training centre in {p.city} that trains professionals in "
            f"{self._domains(p, 2)}.",
            r.choice(
                (
                    f"Courses range from awareness sessions to hands-on labs on {self._topic(p)}.",
                    "It prepares learners for recognised professional certifications.",
                )
            ),
            f"It works with employers among {self._sectors(p, 2)} to close the skills gap.",
        ]

    def _describe_incubator(self, p: Profile) -> list[str]:
        r = self.rng
        age = max(1, 2024 - p.founded)
        startups = r.randint(3, max(4, min(90, 5 * age)))
        return [
            f"{p.name} is an incubator and accelerator in {p.city} dedicated to cybersecurity "
            "and digital trust start-ups.",
            f"It has supported about {startups} start-ups since {p.founded}, with mentoring, "
            "office space and access to investors.",
            r.choice(
                (
                    f"Its programmes focus on {self._domains(p, 2)}.",
                    f"It gives start-ups access to a test lab for {self._techs(p)}.",
                )
            ),
        ]

    def _describe_cluster(self, p: Profile) -> list[str]:
        r = self.rng
        members = r.randint(25, 260)
        return [
            f"{p.name} brings together companies, research centres, training bodies and public "
            f"authorities of the {p.area} cybersecurity ecosystem.",
            f"It has about {members} members and runs matchmaking events, joint stands at trade "
            f"fairs and working groups on {self._domains(p, 2)}.",
            r.choice(
                (
                    "It helps SMEs reach new markets in other European regions.",
                    "It speaks for its members in regional and European cybersecurity policy.",
                )
            ),
        ]

    def _describe_public(self, p: Profile) -> list[str]:
        r = self.rng
        return [
            f"{p.name} is a public administration in {p.city}, {p.country_name}.",
            r.choice(
                (
                    "Its digital department buys cybersecurity products and services to protect "
                    "the services it offers to citizens.",
                    f"It runs a support programme for local companies in {self._domains(p, 2)}.",
                )
            ),
            r.choice(
                (
                    "It funds awareness campaigns and cybersecurity vouchers for SMEs.",
                    f"It works with {self._sectors(p, 2)} on the resilience of local services.",
                )
            ),
        ]

    def _describe_csirt(self, p: Profile) -> list[str]:
        r = self.rng
        if p.variant == "national":
            return [
                f"{p.name} is the national computer security incident response team (CSIRT) of "
                f"{p.country_name}.",
                "It coordinates the response to major incidents, publishes alerts and "
                "advisories, and takes part in the EU CSIRTs Network.",
                f"It works closely with operators of essential services among "
                f"{self._sectors(p, 3)}.",
            ]
        return [
            f"{p.name} is a regional CSIRT in {p.city} that helps SMEs, local authorities and "
            f"hospitals of the {p.area} area respond to cyber incidents.",
            r.choice(
                (
                    "It offers a first-response hotline, incident triage and referral to trusted "
                    "service providers.",
                    "It shares threat alerts with its constituency and runs incident-response "
                    "exercises.",
                )
            ),
        ]

    def _describe_investor(self, p: Profile) -> list[str]:
        r = self.rng
        kind = p.variant or "venture capital fund"
        low, high = r.choice(((50, 500), (250, 2_000), (500, 5_000), (1_000, 15_000)))
        return [
            f"{p.name} is {article(kind)} {kind} based in {p.city}.",
            f"It invests in early-stage companies in {self._domains(p, 2)}, with tickets from "
            f"EUR {_thousands(low)} to EUR {_thousands(high)}.",
            f"Its portfolio includes about {r.randint(6, 60)} companies in cybersecurity and "
            "digital trust.",
        ]

    def _describe_other(self, p: Profile) -> list[str]:
        kind = p.variant or "organisation"
        return [
            f"{p.name} is {article(kind)} {kind} in {p.city}, {p.country_name}.",
            f"It works with the cybersecurity community on {self._domains(p, 2)}.",
            self.rng.choice(
                (
                    f"Its clients include {self._sectors(p, 2)}.",
                    "It takes part in regional events and working groups.",
                )
            ),
        ]

    # products and services -------------------------------------------------------------------
    def products_services(self, p: Profile, count: int) -> list[str]:
        t = p.actor_type
        if t in ("sme", "large"):
            pool = [line for c in p.domains for line in self.v.products[c]]
        elif t == "other" and p.kind not in OTHER_PRODUCTS:
            # A laboratory or a consultancy: the lines of its main domain (the first one).
            pool = [*self.v.products[p.domains[0]], "Advice and expertise"] if p.domains else []
        elif t == "other":
            pool = list(OTHER_PRODUCTS[p.kind])
        elif t == "university":
            pool = [
                "Master's degree in cybersecurity",
                "Bachelor's courses in network security",
                f"Doctoral programme on {self._topic(p)}",
                "Continuing education for professionals",
                f"Research collaboration on {self._topic(p)}",
                "Cyber range for students",
            ]
        elif t == "rto":
            pool = [
                f"Contract research on {self._topic(p)}",
                f"Testbed for {self._techs(p, 1)}",
                f"Technology transfer in {self._domains(p, 1)}",
                "Security evaluation laboratory",
                "Joint research projects",
            ]
        elif t == "training":
            pool = [
                f"Course: {self._topic(p)}",
                "Certification preparation",
                "Awareness sessions for staff",
                f"Hands-on labs on {self._topic(p)}",
                "Executive training in cyber crisis management",
            ]
        elif t == "incubator":
            pool = [
                "Incubation programme",
                "Acceleration programme",
                "Mentoring by cybersecurity experts",
                "Office space and test lab",
                "Investor days",
            ]
        elif t == "cluster":
            pool = [
                "Matchmaking events",
                "Joint stands at trade fairs",
                f"Working group on {self._domains(p, 1)}",
                "Export missions",
                "Skills and recruitment support",
            ]
        elif t == "public":
            pool = [
                "Cybersecurity vouchers for SMEs",
                "Regional funding calls",
                "Awareness campaigns for citizens",
                "Public procurement of security services",
            ]
        elif t == "csirt":
            pool = [
                "Incident response coordination",
                "Security alerts and advisories",
                "Vulnerability disclosure coordination",
                "Awareness sessions",
                "Threat intelligence sharing",
            ]
        elif t == "investor":
            pool = [
                "Seed investment",
                "Series A investment",
                "Co-investment with regional funds",
                "Support for follow-on funding",
            ]
        else:
            pool = [self._product(p), "Advice and expertise"]
        unique = list(dict.fromkeys(pool)) or ["Cybersecurity services"]
        return self.rng.sample(unique, min(count, len(unique)))

    # offers and needs ------------------------------------------------------------------------
    def offers(self, p: Profile, count: int) -> list[tuple[str, str, list, list, list]]:
        return self._distinct(self._offer, p, count)

    def needs(self, p: Profile, count: int) -> list[tuple[str, str, list, list, list]]:
        return self._distinct(self._need, p, count)

    def _distinct(self, make, p: Profile, count: int) -> list[tuple[str, str, list, list, list]]:
        items, titles = [], set()
        for _ in range(count * 4):
            if len(items) == count:
                break
            item = make(p)
            if item[0] not in titles:
                titles.add(item[0])
                items.append(item)
        return items

    def _tags(self, p: Profile, domain: str | None) -> tuple[list[str], list[str], list[str]]:
        r = self.rng
        domains = [domain] if domain else []
        if p.domains and r.random() < 0.3:
            extra = r.choice(p.domains)
            if extra not in domains:
                domains.append(extra)
        sectors = r.sample(p.sectors, min(len(p.sectors), r.randint(0, 2)))
        technologies = r.sample(p.technologies, min(len(p.technologies), r.randint(0, 1)))
        return domains, sectors, technologies

    def _offer(self, p: Profile) -> tuple[str, str, list[str], list[str], list[str]]:
        r = self.rng
        domain = r.choice(p.domains) if p.domains else None
        if p.actor_type == "other" and p.domains:
            domain = p.domains[0]
        domains, sectors, technologies = self._tags(p, domain)
        if p.actor_type == "other" and p.kind in OTHER_PRODUCTS:
            product = r.choice(OTHER_PRODUCTS[p.kind])
            sentence = OTHER_OFFER_SENTENCES[p.kind]
            return (
                product,
                sentence.format(name=p.name, product=lower_first(product)),
                domains,
                sectors,
                technologies,
            )
        if p.actor_type in ("sme", "large", "other"):
            product = r.choice(self.v.products[domain]) if domain else "Cybersecurity consulting"
            sector = self.v.sector[sectors[0]] if sectors else None
            title = product
            if sector and " for " not in product and r.random() < 0.5:
                title = f"{product} for {sector[1]}"
            description = (
                f"{p.name} offers {lower_first(product)} to "
                f"{sector[0] if sector else 'organisations of all sizes'}. "
                + r.choice(
                    (
                        "Delivered on site or remotely, with a first assessment free of charge "
                        "for SMEs.",
                        "The service is available across Europe and in several languages.",
                        "Designed for organisations with little in-house security staff.",
                        "Proven with customers in several European countries.",
                        "It can be combined with our other services for a complete programme.",
                    )
                )
            )
            return title, description, domains, sectors, technologies
        topic = r.choice(self.v.topics[domain]) if domain else "cybersecurity"
        tech = self._techs(p, 1)
        field_name = self.v.domain.get(domain, "cybersecurity") if domain else "cybersecurity"
        templates = {
            "university": (
                (
                    f"Joint research on {topic}",
                    "Our research groups welcome industrial "
                    f"partners for joint projects and PhD theses on {topic}.",
                ),
                (
                    "Internships and student projects",
                    "Master's students are available for "
                    "internships and end-of-study projects in cybersecurity.",
                ),
                (
                    "Continuing education in cybersecurity",
                    f"Short courses for professionals, including a module on {topic}.",
                ),
            ),
            "rto": (
                (
                    f"Contract research on {topic}",
                    f"We carry out contract research on {topic} "
                    "for companies and public bodies, from feasibility study to prototype.",
                ),
                (
                    f"Testbed for {tech}",
                    f"Companies can test and validate their products on our testbed for {tech}.",
                ),
            ),
            "training": (
                (
                    f"Training course on {topic}",
                    f"A hands-on course on {topic} for technical "
                    "staff, available on site or online.",
                ),
                (
                    "Upskilling programme for employers",
                    "A tailored programme to retrain IT staff into cybersecurity roles.",
                ),
            ),
            "incubator": (
                (
                    "Incubation programme for cyber start-ups",
                    "Six to twelve months of "
                    "mentoring, office space and introductions to customers and investors.",
                ),
                (
                    f"Soft-landing package in {p.city}",
                    f"Support for foreign cybersecurity start-ups that want to set up in {p.area}.",
                ),
            ),
            "cluster": (
                (
                    f"Matchmaking with {p.area} companies",
                    "We introduce partners from other "
                    "regions to the companies and research centres of our network.",
                ),
                (
                    "Joint stand at European trade fairs",
                    "Members can exhibit under a "
                    "shared regional banner at the main European cybersecurity fairs.",
                ),
            ),
            "public": (
                (
                    "Cybersecurity vouchers for SMEs",
                    "Co-funding for SMEs that commission a "
                    "first security audit or awareness training.",
                ),
                (
                    "Pilot sites in public services",
                    "Our services can host pilots of "
                    f"innovative cybersecurity solutions, for example in {topic}.",
                ),
            ),
            "csirt": (
                (
                    "Security alerts and advisories",
                    "Free subscription to our alerts on vulnerabilities and active threats.",
                ),
                (
                    "Incident response support",
                    "First-level support and referral to trusted "
                    "providers when an incident occurs.",
                ),
            ),
            "investor": (
                (
                    f"Seed and Series A funding in {field_name}",
                    "Equity investment and board support for European cybersecurity start-ups.",
                ),
                (
                    "Co-investment with regional funds",
                    "We co-invest alongside regional and "
                    "national funds in promising cybersecurity companies.",
                ),
            ),
        }.get(p.actor_type)
        title, description = r.choice(templates) if templates else (topic, "")
        return title, description, domains, sectors, technologies

    def _need(self, p: Profile) -> tuple[str, str, list[str], list[str], list[str]]:
        r = self.rng
        t = p.actor_type
        domain = r.choice(p.domains) if p.domains else None
        domains, sectors, technologies = self._tags(p, domain)
        topic = r.choice(self.v.topics[domain]) if domain else "cybersecurity"
        product = lower_first(r.choice(self.v.products[domain])) if domain else "solutions"
        field_name = self.v.domain.get(domain, "cybersecurity") if domain else "cybersecurity"
        other_country = r.choice([c for c in self.country_names if c != p.country_name])
        sector = self.v.sector[sectors[0]] if sectors else None
        role = r.choice(ROLES_SOUGHT)
        project = (
            f"Partners for a European project on {topic}",
            "We are looking for research "
            f"and industrial partners for a Horizon Europe or Digital Europe proposal on "
            f"{topic}.",
        )
        training = (
            f"Training for our staff in {topic}",
            f"Our team needs hands-on training in {topic} within the next year.",
        )
        hiring = (
            f"Recruiting {role}",
            f"We are hiring {role} in {p.city}; experience with {topic} is a plus.",
        )
        pilot = (
            f"Pilot customers in {sector[1]}" if sector else "Pilot customers",
            f"We look for {sector[0] if sector else 'organisations'} willing to pilot our "
            f"{product} offer in real conditions.",
        )
        distributors = (
            f"Distributors in {other_country}",
            "We seek resellers or integrators "
            f"to distribute our {product} offer in {other_country}.",
        )
        testbed = (
            f"Test environment for {self._techs(p, 1)}",
            f"We need access to a realistic testbed to validate our work on {self._techs(p, 1)}.",
        )
        options = {
            "sme": [
                project,
                training,
                hiring,
                pilot,
                distributors,
                testbed,
                (
                    "Seed or Series A funding",
                    f"We are raising funds to scale our {product} offer in European markets.",
                ),
                (
                    "Certification support",
                    f"We need help to certify our {product} offer "
                    "under a European cybersecurity certification scheme.",
                ),
            ],
            "large": [
                project,
                hiring,
                distributors,
                testbed,
                (
                    f"Start-ups to partner with in {field_name}",
                    "We look for innovative "
                    f"start-ups in {field_name} for partnerships or acquisitions.",
                ),
                (
                    "Regional subcontractors",
                    f"We look for SMEs in {p.area} to subcontract part of our security services.",
                ),
            ],
            "university": [
                project,
                hiring,
                (
                    "Industrial partners for student projects",
                    "We look for companies "
                    "that can propose projects and internships to our cybersecurity "
                    "students.",
                ),
                (
                    f"Funding for PhD positions on {topic}",
                    "We seek co-funding from "
                    f"companies or public bodies for doctoral research on {topic}.",
                ),
            ],
            "rto": [
                project,
                hiring,
                testbed,
                (
                    f"Industrial partners to validate research on {topic}",
                    "We look for companies to test our prototypes in their environment.",
                ),
            ],
            "training": [
                project,
                hiring,
                (
                    "Trainers with field experience",
                    f"We look for practitioners in {topic} to teach part-time in our programmes.",
                ),
            ],
            "incubator": [
                project,
                (
                    "Mentors and investors for our start-ups",
                    "We look for experienced "
                    "entrepreneurs and investors to join our mentoring pool.",
                ),
            ],
            "cluster": [
                project,
                (
                    f"Partner clusters in {other_country}",
                    "We want to twin with a "
                    f"cybersecurity cluster in {other_country} to open markets for our "
                    "members.",
                ),
            ],
            "public": [
                training,
                (
                    "Cybersecurity audit of our information systems",
                    "We plan to procure "
                    "an audit and a remediation plan for our information systems.",
                ),
                (
                    "Awareness training for staff",
                    "We need an awareness programme for our staff and elected officials.",
                ),
            ],
            "csirt": [
                hiring,
                training,
                (
                    "Information-sharing partners",
                    "We want to extend our threat "
                    "information-sharing network with "
                    f"{sector[0] if sector else 'operators of essential services'}.",
                ),
            ],
            "investor": [
                (f"Deal flow in {field_name}", "We look for start-ups raising their first rounds."),
                (
                    "Co-investors for a Series A round",
                    f"We look for co-investors for a growing company in {field_name}.",
                ),
            ],
            "other": [project, training, *OTHER_NEEDS.get(p.kind, ())],
        }[t]
        title, description = r.choice(options)
        return title, description, domains, sectors, technologies


def _round_staff(employees: int) -> int:
    if employees >= 1000:
        return round(employees, -2)
    return round(employees, -1)


def _thousands(value_k: int) -> str:
    if value_k >= 1000:
        millions = value_k / 1000
        return f"{millions:g} million"
    return f"{value_k},000"
