"""The service categories of ``reference/service_categories.json``, mapped to the JRC
subdomains and NIST CSF functions the taxonomy app loaded."""

from django.db import migrations


def load(apps, schema_editor):
    from cyberregions.gethelp.vocabulary import load_service_categories

    load_service_categories(
        apps.get_model("gethelp", "ServiceCategory"),
        apps.get_model("taxonomy", "Subdomain"),
        apps.get_model("taxonomy", "NistFunction"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("gethelp", "0001_initial"),
        ("taxonomy", "0002_load_reference"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
