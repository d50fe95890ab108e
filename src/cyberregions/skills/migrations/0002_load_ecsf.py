from django.db import migrations


def load(apps, schema_editor):
    from cyberregions.skills.reference import load_ecsf

    load_ecsf(
        apps.get_model("skills", "EcfCompetence"),
        apps.get_model("skills", "EcsfItem"),
        apps.get_model("skills", "ProfileCompetence"),
        apps.get_model("taxonomy", "EcsfProfile"),
    )


class Migration(migrations.Migration):
    dependencies = [("skills", "0001_initial"), ("taxonomy", "0002_load_reference")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
