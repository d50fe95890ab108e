# The practice's workflow history takes the shape of every workflow's history
# (core.models.WorkflowStep): the step's name and the states it moved between.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("changes_requested", "Changes requested"),
    ("resubmitted", "Resubmitted"),
    ("validated", "Validated"),
    ("published", "Published"),
    ("rejected", "Rejected"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("transition", "action", "step"),
        migrations.RenameField("transition", "from_status", "from_state"),
        migrations.RenameField("transition", "to_status", "to_state"),
        migrations.AlterField(
            model_name="transition",
            name="step",
            field=models.CharField(max_length=30, verbose_name="step"),
        ),
        migrations.AlterField(
            model_name="transition",
            name="from_state",
            field=models.CharField(choices=STATES, max_length=30, verbose_name="from"),
        ),
        migrations.AlterField(
            model_name="transition",
            name="to_state",
            field=models.CharField(choices=STATES, max_length=30, verbose_name="to"),
        ),
        migrations.AlterField(
            model_name="transition",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="who",
            ),
        ),
    ]
