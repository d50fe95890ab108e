from django.core.management.base import BaseCommand

from cyberregions.analysis.demo import has_demo_analysis, load_analysis


class Command(BaseCommand):
    help = (
        "Give every partner territory a closed needs survey with answers and a SWOT analysis, "
        "drawn from its atlas (run the atlas demo first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the demo surveys already exist (used by make demo).",
        )

    def handle(self, *args, seed, if_empty, **options):
        if if_empty and has_demo_analysis():
            self.stdout.write("The demo surveys already exist; keeping them.")
            return

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\rRegions: {done:>3}/{total}", ending="")
            self.stdout.flush()

        counts = load_analysis(seed=seed, progress=progress)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo analysis loaded: {counts['regions']} regions, "
                f"{counts['responses']} survey responses, {counts['swot']} SWOT items."
            )
        )
