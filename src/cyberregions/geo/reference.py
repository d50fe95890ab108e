"""Loading the countries, partner territories and partners from the project's reference files.

Idempotent: loading twice changes nothing. Functions take the model classes so that data
migrations can pass their historical models.
"""

import json
from pathlib import Path

REFERENCE_DIR = Path(__file__).with_name("reference")


def read(name: str) -> dict:
    return json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))


def load_geography(Country, Region, Partner) -> dict[str, int]:  # noqa: N803
    changed = {"countries": 0, "regions": 0, "partners": 0}
    countries = {}
    for row in read("countries.json")["countries"]:
        country, created = Country.objects.update_or_create(
            iso=row["iso"],
            defaults={"nuts": row["nuts"], "name": row["name"], "population": row["population"]},
        )
        countries[row["iso"]] = country
        changed["countries"] += int(created)
    data = read("partners.json")
    territories = {}
    for row in data["territories"]:
        territory, created = Region.objects.update_or_create(
            code=row["nuts_code"],
            defaults={
                "name": row["name"],
                "level": row["nuts_level"],
                "country": countries[row["country"]],
                "parent": None,
                "is_partner_territory": True,
                "capital": row["capital"],
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "population": row["population"],
                "population_date": row["population_date"],
                "population_source": row["population_source"],
            },
        )
        territories[row["key"]] = territory
        changed["regions"] += int(created)
        known = {territory.code: territory}
        for sub in sorted(row["subregions"], key=lambda item: len(item["code"])):
            parent_code = max((code for code in known if sub["code"].startswith(code)), key=len)
            region, created = Region.objects.update_or_create(
                code=sub["code"],
                defaults={
                    "name": sub["name"],
                    "level": sub["level"],
                    "country": countries[row["country"]],
                    "parent": known[parent_code],
                    "is_partner_territory": False,
                },
            )
            known[region.code] = region
            changed["regions"] += int(created)
    for row in data["partners"]:
        _partner, created = Partner.objects.update_or_create(
            key=row["key"],
            defaults={
                "name": row["name"],
                "role": row["role"],
                "country": countries[row["country"]],
                "territory": territories.get(row["territory"]),
            },
        )
        changed["partners"] += int(created)
    return changed
