"""Demo content for the good-practice library: practices of the seven partner territories.

Plain data, no Django import. The practices are illustrative: they describe the kind of
measures regions take for their cybersecurity ecosystems, not records of real programmes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPractice:
    region: str
    title: str
    barriers: tuple[str, ...]
    domains: tuple[str, ...]
    summary: str
    instrument: str
    budget_eur: int
    staff_fte: float
    start_year: int
    years: int | None
    figures: tuple[tuple[str, float, str], ...]
    keywords: str


ERDF = "Regional Operational Programme (ERDF) 2014-2020"
RIS3 = "Regional smart specialisation strategy (RIS3)"

PRACTICES = [
    # Brittany (FRH0)
    DemoPractice(
        "FRH0",
        "Regional cyber campus network",
        ("coordination",),
        ("EDU", "NDS"),
        "A network that brings together the region's companies, schools, research labs and "
        "defence actors around shared events, a directory and joint projects.",
        RIS3,
        850_000,
        4.0,
        2018,
        None,
        (("member organisations", 112, ""), ("joint projects started", 19, "")),
        "ecosystem, network, cluster",
    ),
    DemoPractice(
        "FRH0",
        "Cyber diagnostic voucher for SMEs",
        ("fragmentation", "skills"),
        ("SMG", "AAC"),
        "A voucher paying 80 % of a two-day security diagnostic by a qualified regional "
        "provider, followed by an action plan the SME can carry out.",
        ERDF,
        1_200_000,
        2.0,
        2019,
        3,
        (("SMEs diagnosed", 420, ""), ("providers qualified", 27, "")),
        "voucher, SME, diagnostic",
    ),
    DemoPractice(
        "FRH0",
        "Maritime cybersecurity testbed",
        ("coordination", "fragmentation"),
        ("NDS", "SHE"),
        "A shared platform where ship-builders, ports and start-ups test the security of "
        "on-board and port systems before they go to market.",
        RIS3,
        2_600_000,
        6.5,
        2019,
        4,
        (("test campaigns", 38, ""), ("companies using the testbed", 21, "")),
        "maritime, testbed, industrial systems",
    ),
    DemoPractice(
        "FRH0",
        "Regional incident response centre for small organisations",
        ("coordination",),
        ("IHF",),
        "A free first-response line that qualifies incidents reported by SMEs, municipalities "
        "and associations and directs them to certified local responders.",
        "Regional digital strategy",
        650_000,
        5.0,
        2021,
        None,
        (("incidents handled in the first year", 310, ""), ("median response time", 2, "h")),
        "CSIRT, incident response, SMEs",
    ),
    DemoPractice(
        "FRH0",
        "Cyber apprenticeships with defence suppliers",
        ("skills",),
        ("EDU", "HUM"),
        "Work-study contracts in which students alternate between a technical school and a "
        "regional defence supplier, with tutors trained by the region.",
        "Regional training plan",
        400_000,
        1.5,
        2020,
        3,
        (("apprentices", 64, ""), ("hired after graduation", 81, "%")),
        "apprenticeship, skills, defence",
    ),
    DemoPractice(
        "FRH0",
        "Security-by-design label for digital start-ups",
        ("fragmentation",),
        ("SHE", "AAC"),
        "A light label awarded after a code and architecture review, recognised by regional "
        "buyers in public procurement.",
        ERDF,
        300_000,
        1.0,
        2022,
        None,
        (("start-ups labelled", 15, ""),),
        "label, start-ups, procurement",
    ),
    # Wallonia (BE3)
    DemoPractice(
        "BE3",
        "Cybersecurity awareness programme for SME managers",
        ("skills",),
        ("HUM", "SMG"),
        "Half-day workshops and an online self-assessment for SME managers, run with "
        "chambers of commerce in every province.",
        "Digital Wallonia strategy",
        500_000,
        2.0,
        2018,
        4,
        (("managers trained", 1900, ""), ("self-assessments completed", 3200, "")),
        "awareness, SMEs, managers",
    ),
    DemoPractice(
        "BE3",
        "Cyber security hub for the regional industry",
        ("coordination", "fragmentation"),
        ("NDS", "IHF"),
        "A hub that pools threat intelligence, training and incident support for "
        "manufacturers, with a catalogue of vetted local providers.",
        ERDF,
        1_800_000,
        7.0,
        2019,
        None,
        (("industrial members", 140, ""), ("threat bulletins", 96, "")),
        "industry 4.0, hub, threat intelligence",
    ),
    DemoPractice(
        "BE3",
        "Cyber chèques for digital transformation projects",
        ("fragmentation",),
        ("SMG", "DSP"),
        "Vouchers co-financing security audits and data-protection work in SMEs, paid to "
        "providers accredited by the region.",
        "Chèques-entreprises scheme",
        2_400_000,
        3.0,
        2017,
        None,
        (("vouchers paid", 860, ""), ("accredited providers", 44, "")),
        "voucher, GDPR, audit",
    ),
    DemoPractice(
        "BE3",
        "Women in cyber reskilling track",
        ("skills",),
        ("EDU", "HUM"),
        "A six-month reskilling track for women moving into security jobs, with mentoring "
        "by practitioners and placements in regional companies.",
        "Regional employment and training plan",
        350_000,
        1.5,
        2020,
        2,
        (("participants", 48, ""), ("in a security job after six months", 73, "%")),
        "reskilling, diversity, jobs",
    ),
    DemoPractice(
        "BE3",
        "Regional cyber range for universities",
        ("skills", "coordination"),
        ("EDU", "NDS"),
        "A shared cyber range used by the region's universities and colleges for practical "
        "courses and inter-school exercises.",
        RIS3,
        900_000,
        3.0,
        2021,
        None,
        (("students trained per year", 620, ""), ("exercises run", 14, "")),
        "cyber range, universities, exercises",
    ),
    DemoPractice(
        "BE3",
        "Secure public procurement guide for municipalities",
        ("fragmentation",),
        ("AAC", "LEG"),
        "Model clauses and a buyer's guide that help municipalities require security in "
        "their IT purchases and open tenders to regional SMEs.",
        "Regional digital strategy",
        120_000,
        0.5,
        2022,
        1,
        (("municipalities using the clauses", 57, ""),),
        "procurement, municipalities, clauses",
    ),
    # Tuscany (ITI1)
    DemoPractice(
        "ITI1",
        "Competence centre vouchers for cybersecurity innovation",
        ("fragmentation",),
        ("SHE", "CRY"),
        "Vouchers that let SMEs buy innovation services from the regional competence centre: "
        "prototyping, testing, certification support.",
        ERDF,
        1_500_000,
        2.5,
        2019,
        3,
        (("SMEs supported", 96, ""), ("prototypes delivered", 31, "")),
        "competence centre, innovation, vouchers",
    ),
    DemoPractice(
        "ITI1",
        "Cybersecurity for the fashion and leather districts",
        ("coordination", "skills"),
        ("DSP", "HUM"),
        "A sector programme with district associations: awareness sessions, shared security "
        "services and a helpline for small manufacturers.",
        "Regional industrial districts policy",
        600_000,
        2.0,
        2020,
        3,
        (("companies reached", 540, ""), ("shared-service subscribers", 88, "")),
        "industrial districts, fashion, shared services",
    ),
    DemoPractice(
        "ITI1",
        "Regional digital innovation hub cyber desk",
        ("coordination",),
        ("SMG", "NDS"),
        "A desk within the digital innovation hub that matches companies' security needs "
        "with regional providers, research labs and funding.",
        "Industry 4.0 regional plan",
        450_000,
        2.0,
        2018,
        None,
        (("requests handled", 380, ""), ("matches leading to a contract", 42, "%")),
        "digital innovation hub, matchmaking",
    ),
    DemoPractice(
        "ITI1",
        "Cyber hygiene for health and social care providers",
        ("skills",),
        ("HUM", "DSP"),
        "Training and simple technical baselines for small care homes and clinics, delivered "
        "with the regional health agency.",
        "Regional health plan",
        700_000,
        3.0,
        2021,
        2,
        (("care providers trained", 230, ""), ("staff trained", 2100, "")),
        "health, care, hygiene",
    ),
    DemoPractice(
        "ITI1",
        "University-industry PhD programme in security",
        ("skills", "coordination"),
        ("CRY", "THF"),
        "Industrial PhDs co-funded by the region and companies, on cryptography and secure "
        "software, with time spent in the company.",
        "Regional research and innovation programme",
        1_100_000,
        1.0,
        2019,
        4,
        (("PhD positions", 18, ""), ("patents filed", 4, "")),
        "PhD, research, cryptography",
    ),
    DemoPractice(
        "ITI1",
        "Open data security checklist for public bodies",
        ("coordination",),
        ("DSP", "LEG"),
        "A checklist and review service that lets public bodies publish open data without "
        "exposing personal or sensitive information.",
        "Regional open data strategy",
        90_000,
        0.5,
        2022,
        None,
        (("datasets reviewed", 310, ""),),
        "open data, privacy, public bodies",
    ),
    # Castilla y León (ES41)
    DemoPractice(
        "ES41",
        "Cybersecurity start-up acceleration programme",
        ("fragmentation",),
        ("SHE", "IDM"),
        "A yearly acceleration call for security start-ups with mentoring, pilot projects "
        "with regional companies and access to investors.",
        ERDF,
        1_300_000,
        3.0,
        2018,
        None,
        (("start-ups accelerated", 46, ""), ("private funding raised", 9.5, "M EUR")),
        "start-ups, acceleration, investors",
    ),
    DemoPractice(
        "ES41",
        "Regional cybersecurity business plan for SMEs",
        ("fragmentation", "skills"),
        ("SMG", "AAC"),
        "Subsidies for SMEs that adopt a security plan with a certified consultant, with a "
        "bonus for certification against recognised standards.",
        "Regional business competitiveness plan",
        2_000_000,
        2.0,
        2019,
        3,
        (("SMEs with a security plan", 350, ""), ("certifications obtained", 61, "")),
        "SMEs, certification, subsidies",
    ),
    DemoPractice(
        "ES41",
        "Cyber talent summer camps",
        ("skills",),
        ("EDU",),
        "Summer camps for secondary-school pupils with capture-the-flag challenges, run with "
        "the national cybersecurity institute and universities.",
        "Regional education strategy",
        250_000,
        1.0,
        2019,
        None,
        (("pupils per year", 420, ""), ("share of girls", 38, "%")),
        "talent, pupils, CTF",
    ),
    DemoPractice(
        "ES41",
        "Agri-food cybersecurity observatory",
        ("coordination",),
        ("NDS", "MEA"),
        "An observatory measuring the security maturity of agri-food companies and sharing "
        "sector-specific alerts and guidance.",
        RIS3,
        380_000,
        2.0,
        2020,
        3,
        (("companies assessed", 210, ""), ("alerts published", 58, "")),
        "agri-food, observatory, maturity",
    ),
    DemoPractice(
        "ES41",
        "Shared security operations centre for municipalities",
        ("coordination", "skills"),
        ("IHF", "NDS"),
        "A security operations centre run by the regional government for small municipalities "
        "that cannot afford their own monitoring.",
        "Regional digital administration plan",
        1_700_000,
        8.0,
        2021,
        None,
        (("municipalities connected", 120, ""), ("incidents detected", 740, "")),
        "SOC, municipalities, monitoring",
    ),
    DemoPractice(
        "ES41",
        "Cybersecurity export missions",
        ("fragmentation",),
        ("AAC",),
        "Trade missions and joint stands that take regional security providers to European "
        "fairs and buyers' meetings.",
        "Regional internationalisation plan",
        420_000,
        1.0,
        2019,
        3,
        (("companies taking part", 34, ""), ("new foreign contracts", 22, "")),
        "export, internationalisation, fairs",
    ),
    # Slovenia (SI0)
    DemoPractice(
        "SI0",
        "Chamber cybersecurity helpdesk for members",
        ("coordination", "skills"),
        ("SMG", "HUM"),
        "A helpdesk at the chamber of commerce answering members' security questions and "
        "organising peer groups of IT managers.",
        "Chamber services programme",
        280_000,
        2.0,
        2018,
        None,
        (("questions answered", 1150, ""), ("peer groups", 9, "")),
        "chamber, helpdesk, peer groups",
    ),
    DemoPractice(
        "SI0",
        "Supply-chain security requirements for automotive suppliers",
        ("fragmentation",),
        ("AAC", "SHE"),
        "Support for automotive suppliers to meet their customers' security assessments, with "
        "group training and pre-audits.",
        "Smart specialisation strategy (S4)",
        650_000,
        2.0,
        2020,
        3,
        (("suppliers pre-audited", 74, ""), ("assessments passed", 88, "%")),
        "automotive, supply chain, assessment",
    ),
    DemoPractice(
        "SI0",
        "National cyber skills competition",
        ("skills",),
        ("EDU", "IHF"),
        "A yearly competition for students and young professionals whose best teams join the "
        "European cyber challenge and meet employers.",
        "National digital skills strategy",
        150_000,
        0.5,
        2018,
        None,
        (("participants", 560, ""), ("employers involved", 26, "")),
        "competition, students, employers",
    ),
    DemoPractice(
        "SI0",
        "Cybersecurity self-check tool in Slovenian",
        ("skills", "fragmentation"),
        ("SMG", "MEA"),
        "An online self-assessment in the national language giving SMEs a score and a list "
        "of priority measures with local providers.",
        "Chamber services programme",
        110_000,
        1.0,
        2021,
        None,
        (("self-checks completed", 2400, ""),),
        "self-assessment, SMEs, language",
    ),
    DemoPractice(
        "SI0",
        "Regional digital innovation hub security track",
        ("coordination",),
        ("NDS", "IDM"),
        "A security track in the digital innovation hub's programme, linking research "
        "institutes with manufacturers for pilot projects.",
        "European digital innovation hubs network",
        540_000,
        2.5,
        2022,
        3,
        (("pilot projects", 12, ""),),
        "innovation hub, pilots",
    ),
    # Estonia (EE00)
    DemoPractice(
        "EE00",
        "Minimum security baseline for public bodies",
        ("coordination",),
        ("SMG", "AAC"),
        "A mandatory security baseline for public bodies, with self-assessment tools, audits "
        "and training run by the national authority.",
        "National cybersecurity strategy",
        900_000,
        6.0,
        2018,
        None,
        (("bodies assessed", 300, ""), ("average maturity gain", 18, "%")),
        "baseline, public sector, audit",
    ),
    DemoPractice(
        "EE00",
        "Cyber range exercises for critical service operators",
        ("skills", "coordination"),
        ("IHF", "NDS"),
        "Yearly live-fire exercises on a national cyber range for operators of essential "
        "services, with after-action reports shared across sectors.",
        "National cybersecurity strategy",
        1_400_000,
        5.0,
        2019,
        None,
        (("operators taking part", 65, ""), ("exercise days per year", 10, "")),
        "cyber range, exercises, critical infrastructure",
    ),
    DemoPractice(
        "EE00",
        "Digital identity for companies' secure services",
        ("fragmentation",),
        ("IDM", "CRY"),
        "Support for SMEs to integrate national electronic identity and signatures into "
        "their online services, opening them to cross-border customers.",
        "Digital agenda",
        600_000,
        2.0,
        2019,
        3,
        (("services integrated", 140, ""), ("cross-border users", 31_000, "")),
        "eID, signatures, cross-border",
    ),
    DemoPractice(
        "EE00",
        "Cybersecurity in vocational schools",
        ("skills",),
        ("EDU",),
        "A cybersecurity specialisation in vocational IT schools, with a shared curriculum "
        "and teachers trained by practitioners.",
        "Lifelong learning strategy",
        480_000,
        2.0,
        2020,
        None,
        (("students enrolled", 290, ""), ("schools offering the track", 6, "")),
        "vocational, curriculum, teachers",
    ),
    DemoPractice(
        "EE00",
        "Security awareness campaigns for citizens and micro-companies",
        ("skills",),
        ("HUM",),
        "Seasonal national campaigns on phishing and account security, with material reused "
        "by municipalities and business associations.",
        "National cybersecurity strategy",
        250_000,
        1.5,
        2018,
        None,
        (("people reached", 400_000, ""), ("partner organisations", 70, "")),
        "awareness, citizens, phishing",
    ),
    DemoPractice(
        "EE00",
        "Cyber export alliance",
        ("fragmentation", "coordination"),
        ("AAC", "IDM"),
        "An alliance of security companies that presents a joint offer abroad, shares "
        "reference projects and answers large tenders together.",
        "Enterprise export programme",
        350_000,
        1.0,
        2021,
        None,
        (("member companies", 24, ""), ("joint bids", 11, "")),
        "export, alliance, tenders",
    ),
    # Košice (SK042)
    DemoPractice(
        "SK042",
        "IT valley cybersecurity education cluster",
        ("skills", "coordination"),
        ("EDU", "SHE"),
        "Companies, universities and secondary schools of the IT valley design courses "
        "together, provide lecturers and offer internships.",
        "Regional innovation strategy",
        550_000,
        2.5,
        2018,
        None,
        (("courses co-designed", 14, ""), ("interns per year", 160, "")),
        "cluster, education, internships",
    ),
    DemoPractice(
        "SK042",
        "Cybersecurity competence centre for eastern Slovakia",
        ("coordination",),
        ("NDS", "IHF"),
        "A competence centre hosted by the university that offers testing, incident analysis "
        "and training to companies and public bodies of the region.",
        ERDF,
        1_900_000,
        6.0,
        2020,
        None,
        (("services delivered", 210, ""), ("organisations served", 95, "")),
        "competence centre, university, testing",
    ),
    DemoPractice(
        "SK042",
        "Security sprint for regional software companies",
        ("fragmentation",),
        ("SHE",),
        "Two-week secure-development sprints in which experts review a company's product and "
        "coach its team, ending with a shareable report for customers.",
        "Regional innovation strategy",
        300_000,
        1.5,
        2021,
        2,
        (("companies coached", 28, ""), ("vulnerabilities fixed", 430, "")),
        "secure development, software, coaching",
    ),
    DemoPractice(
        "SK042",
        "Cyber career switch programme",
        ("skills",),
        ("EDU", "HUM"),
        "An intensive programme that retrains adults from other sectors into security "
        "analyst roles, with job guarantees from IT valley members.",
        "Regional employment programme",
        420_000,
        1.5,
        2022,
        None,
        (("graduates", 36, ""), ("hired by members", 30, "")),
        "reskilling, career switch, analysts",
    ),
    DemoPractice(
        "SK042",
        "Municipal security baseline for small towns",
        ("coordination", "skills"),
        ("SMG", "DSP"),
        "A baseline and shared support for small towns of the region: policies, backups, "
        "staff training and a common contact at the competence centre.",
        "Regional public administration plan",
        260_000,
        1.0,
        2022,
        None,
        (("towns taking part", 41, ""),),
        "municipalities, baseline, backups",
    ),
]

DESCRIPTIONS = {
    "coordination": (
        "The practice starts from the observation that the region's actors did not know each "
        "other well enough to work together. A small team animates the community, keeps a "
        "shared directory, and runs regular meetings where companies, research and public "
        "bodies present needs and results. Governance is shared between the region and the "
        "main institution, with a steering committee meeting twice a year."
    ),
    "fragmentation": (
        "The practice helps regional companies reach customers beyond their usual market. "
        "It lowers the cost of a first step (an audit, a certification, a pilot) and makes "
        "the result visible to buyers, so that small providers can compete with larger ones "
        "and grow beyond the region."
    ),
    "skills": (
        "The practice answers the shortage of security professionals by training people "
        "where the demand is. Courses are designed with employers, use practical exercises, "
        "and lead to placements in regional organisations."
    ),
}
DIFFICULTIES = {
    "coordination": "Keeping companies engaged once the first events were over; finding a "
    "neutral host trusted by competitors.",
    "fragmentation": "Providers' capacity was limited at first, and some buyers did not yet "
    "value certifications or labels.",
    "skills": "Recruiting trainers from industry, who have little time, and reaching people "
    "who do not see themselves in security jobs.",
}
LESSONS = {
    "coordination": "A permanent animator matters more than the budget. Publish a simple "
    "calendar and a directory early, and let members lead working groups.",
    "fragmentation": "Tie the support to a visible result that buyers recognise, and keep the "
    "application process short (two pages at most).",
    "skills": "Design the content with employers from day one and guarantee placements; "
    "measure employment six months after the course.",
}
TRANSFER = (
    "Transferable to regions with a comparable ecosystem: the main requirement is a host "
    "institution trusted by companies and the public sector, and a budget for two to three "
    "years before results can be measured."
)
COMMENTS = [
    ("question", "How did you select the providers, and how long did accreditation take?"),
    ("comment", "We ran something similar on a smaller scale; happy to share our figures."),
    ("question", "Was the budget covered by ERDF only, or did companies co-finance?"),
    ("answer", "Companies paid 20 %; the rest came from the regional programme."),
]
INVESTIGATIONS = [
    # (kind, title, host, peer regions, practice titles, days, follow-ups)
    (
        "peer_review",
        "Peer review of the SME diagnostic voucher",
        "FRH0",
        ("ITI1", "ES41", "EE00"),
        ("Cyber diagnostic voucher for SMEs",),
        2,
        (
            ("Simplify the application form to two pages", "brittany", 60),
            ("Share the provider qualification grid with Tuscany", "brittany", 30),
            ("Compare voucher uptake with Castilla y León's business plan", "castilla", 90),
        ),
    ),
    (
        "study_visit",
        "Study visit to the national cyber range",
        "EE00",
        ("SK042", "BE3"),
        ("Cyber range exercises for critical service operators",),
        1,
        (("Draft a joint exercise scenario for manufacturers", "wallonia", 120),),
    ),
    (
        "study_visit",
        "Study visit to the IT valley education cluster",
        "SK042",
        ("SI0", "FRH0"),
        ("IT valley cybersecurity education cluster",),
        2,
        (("Adapt the internship charter for Slovenian schools", "slovenia", 90),),
    ),
]
