"""``manage.py demo_logins``: print the demo accounts found in the database."""

from django.core.management.base import BaseCommand

from orgs.seed import demo_logins_from_db, format_logins


class Command(BaseCommand):
    help = "Print the demo user accounts (username / password / role / organisation)."

    def handle(self, *args, **options):
        rows = demo_logins_from_db()
        if not rows:
            self.stdout.write("No demo users found; run `manage.py seed_city` first.")
            return
        self.stdout.write("Demo logins:\n" + format_logins(rows))
