from django.db import migrations


def load(apps, schema_editor):
    from cyberregions.geo.reference import load_geography

    load_geography(
        apps.get_model("geo", "Country"),
        apps.get_model("geo", "Region"),
        apps.get_model("geo", "Partner"),
    )


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
