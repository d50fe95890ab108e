"""The demo action plans: one per partner territory, in the three-part layout, each action
inspired by good practices of other regions (cited by title; only published ones are cited).
Written for the demo; the instruments are of the kind the partner regions address, not
quotations of real plans."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoIndicator:
    kind: str
    name: str
    unit: str
    baseline: float
    target: float
    # (months after the action's start, value to reach, what is reached)
    milestones: tuple[tuple[int, float, str], ...] = ()


@dataclass(frozen=True)
class DemoAction:
    title: str
    background: str
    practices: tuple[str, ...]
    description: str
    # Organisations of the region's atlas, by actor type, that take part.
    player_types: tuple[str, ...]
    players_note: str
    start_month: int  # months after the start of the implementation (may be negative)
    months: int
    cost_eur: int | None
    funding: str
    improvement: str
    indicators: tuple[DemoIndicator, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DemoPlan:
    region: str
    title: str
    partner: str
    other_partners: tuple[str, ...]
    instrument: str
    authority: str
    instrument_type: str
    context: str
    signatory: str
    state: str  # the demo's final state (see demo.py)
    actions: tuple[DemoAction, ...]


PLANS = [
    DemoPlan(
        region="FRH0",
        title="Brittany action plan for a competitive cybersecurity SME ecosystem",
        partner="P1-BDI",
        other_partners=("P2-BRETAGNE-REGION",),
        instrument="ERDF Regional Programme Bretagne 2021-2027 — priority 1 (smart growth)",
        authority="Regional Council of Brittany, European funds directorate",
        instrument_type="igj",
        context=(
            "Brittany hosts one of Europe's densest cybersecurity clusters, yet most of its "
            "cybersecurity SMEs stay below ten employees and sell mostly to defence. The "
            "regional ERDF programme funds innovation projects but had no call dedicated to "
            "the security of SMEs nor to cybersecurity skills."
        ),
        signatory="Vice-president for the economy, Regional Council of Brittany",
        state="reporting",
        actions=(
            DemoAction(
                title="Cybersecurity diagnostic and first-investment voucher",
                background=(
                    "Tuscany's competence-centre vouchers and Wallonia's cyber chèques showed "
                    "that a small, fast voucher brings SMEs to their first security "
                    "investment when a trusted provider performs the diagnostic."
                ),
                practices=(
                    "Competence centre vouchers for cybersecurity innovation",
                    "Cyber chèques for digital transformation projects",
                ),
                description=(
                    "A new ERDF-funded voucher of up to EUR 10,000 covering a diagnostic by a "
                    "labelled regional provider and half of the first investment it "
                    "recommends. Applications online, decision within four weeks."
                ),
                player_types=("cluster", "public"),
                players_note="Chambers of commerce and industry of Brittany",
                start_month=0,
                months=30,
                cost_eur=1_800_000,
                funding="ERDF (60 %), Regional Council of Brittany (40 %)",
                improvement="new_projects",
                indicators=(
                    DemoIndicator(
                        "output",
                        "SMEs supported by a voucher",
                        "companies",
                        0,
                        180,
                        ((12, 60, "first call closed"), (24, 140, "second call closed")),
                    ),
                    DemoIndicator(
                        "result", "Vouchers leading to an investment", "%", 0, 70, ((18, 50, ""),)
                    ),
                ),
            ),
            DemoAction(
                title="Cybersecurity skills criterion in innovation calls",
                background=(
                    "Estonia's cybersecurity course in vocational schools and Slovenia's "
                    "national skills competition showed the value of tying skills to "
                    "company projects."
                ),
                practices=(
                    "Cybersecurity in vocational schools",
                    "National cyber skills competition",
                ),
                description=(
                    "The selection grid of the programme's innovation calls adds a criterion "
                    "rewarding projects that train staff in cybersecurity and hire "
                    "apprentices from the regional cyber campus."
                ),
                player_types=("university", "training"),
                players_note="",
                start_month=3,
                months=12,
                cost_eur=None,
                funding="Staff time of the managing authority",
                improvement="management",
                indicators=(
                    DemoIndicator(
                        "output", "Calls using the new criterion", "calls", 0, 4, ((12, 2, ""),)
                    ),
                ),
            ),
            DemoAction(
                title="Maritime cybersecurity testbed open to SMEs",
                background="Lessons from the peer review in Košice on shared test facilities.",
                practices=("Cybersecurity competence centre for eastern Slovakia",),
                description=(
                    "Opening the regional maritime testbed to SMEs for two weeks of testing "
                    "per year and company, with support from the research institute."
                ),
                player_types=("rto", "sme"),
                players_note="Port of Brest",
                start_month=6,
                months=24,
                cost_eur=650_000,
                funding="ERDF, Brest Métropole",
                improvement="strategic_focus",
                indicators=(
                    DemoIndicator("output", "SMEs testing on the testbed", "companies", 0, 25),
                ),
            ),
        ),
    ),
    DemoPlan(
        region="ITI1",
        title="Tuscany action plan: cybersecurity for the industrial districts",
        partner="P4-TOSCANA",
        other_partners=(),
        instrument="Programma Regionale FESR Toscana 2021-2027",
        authority="Regione Toscana, Directorate for economic development",
        instrument_type="igj",
        context=(
            "Tuscany's industrial districts (fashion, leather, paper, machinery) are digitising "
            "fast while their SMEs have little security expertise. The regional ERDF "
            "programme supports digitisation without conditions on security."
        ),
        signatory="Regional minister for economic development",
        state="reporting",
        actions=(
            DemoAction(
                title="Security by default in digitisation grants",
                background=(
                    "Slovenia's supply-chain security requirements and Brittany's diagnostic "
                    "voucher showed that buyers and funders can raise the baseline of SMEs."
                ),
                practices=(
                    "Supply-chain security requirements for automotive suppliers",
                    "Cyber diagnostic voucher for SMEs",
                ),
                description=(
                    "Every digitisation grant of the programme requires a basic security "
                    "self-assessment and funds up to 15 % of the project for the measures it "
                    "recommends."
                ),
                player_types=("public", "cluster"),
                players_note="",
                start_month=0,
                months=24,
                cost_eur=2_400_000,
                funding="ERDF, Regione Toscana",
                improvement="management",
                indicators=(
                    DemoIndicator(
                        "output",
                        "Grants with a security self-assessment",
                        "grants",
                        0,
                        300,
                        ((12, 120, ""),),
                    ),
                ),
            ),
            DemoAction(
                title="District cyber desks",
                background="Inspired by Slovenia's chamber helpdesk for members.",
                practices=("Chamber cybersecurity helpdesk for members",),
                description=(
                    "A cyber desk in each of three district associations answers SMEs' "
                    "questions and directs them to qualified providers."
                ),
                player_types=("cluster", "training"),
                players_note="District associations of Prato, Santa Croce and Lucca",
                start_month=3,
                months=21,
                cost_eur=420_000,
                funding="ERDF",
                improvement="new_projects",
                indicators=(
                    DemoIndicator("output", "SMEs advised", "companies", 0, 400, ((12, 150, ""),)),
                ),
            ),
            DemoAction(
                title="Incident response line for small companies",
                background="Brittany's regional incident response centre.",
                practices=("Regional incident response centre for small organisations",),
                description=(
                    "A regional first-response line with a pool of providers under a "
                    "framework agreement, for companies below 50 employees."
                ),
                player_types=("csirt", "sme"),
                players_note="",
                start_month=9,
                months=24,
                cost_eur=900_000,
                funding="ERDF, Regione Toscana",
                improvement="new_projects",
                indicators=(DemoIndicator("result", "Incidents handled", "incidents", 0, 120),),
            ),
        ),
    ),
    DemoPlan(
        region="BE3",
        title="Wallonia action plan: security in the Digital Wallonia strategy",
        partner="P3-DIGITAL-WALLONIA",
        other_partners=(),
        instrument="Digital Wallonia strategy 2019-2024 and its chèques-entreprises scheme",
        authority="Service public de Wallonie — Économie, Emploi, Recherche",
        instrument_type="other",
        context=(
            "The chèques-entreprises scheme funds consultancy for SMEs. Its cybersecurity "
            "cheques are known to few companies, and the regional strategy has no objective "
            "on cybersecurity skills."
        ),
        signatory="Director-general, SPW Économie, Emploi, Recherche",
        state="reporting",
        actions=(
            DemoAction(
                title="Cybersecurity objective in the regional digital strategy",
                background="Estonia's minimum security baseline for public bodies.",
                practices=("Minimum security baseline for public bodies",),
                description=(
                    "The next Digital Wallonia strategy includes an objective, a budget line "
                    "and indicators on the cybersecurity of SMEs and municipalities."
                ),
                player_types=("public",),
                players_note="",
                start_month=0,
                months=18,
                cost_eur=None,
                funding="",
                improvement="strategic_focus",
                indicators=(DemoIndicator("output", "Strategy adopted", "document", 0, 1),),
            ),
            DemoAction(
                title="Awareness tour of the chèques cybersécurité",
                background="Estonia's awareness campaigns for micro-companies.",
                practices=("Security awareness campaigns for citizens and micro-companies",),
                description=(
                    "A tour of the business parks and chambers presenting the cybersecurity "
                    "cheques, with testimonies of companies that used them."
                ),
                player_types=("cluster", "incubator"),
                players_note="",
                start_month=2,
                months=16,
                cost_eur=150_000,
                funding="Regional budget",
                improvement="management",
                indicators=(
                    DemoIndicator("output", "Events held", "events", 0, 20, ((8, 8, ""),)),
                    DemoIndicator("result", "Cybersecurity cheques granted", "cheques", 40, 160),
                ),
            ),
        ),
    ),
    DemoPlan(
        region="SI0",
        title="Slovenia action plan: chamber services for secure SMEs",
        partner="P6-GZS",
        other_partners=(),
        instrument="Slovenian Smart Specialisation Strategy (S5) — digital transformation",
        authority="Government Office for Development and European Cohesion Policy",
        instrument_type="igj",
        context=(
            "The smart specialisation strategy names digital transformation as a horizontal "
            "priority but funds no service helping SMEs secure their new digital assets."
        ),
        signatory="State secretary, Government Office for Development and Cohesion Policy",
        state="reporting",
        actions=(
            DemoAction(
                title="Security track in the digital innovation hub network",
                background="Tuscany's digital innovation hub cyber desk.",
                practices=("Regional digital innovation hub cyber desk",),
                description=(
                    "A security track in the services of the national DIH network: "
                    "assessments, test-before-invest and training, delivered with the chamber."
                ),
                player_types=("incubator", "rto"),
                players_note="",
                start_month=0,
                months=24,
                cost_eur=700_000,
                funding="Cohesion policy funds, Digital Europe Programme",
                improvement="new_projects",
                indicators=(
                    DemoIndicator(
                        "output", "Companies assessed", "companies", 0, 150, ((12, 60, ""),)
                    ),
                ),
            ),
            DemoAction(
                title="Cybersecurity in the supplier qualification of large buyers",
                background=(
                    "Brittany's security-by-design lessons, discussed at the Rennes study visit."
                ),
                practices=("Maritime cybersecurity testbed",),
                description=(
                    "A common set of security requirements adopted by large buyers of the "
                    "automotive and electrical sectors, with a chamber-run support programme."
                ),
                player_types=("large", "cluster"),
                players_note="Automotive cluster of Slovenia",
                start_month=4,
                months=20,
                cost_eur=300_000,
                funding="Chamber services programme",
                improvement="strategic_focus",
                indicators=(
                    DemoIndicator("output", "Buyers adopting the requirements", "companies", 0, 12),
                ),
            ),
        ),
    ),
    DemoPlan(
        region="EE00",
        title="Estonia action plan: cyber skills for companies",
        partner="P7-RIA",
        other_partners=(),
        instrument="Estonian Cohesion Policy Programme 2021-2027 — skills priority",
        authority="Ministry of Finance (State Shared Service Centre)",
        instrument_type="igj",
        context=(
            "Estonia's public sector is among the most secure in Europe; its small companies "
            "lag behind. The programme funds adult learning without a cybersecurity offer "
            "for employees of SMEs."
        ),
        signatory="Deputy secretary-general, Ministry of Finance",
        state="reporting",
        actions=(
            DemoAction(
                title="Cyber career switch for adults",
                background="Wallonia's women-in-cyber reskilling track and Košice's lessons.",
                practices=("Women in cyber reskilling track",),
                description=(
                    "A six-month reskilling programme into security operations jobs, with "
                    "company placements, funded by the adult-learning measure."
                ),
                player_types=("training", "university"),
                players_note="",
                start_month=0,
                months=18,
                cost_eur=1_100_000,
                funding="ESF+, state budget",
                improvement="new_projects",
                indicators=(
                    DemoIndicator(
                        "output", "Participants trained", "people", 0, 200, ((9, 80, ""),)
                    ),
                    DemoIndicator("result", "Participants employed in security", "%", 0, 60),
                ),
            ),
            DemoAction(
                title="Cyber range exercises for SMEs",
                background="Brittany's cyber campus network.",
                practices=("Regional cyber campus network",),
                description="Yearly exercises on the national cyber range open to SME teams.",
                player_types=("rto", "sme"),
                players_note="",
                start_month=3,
                months=12,
                cost_eur=250_000,
                funding="State budget",
                improvement="management",
                indicators=(DemoIndicator("output", "SME teams trained", "teams", 0, 40),),
            ),
        ),
    ),
    DemoPlan(
        region="ES41",
        title="Castilla y León action plan: cybersecurity for rural SMEs",
        partner="P5-ICE-CYL",
        other_partners=(),
        instrument="Programa FEDER Castilla y León 2021-2027",
        authority="Dirección General de Presupuestos y Estadística, Junta de Castilla y León",
        instrument_type="igj",
        context=(
            "Castilla y León is home to the national cybersecurity institute, while its "
            "agri-food SMEs, spread over a large rural territory, have few providers nearby."
        ),
        signatory="Director-general for budgets and statistics",
        state="endorsed",
        actions=(
            DemoAction(
                title="Mobile cybersecurity unit for rural SMEs",
                background="Estonia's awareness campaigns and Tuscany's district desks.",
                practices=(
                    "Security awareness campaigns for citizens and micro-companies",
                    "Cybersecurity for the fashion and leather districts",
                ),
                description="A mobile unit visiting rural SMEs for diagnostics and training.",
                player_types=("public", "training"),
                players_note="Provincial business associations",
                start_month=1,
                months=24,
                cost_eur=800_000,
                funding="ERDF, Junta de Castilla y León",
                improvement="new_projects",
                indicators=(
                    DemoIndicator("output", "SMEs visited", "companies", 0, 500, ((12, 200, ""),)),
                ),
            ),
        ),
    ),
    DemoPlan(
        region="SK042",
        title="Košice action plan: growing the regional cybersecurity industry",
        partner="P8-KOSICE-IT-VALLEY",
        other_partners=(),
        instrument="Programme Slovakia 2021-2027 — policy objective 1",
        authority="Ministry of Investments, Regional Development and Informatisation",
        instrument_type="igj",
        context=(
            "Košice's IT valley has grown with large software companies; cybersecurity "
            "start-ups remain few and lack early customers."
        ),
        signatory="",
        state="resubmitted",
        actions=(
            DemoAction(
                title="Cybersecurity start-up acceleration",
                background="Castilla y León's start-up acceleration programme.",
                practices=("Cybersecurity start-up acceleration programme",),
                description=(
                    "A yearly acceleration call for cybersecurity start-ups with pilot "
                    "projects at regional companies and public bodies."
                ),
                player_types=("incubator", "cluster"),
                players_note="",
                start_month=0,
                months=24,
                cost_eur=600_000,
                funding="ERDF",
                improvement="new_projects",
                indicators=(DemoIndicator("output", "Start-ups accelerated", "companies", 0, 24),),
            ),
            DemoAction(
                title="Security sprints for software companies",
                background="Lessons from the cooperation on secure development.",
                practices=(),
                description="Two-week security sprints with external testers, co-funded.",
                player_types=("sme",),
                players_note="",
                start_month=3,
                months=18,
                cost_eur=200_000,
                funding="ERDF, participating companies",
                improvement="management",
                indicators=(),
            ),
        ),
    ),
]

# Statuses per action in the demo reports, oldest report first (one list per report).
REPORT_STORIES = {
    "FRH0": [
        [("on_track", 30, ""), ("on_track", 50, ""), ("not_started", 0, "")],
        [
            ("on_track", 55, ""),
            ("implemented", 100, ""),
            ("delayed", 15, "The testbed's operator changed; the opening moved by six months."),
        ],
    ],
    "ITI1": [
        [("on_track", 40, ""), ("on_track", 25, ""), ("not_started", 0, "")],
        [("on_track", 70, ""), ("on_track", 60, ""), ("on_track", 10, "")],
    ],
    "BE3": [
        [
            ("on_track", 40, ""),
            ("delayed", 20, "The awareness tour waits for the new cheque rules."),
        ],
        [
            ("on_track", 70, ""),
            ("delayed", 35, "Half of the events moved to the next semester."),
        ],
    ],
    "SI0": [[("on_track", 35, ""), ("not_started", 0, "")]],
    "EE00": [
        [("on_track", 35, ""), ("on_track", 40, "")],
        [("on_track", 80, ""), ("implemented", 100, "")],
    ],
}
SUMMARIES = [
    "Calls launched as planned; first results are in the indicators below.",
    "Most actions progress as planned; one is delayed, explained below.",
]
