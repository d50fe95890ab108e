from django.core.management.base import BaseCommand

from cyberregions.skills.demo import load_skills
from cyberregions.skills.models import Course


class Command(BaseCommand):
    help = (
        "Add demo courses of the atlas's universities, research and training centres, and "
        "vacancies and declared skills needs of its companies, with gaps that differ by "
        "region (run the atlas demo first)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove every course, vacancy and declared need first (otherwise an existing "
            "catalogue is kept and nothing is added).",
        )

    def handle(self, *args, replace, **options):
        if not replace and Course.objects.exists():
            self.stdout.write("The training catalogue already holds courses; keeping them.")
            return

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\rSkills of the regions: {done:>2}/{total}", ending="")
            self.stdout.flush()

        counts = load_skills(replace=replace, progress=progress)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['courses']} courses, {counts['vacancies']} vacancies, "
                f"{counts['needs']} declared needs."
            )
        )
