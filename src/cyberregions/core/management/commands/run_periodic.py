from django.core.management.base import BaseCommand

from cyberregions.core import periodic


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs for the task workers. From cron: "
        "'*/10 * * * * cyberregions run-periodic' and '0 7 * * * cyberregions run-periodic daily'."
        " Every job is safe to run more often than planned."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "cadence",
            nargs="?",
            default="often",
            choices=sorted(periodic.PERIODIC_JOBS),
            help="Which jobs: 'often' (default, every 10 minutes) or 'daily'.",
        )

    def handle(self, *args, cadence="often", **options):
        for path, result_id in periodic.enqueue(cadence):
            self.stdout.write(f"enqueued {path} ({result_id})")
