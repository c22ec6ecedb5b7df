import datetime

from django.core.management.base import BaseCommand, CommandError

from rights import actions


class Command(BaseCommand):
    help = (
        "Remind open 12351 tickets that fall due soon and escalate overdue ones to the "
        "parent union (run once a day)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Run as of this day (YYYY-MM-DD); default today.")

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today must be YYYY-MM-DD") from error
        result = actions.tickets_remind_and_escalate(today=today)
        self.stdout.write(
            f"reminded {result['reminded']} tickets, escalated {result['escalated']} tickets"
        )
