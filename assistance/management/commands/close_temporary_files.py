from django.core.management.base import BaseCommand
from django.utils import timezone

from assistance.actions import close_expired_temporary_files


class Command(BaseCommand):
    help = (
        "Close the temporary hardship files (one-off aid) filed ASSISTANCE_TEMPORARY_FILE_YEARS "
        "years ago or more. Run it daily (cron)."
    )

    def handle(self, *args, **options):
        closed = close_expired_temporary_files(today=timezone.localdate())
        self.stdout.write(f"{closed} temporary hardship files closed")
