from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.actions import token_issue


class Command(BaseCommand):
    help = "Print the API token of USERNAME, creating it if needed."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            self.stdout.write(token_issue(username=username))
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"No user {username}") from exc
