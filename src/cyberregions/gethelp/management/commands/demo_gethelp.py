from django.core.management.base import BaseCommand

from cyberregions.gethelp.demo import clear, load_gethelp
from cyberregions.gethelp.models import ProviderProfile


class Command(BaseCommand):
    help = (
        "Add get-help demo data: providers' services, labels (some expiring or expired), "
        "self-assessments and help requests in every state (run the atlas demo first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--replace", action="store_true", help="Remove get-help data first.")
        parser.add_argument("--providers", type=int, default=240)
        parser.add_argument("--requests", type=int, default=48)
        parser.add_argument("--assessments", type=int, default=160)

    def handle(self, *args, replace, providers, requests, assessments, **options):
        if replace:
            clear()
        elif ProviderProfile.objects.exists():
            self.stdout.write("Get-help data already present; keeping it (--replace to redo).")
            return

        def progress(step: str) -> None:
            self.stdout.write(f"  {step} written")
            self.stdout.flush()

        counts = load_gethelp(
            providers=providers, requests=requests, assessments=assessments, progress=progress
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['providers']} providers, {counts['labels']} labels, "
                f"{counts['assessments']} self-assessments, {counts['needs']} public needs, "
                f"{counts['requests']} help requests "
                f"({', '.join(f'{k}: {v}' for k, v in counts['by_status'].items())})."
            )
        )
