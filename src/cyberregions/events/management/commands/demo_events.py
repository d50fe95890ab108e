import time

from django.core.management.base import BaseCommand, CommandError

from cyberregions.events.demo import has_demo_events, load_demo_events
from cyberregions.events.services import EventError


class Command(BaseCommand):
    help = (
        "Create demo events on the demo atlas: past events with attendance and feedback, "
        "upcoming ones, and a B2B brokerage event with a computed meeting schedule."
    )

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=60)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when demo events exist already (used by make demo).",
        )

    def handle(self, *args, participants, seed, if_empty, **options):
        if if_empty and has_demo_events():
            self.stdout.write("Demo events exist already; keeping them.")
            return
        if not 10 <= participants <= 2000:
            raise CommandError("--participants must lie between 10 and 2000.")
        started = time.perf_counter()
        try:
            counts = load_demo_events(
                seed=seed, participants=participants, progress=self.stdout.write
            )
        except EventError as error:
            raise CommandError(str(error)) from None
        ratio = counts["objective"] / counts["upper_bound"] if counts["upper_bound"] else 1.0
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo events loaded in {time.perf_counter() - started:.1f} s: "
                f"{counts['events']} events, {counts['registrations']} registrations, "
                f"{counts['feedback']} feedback answers, {counts['requests']} meeting requests; "
                f"{counts['scheduled']} of {counts['accepted']} accepted requests scheduled "
                f"({ratio:.2%} of the upper bound{', proven optimal' if counts['optimal'] else ''}"
                f", {counts['seconds']:.2f} s)."
            )
        )
        self.stdout.write(f"Brokerage event: /events/{counts['brokerage']}/")
