# ruff: noqa: E501 - reference sentences kept whole, as makemessages extracts them
"""The ECSF profile summary statements, marked for translation.

They are reference data (``taxonomy.EcsfProfile.summary``), shown through
``{% translate profile.summary %}``; listing them here puts them in the catalogue that
``make messages`` extracts, so that they are translated with every other string of the
platform. The profile names are translated with the other vocabulary labels
(``taxonomy/reference/labels/ecsfprofile.json``, printed as ``{{ profile }}``). A test
checks that this list matches the loaded profiles."""

from django.utils.translation import gettext_noop

SUMMARY_STRINGS = [
    gettext_noop(
        "Manages an organisation's cybersecurity strategy and its implementation to ensure that digital systems, services and assets are adequately secure and protected."
    ),
    gettext_noop(
        "Monitor the organisation's cybersecurity state, handle incidents during cyber-attacks and assure the continued operations of ICT systems."
    ),
    gettext_noop(
        "Manages compliance with cybersecurity-related standards, legal and regulatory frameworks based on the organisation's strategy and legal requirements."
    ),
    gettext_noop(
        "Collect, process, analyse data and information to produce actionable intelligence reports and disseminate them to target stakeholders."
    ),
    gettext_noop(
        "Plans and designs security-by-design solutions (infrastructures, systems, assets, software, hardware and services) and cybersecurity controls."
    ),
    gettext_noop(
        "Perform cybersecurity audits on the organisation's ecosystem. Ensuring compliance with statutory, regulatory, policy information, security requirements, industry standards and best practices."
    ),
    gettext_noop("Improves cybersecurity knowledge, skills and competencies of humans."),
    gettext_noop(
        "Develop, deploy and operate cybersecurity solutions (systems, assets, software, controls and services) on infrastructures and products."
    ),
    gettext_noop(
        "Research the cybersecurity domain and incorporate results in cybersecurity solutions."
    ),
    gettext_noop(
        "Manage the organisation's cybersecurity-related risks aligned to the organisation's strategy. Develop, maintain and communicate the risk management processes and reports."
    ),
    gettext_noop(
        "Ensure the cybercriminal investigation reveals all digital evidence to prove the malicious activity."
    ),
    gettext_noop(
        "Assess the effectiveness of security controls, reveals and utilise cybersecurity vulnerabilities, assessing their criticality if exploited by threat actors."
    ),
]
