from django.db import migrations


def load(apps, schema_editor):
    from cyberregions.taxonomy.reference import MODEL_NAMES, load_vocabularies

    load_vocabularies({name: apps.get_model("taxonomy", name) for name in MODEL_NAMES})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
