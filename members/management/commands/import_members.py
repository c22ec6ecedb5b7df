import sys
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.choices import JobStatus
from core.jobs import import_file
from orgs.models import Org


class Command(BaseCommand):
    help = (
        "Import members from an xlsx/csv file into the union with org code CODE. All or "
        "nothing unless --accept-valid; the row report is written beside the file; the exit "
        "code is non-zero when any row was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--org", required=True, help="org code of the union")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument(
            "--accept-valid", action="store_true", help="write the valid rows, skip the others"
        )
        parser.add_argument("--user", help="act as this user (their scope applies)")

    def handle(self, *args, file, org, dry_run, accept_valid, user, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        target = Org.objects.filter(code=org).first()
        if target is None:
            raise CommandError(f"No organisation with code {org}")
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user {user}")
        started = time.perf_counter()
        job = import_file(
            actor=actor,
            kind="members",
            org=target,
            path=path,
            dry_run=dry_run,
            accept_valid=accept_valid,
            on_progress=self.progress,
        )
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"rows {job.rows_total}, valid {job.rows_accepted}, rejected {job.rows_rejected}, "
            f"written {job.rows_written} in {elapsed:.1f}s"
        )
        if job.report_path:
            self.stdout.write(f"report: {job.report_path}")
        self.stdout.write(job.message)
        if job.status == JobStatus.FAILED:
            raise CommandError(job.message)
        if job.rows_rejected:
            raise CommandError(f"{job.rows_rejected} rows were rejected", returncode=1)

    def progress(self, phase, done, total):
        if not sys.stderr.isatty():
            return
        width = 30
        filled = width * done // total if total else width
        label = "checking" if phase == "check" else "writing"
        sys.stderr.write(f"\r{label:9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()
