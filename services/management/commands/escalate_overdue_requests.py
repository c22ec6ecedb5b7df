"""``manage.py escalate_overdue_requests``: escalate service requests past their deadline.

Run it daily (cron or a scheduler). Pages flag overdue requests on their own; this run
records the escalation to the parent union so the request lands on that union's to-do list.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from services.actions import escalate_overdue


class Command(BaseCommand):
    help = (
        "Escalate open service requests past their working-day deadline to the nearest "
        "active union above the handling one (each request once)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Run as of this day (YYYY-MM-DD) instead of today, e.g. to catch up."
        )

    def handle(self, *args, date=None, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError("--date must be YYYY-MM-DD.") from error
        count = escalate_overdue(today=today)
        self.stdout.write(f"{count} overdue service requests escalated.")
