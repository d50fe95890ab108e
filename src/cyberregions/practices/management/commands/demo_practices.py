from django.core.management.base import BaseCommand

from cyberregions.practices.demo import load_practices
from cyberregions.practices.models import Practice


class Command(BaseCommand):
    help = (
        "Add ~40 demo good practices across the seven partner territories, in every state of "
        "the validation workflow, led by organisations of the atlas (run the atlas demo first)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove every practice and investigation first (otherwise an existing "
            "library is kept and nothing is added).",
        )

    def handle(self, *args, replace, **options):
        if not replace and Practice.objects.exists():
            self.stdout.write("The library already holds practices; keeping them.")
            return

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\rWriting practices: {done:>3}/{total}", ending="")
            self.stdout.flush()

        counts = load_practices(replace=replace, progress=progress)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['practices']} good practices ({counts['published']} published, "
                f"{counts['transitions']} workflow steps), {counts['comments']} comments, "
                f"{counts['interests']} interests, {counts['investigations']} investigations."
            )
        )
