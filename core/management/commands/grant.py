from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.actions import role_grant
from core.choices import Role
from orgs.models import Org


class Command(BaseCommand):
    help = "Grant USERNAME a role at the org with CODE (valid for its whole subtree)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--org", required=True, help="org code")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--password", help="set this password (creates the user if new)")

    def handle(self, *args, username, org, role, password, **options):
        try:
            target = Org.objects.get(code=org)
        except Org.DoesNotExist as exc:
            raise CommandError(f"No organisation with code {org}") from exc
        try:
            _assignment, created = role_grant(
                actor=None, username=username, org=target, role=role, password=password
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        if created and not password:
            self.stdout.write(
                self.style.WARNING(
                    f"User {username} created without a password; set one with --password."
                )
            )
        self.stdout.write(self.style.SUCCESS(f"{username}: {role} at {target.code} {target.name}"))
