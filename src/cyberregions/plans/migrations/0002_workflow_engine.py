# Action plans and monitoring reports move on the shared workflow engine:
# - the plan's history takes the shape of every workflow's history (core.models.WorkflowStep);
# - "validated" becomes a real plan state: a submitted plan that programme staff validated
#   (validated_at set) is now in it, and its history says so;
# - monitoring reports gain a history, filled in for the reports already submitted or decided.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("validated", "Validated by programme staff"),
    ("endorsed", "Endorsed"),
    ("in_implementation", "In implementation"),
    ("completed", "Completed"),
]
REPORT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("returned", "Returned for changes"),
    ("accepted", "Accepted"),
]


def validated_state(apps, schema_editor):
    ActionPlan = apps.get_model("plans", "ActionPlan")
    PlanTransition = apps.get_model("plans", "PlanTransition")
    ActionPlan.objects.filter(status="submitted", validated_at__isnull=False).update(
        status="validated"
    )
    # In each plan's history, a validation now leads to "validated", and the step after it
    # (an endorsement or a return) starts from there.
    for plan_id in (
        PlanTransition.objects.filter(step="validate").values_list("plan_id", flat=True).distinct()
    ):
        after_validation = False
        for transition in PlanTransition.objects.filter(plan_id=plan_id).order_by("at", "id"):
            changed = []
            if transition.step == "validate":
                transition.to_state = "validated"
                changed.append("to_state")
            elif after_validation and transition.from_state == "submitted":
                transition.from_state = "validated"
                changed.append("from_state")
            after_validation = transition.step == "validate"
            if changed:
                transition.save(update_fields=changed)


def submitted_state(apps, schema_editor):
    ActionPlan = apps.get_model("plans", "ActionPlan")
    PlanTransition = apps.get_model("plans", "PlanTransition")
    ActionPlan.objects.filter(status="validated").update(status="submitted")
    PlanTransition.objects.filter(to_state="validated").update(to_state="submitted")
    PlanTransition.objects.filter(from_state="validated").update(from_state="submitted")


def report_history(apps, schema_editor):
    MonitoringReport = apps.get_model("plans", "MonitoringReport")
    ReportTransition = apps.get_model("plans", "ReportTransition")
    steps = []
    for report in MonitoringReport.objects.exclude(status="draft").order_by("id"):
        if report.submitted_at:
            steps.append(
                ReportTransition(
                    report_id=report.pk,
                    step="submit",
                    from_state="draft",
                    to_state="submitted",
                    actor_id=report.submitted_by_id,
                    at=report.submitted_at,
                )
            )
        if report.status in ("accepted", "returned") and report.decided_at:
            steps.append(
                ReportTransition(
                    report_id=report.pk,
                    step="accept" if report.status == "accepted" else "return",
                    from_state="submitted",
                    to_state=report.status,
                    actor_id=report.decided_by_id,
                    at=report.decided_at,
                    reason=report.decision_reason,
                )
            )
    ReportTransition.objects.bulk_create(steps)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("plantransition", "from_status", "from_state"),
        migrations.RenameField("plantransition", "to_status", "to_state"),
        migrations.AlterField(
            model_name="plantransition",
            name="step",
            field=models.CharField(max_length=30, verbose_name="step"),
        ),
        migrations.AlterField(
            model_name="plantransition",
            name="from_state",
            field=models.CharField(choices=PLAN_STATES, max_length=30, verbose_name="from"),
        ),
        migrations.AlterField(
            model_name="plantransition",
            name="to_state",
            field=models.CharField(choices=PLAN_STATES, max_length=30, verbose_name="to"),
        ),
        migrations.AlterField(
            model_name="plantransition",
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
        migrations.AlterField(
            model_name="actionplan",
            name="status",
            field=models.CharField(
                choices=PLAN_STATES, default="draft", max_length=20, verbose_name="status"
            ),
        ),
        migrations.CreateModel(
            name="ReportTransition",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("step", models.CharField(max_length=30, verbose_name="step")),
                (
                    "from_state",
                    models.CharField(choices=REPORT_STATES, max_length=30, verbose_name="from"),
                ),
                (
                    "to_state",
                    models.CharField(choices=REPORT_STATES, max_length=30, verbose_name="to"),
                ),
                (
                    "at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
                ),
                ("reason", models.TextField(blank=True, verbose_name="why")),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="who",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="transitions",
                        to="plans.monitoringreport",
                        verbose_name="monitoring report",
                    ),
                ),
            ],
            options={
                "verbose_name": "report step",
                "verbose_name_plural": "report steps",
                "ordering": ["at", "id"],
                "abstract": False,
            },
        ),
        migrations.RunPython(validated_state, submitted_state),
        migrations.RunPython(report_history, migrations.RunPython.noop),
    ]
