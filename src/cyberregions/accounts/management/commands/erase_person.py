from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cyberregions.accounts import privacy
from cyberregions.core.permissions import COMMAND_LINE


class Command(BaseCommand):
    help = (
        "Erase a person on their request: anonymise and deactivate the account, remove their "
        "memberships, contacts, registrations, B2B profile, comments and notifications; the "
        "audit trail keeps the facts without their personal values. Cannot be undone."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user name of the account to erase.")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm: without it nothing is erased."
        )
        parser.add_argument("--reason", default="", help="Why, for the audit trail.")

    def handle(self, *args, username, yes=False, reason="", **options):
        person = get_user_model().objects.filter(username=username).first()
        if person is None:
            raise CommandError(f"No account has the user name {username!r}.")
        if privacy.is_erased(person):
            raise CommandError(f"The account {username!r} is already erased.")
        if not yes:
            raise CommandError(f"Add --yes to erase {username!r}: this cannot be undone.")
        counts = privacy.erase_person(COMMAND_LINE, person, reason=reason)
        self.stdout.write(f"erased account #{person.pk}:")
        for what, number in sorted(counts.items()):
            self.stdout.write(f"  {what}: {number}")
