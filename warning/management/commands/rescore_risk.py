from django.core.management.base import BaseCommand

from warning.actions import rescore_all, score_enterprises


class Command(BaseCommand):
    help = "Re-score every enterprise with the active early-warning model (queued by default)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run here and now instead of queueing the task."
        )

    def handle(self, *args, now=False, **options):
        if now:
            count = len(score_enterprises(None))
            self.stdout.write(f"{count} enterprises scored.")
        else:
            result = rescore_all.enqueue()
            self.stdout.write(f"Queued re-score task {result.id}.")
