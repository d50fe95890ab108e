from django.core.management.base import BaseCommand

from cyberregions.plans.demo import load_plans
from cyberregions.plans.models import ActionPlan


class Command(BaseCommand):
    help = (
        "Add one demo action plan per partner territory, citing the demo good practices "
        "(run `cyberregions demo-practices` first), with monitoring reports for the plans in "
        "implementation."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove every action plan first (otherwise existing plans are kept and "
            "nothing is added).",
        )

    def handle(self, *args, replace, **options):
        if not replace and ActionPlan.objects.exists():
            self.stdout.write("Action plans already exist; keeping them.")
            return

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\rWriting action plans: {done:>2}/{total}", ending="")
            self.stdout.flush()

        counts = load_plans(replace=replace, progress=progress)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['plans']} action plans, {counts['actions']} actions citing "
                f"{counts['citations']} good practices, {counts['versions']} frozen versions, "
                f"{counts['reports']} monitoring reports."
            )
        )
