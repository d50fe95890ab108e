"""Reference data of the get-help module read from its files, and their labels in the
reader's language: service categories, EU languages, the national CSIRTs."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

REFERENCE = Path(__file__).resolve().parent / "reference"

# The labels of ``reference/service_categories.json``, here so that they are translated.
CATEGORY_LABELS = {
    "audit": _("Security audit and risk assessment"),
    "pentest": _("Penetration testing and vulnerability assessment"),
    "awareness": _("Awareness training and phishing exercises"),
    "managed_security": _("Managed security and monitoring (SOC)"),
    "identity": _("Identity and access management (MFA, accounts)"),
    "network_cloud": _("Network, cloud and device hardening"),
    "backup": _("Backup and business continuity"),
    "compliance": _("Compliance (NIS2, GDPR) and security governance"),
    "secure_development": _("Secure development and code review"),
    "supplier_security": _("Supplier and supply-chain security"),
    "incident_response": _("Incident response"),
    "forensics": _("Digital forensics"),
    "crisis_communication": _("Crisis communication"),
    "recovery": _("Recovery and restoration"),
}


def category_label(code: str, default: str = ""):
    return CATEGORY_LABELS.get(code, default or code)


@cache
def service_categories() -> dict:
    return json.loads((REFERENCE / "service_categories.json").read_text(encoding="utf-8"))


@cache
def csirt_file() -> dict:
    return json.loads((REFERENCE / "csirts.json").read_text(encoding="utf-8"))


def csirt_for(country_iso: str) -> dict | None:
    """The national CSIRT of an EU member state, or None for a country outside the list."""
    for row in csirt_file()["csirts"]:
        if row["country"] == country_iso:
            return row
    return None


def load_service_categories(ServiceCategory, Subdomain, NistFunction) -> int:
    """Create or update the categories from the reference file (migration and tests)."""
    data = service_categories()
    for position, row in enumerate(data["categories"]):
        category, _created = ServiceCategory.objects.update_or_create(
            code=row["code"],
            defaults={"label": row["label"], "kind": row["kind"], "position": position},
        )
        category.subdomains.set(Subdomain.objects.filter(code__in=row["subdomains"]))
        category.nist_functions.set(NistFunction.objects.filter(code__in=row["nist"]))
    return len(data["categories"])
