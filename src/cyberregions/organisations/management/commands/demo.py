import sys

from django.core.management.base import BaseCommand

from cyberregions.organisations.demo.generator import DEFAULT_ORGANISATIONS
from cyberregions.organisations.demo_loader import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo
from cyberregions.organisations.models import Organisation


class Command(BaseCommand):
    help = "Replace the atlas with a generated, realistic European cybersecurity ecosystem."

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=DEFAULT_ORGANISATIONS)
        parser.add_argument("--seed", type=int, default=2018)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the atlas already holds organisations (used by make demo).",
        )

    def handle(self, *args, organisations, seed, if_empty, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("The atlas already holds organisations; keeping them.")
            return
        if organisations < 1:
            self.stderr.write("--organisations must be at least 1.")
            sys.exit(2)
        last_shown = [-1]

        def progress(done: int, total: int) -> None:
            percent = done * 100 // max(total, 1)
            if percent != last_shown[0] and (percent % 5 == 0 or done == total):
                last_shown[0] = percent
                self.stdout.write(
                    f"\rGenerating organisations: {done:>7}/{total} ({percent:3d} %)", ending=""
                )
                self.stdout.flush()

        counts = load_demo(organisations=organisations, seed=seed, progress=progress)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ecosystem loaded in {counts['seconds']} s: "
                f"{counts['organisations']} organisations, "
                f"{counts['offers_needs']} offers and needs, {counts['contacts']} contacts."
            )
        )
        names = ", ".join(username for username, *_ in DEMO_ACCOUNTS)
        self.stdout.write(f"Demo accounts ({names}) use the password '{DEMO_PASSWORD}'.")
