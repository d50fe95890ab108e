import datetime

from django.core.management.base import BaseCommand, CommandError

from cyberregions.plans import tasks
from cyberregions.plans.periods import period_key
from cyberregions.plans.services import remind_due_reports


class Command(BaseCommand):
    help = (
        "Remind regions of their due and late monitoring reports by e-mail. Safe to run from "
        "cron as often as wanted: each reminder (plan, semester, stage) is recorded and sent "
        "once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Check as on this day (YYYY-MM-DD) instead of today.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send nothing."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the reminders to a task worker instead of sending them here.",
        )

    def handle(self, *args, date=None, dry_run=False, enqueue=False, **options):
        if enqueue:
            if date or dry_run:
                raise CommandError("--enqueue checks today and sends: no --date or --dry-run.")
            result = tasks.remind_due_reports.enqueue()
            self.stdout.write(f"enqueued as task {result.id}")
            return
        on = None
        if date:
            try:
                on = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError("--date takes a day as YYYY-MM-DD.") from error
        run = remind_due_reports(on=on, dry_run=dry_run)
        for item in run.sent:
            self.stdout.write(
                f"{'would remind' if dry_run else 'reminded'}: plan {item.plan.pk} "
                f"({item.plan.region.code}) {period_key(item.period)} {item.stage}"
            )
        self.stdout.write(
            f"{run.checked_plans} plan(s) checked, {len(run.sent)} reminder(s) "
            f"{'to send' if dry_run else 'sent'}, {run.already_sent} already sent before."
        )
