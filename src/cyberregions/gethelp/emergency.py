"""The emergency path's content: immediate steps per incident and the obligations that may
apply, with their deadlines and sources. Pure data and one function; nothing is stored.

Obligations (sources checked against the official texts on EUR-Lex):
- GDPR (Regulation (EU) 2016/679) art. 33: a controller notifies a personal-data breach to the
  supervisory authority without undue delay and, where feasible, within 72 hours of becoming
  aware of it, unless it is unlikely to result in a risk to people's rights and freedoms;
  art. 34: the people concerned are told without undue delay when the risk is high.
- NIS2 (Directive (EU) 2022/2555) art. 23: essential and important entities notify their CSIRT
  or competent authority of a significant incident: an early warning within 24 hours, an
  incident notification within 72 hours, a final report within one month of the notification.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import ClientType, Incident

GDPR_URL = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
NIS2_URL = "https://eur-lex.europa.eu/eli/dir/2022/2555/oj"

COMMON_FIRST = [
    _("Keep calm and write down what you see, with the time: screenshots, messages, file names."),
    _("Do not switch affected computers off; disconnect them from the network (cable and Wi-Fi)."),
    _("Do not pay a ransom and do not answer the attacker."),
]

STEPS = {
    Incident.RANSOMWARE: [
        _("Isolate every affected device and the backup drives still connected."),
        _("Check which backups are intact and keep them offline."),
        _("Change the passwords of administrator accounts from a clean device."),
        _("File a complaint with the police: insurers and authorities ask for it."),
    ],
    Incident.PHISHING: [
        _("If a payment left, call your bank at once to try to stop or recall the transfer."),
        _(
            "Change the password of any account whose details were typed in, and switch on "
            "two-factor authentication."
        ),
        _("Warn colleagues and the contacts who may receive the same message."),
        _("Keep the message (with its headers) and file a complaint with the police."),
    ],
    Incident.ACCOUNT: [
        _(
            "Use the service's account recovery, then change the password and sign out every "
            "session."
        ),
        _("Switch on two-factor authentication and check the recovery e-mail and phone."),
        _("Check forwarding rules and connected applications added by the attacker."),
        _("Tell your contacts that messages sent from the account may be fraudulent."),
    ],
    Incident.DATA_BREACH: [
        _("Find out which data left, about whom, and since when; keep the evidence."),
        _("Close the hole: change the passwords or keys used, remove the exposed files."),
        _("Assess the risk for the people concerned: it decides whom you must tell."),
    ],
    Incident.WEBSITE: [
        _("Contact your hosting provider: they can filter the traffic or restore the site."),
        _("Put a static page in place of a defaced site and keep a copy as evidence."),
        _("Change the site's administrator passwords and update its software."),
    ],
    Incident.OTHER: [
        _(
            "Describe what happens to your national CSIRT or a responder below: they will tell "
            "you what to do first."
        ),
    ],
}


@dataclass(frozen=True)
class Obligation:
    what: str
    deadline: str
    to_whom: str
    source: str
    url: str


def obligations(entity: str, incident: str) -> list[Obligation]:
    """The obligations that may apply to ``entity`` (a ``ClientType``) for ``incident``."""
    found = []
    personal_data = incident in (Incident.DATA_BREACH, Incident.RANSOMWARE, Incident.ACCOUNT)
    if entity != ClientType.PERSON and personal_data:
        found.append(
            Obligation(
                _("Notify the personal-data breach, unless it is unlikely to put people at risk"),
                _("without undue delay and, where feasible, within 72 hours of becoming aware"),
                _("your data protection authority"),
                _("GDPR, article 33"),
                GDPR_URL,
            )
        )
        found.append(
            Obligation(
                _("Tell the people concerned when the breach is likely to put them at high risk"),
                _("without undue delay"),
                _("the people whose data is concerned"),
                _("GDPR, article 34"),
                GDPR_URL,
            )
        )
    if entity == ClientType.ESSENTIAL:
        found += [
            Obligation(
                _("Early warning of a significant incident"),
                _("within 24 hours of becoming aware"),
                _("your national CSIRT or competent authority"),
                _("NIS2, article 23(4)(a)"),
                NIS2_URL,
            ),
            Obligation(
                _("Incident notification with a first assessment"),
                _("within 72 hours of becoming aware"),
                _("your national CSIRT or competent authority"),
                _("NIS2, article 23(4)(b)"),
                NIS2_URL,
            ),
            Obligation(
                _("Final report"),
                _("within one month of the incident notification"),
                _("your national CSIRT or competent authority"),
                _("NIS2, article 23(4)(d)"),
                NIS2_URL,
            ),
        ]
    return found


def steps_for(incident: str) -> list:
    return [*COMMON_FIRST, *STEPS.get(incident, STEPS[Incident.OTHER])]
