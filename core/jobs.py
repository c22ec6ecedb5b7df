"""Import jobs: an uploaded spreadsheet checked and written in the background.

An app registers its importer once (``register_importer("members", factory)``); the page and
the API start a job with ``import_start``, which stores the upload and enqueues
``run_import_job`` on the task queue (``manage.py db_worker`` works it). The job row carries
the progress the page polls and, at the end, the counts, the message and the report.
The uploaded file is deleted as soon as the job ends: it holds personal data in the clear.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from core import audit
from core.choices import AuditAction, JobStatus
from core.importing import (
    CSV_SUFFIXES,
    SPREADSHEET_SUFFIXES,
    Importer,
    ImportFileError,
    run_import,
)
from core.models import ImportJob
from core.scoping import ensure_org_in_scope

logger = logging.getLogger(__name__)

ImporterFactory = Callable[..., Importer]
IMPORTERS: dict[str, tuple[str, ImporterFactory]] = {}


def register_importer(kind: str, title: str, factory: ImporterFactory) -> None:
    """``factory(actor=..., org=...)`` returns a fresh importer for one run."""
    IMPORTERS[kind] = (title, factory)


def import_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def import_start(
    *, actor, kind: str, org, upload, dry_run: bool = False, accept_valid: bool = False
) -> ImportJob:
    """Store the upload and queue its import; the caller shows the job's progress page."""
    ensure_org_in_scope(actor, org)
    if kind not in IMPORTERS:
        raise ValidationError(_("Unknown kind of import."))
    suffix = Path(upload.name).suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES | CSV_SUFFIXES:
        raise ValidationError(
            {
                "file": _("Upload an .xlsx, .xls or .csv file (this file ends in %(suffix)s).")
                % {"suffix": suffix or "—"}
            }
        )
    IMPORTERS[kind][1](actor=actor, org=org)  # refuses an org this kind cannot import into
    limit = settings.GONGHUI["IMPORT_MAX_BYTES"]
    if upload.size > limit:
        raise ValidationError(
            {"file": _("The file is larger than %(mb)s MB.") % {"mb": limit // 1024 // 1024}}
        )
    stored = import_dir() / f"{uuid.uuid4().hex}{suffix}"
    with stored.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    job = ImportJob.objects.create(
        kind=kind,
        org=org,
        file_name=Path(upload.name).name[:255],
        stored_path=str(stored),
        dry_run=dry_run,
        accept_valid=accept_valid,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(actor, job, AuditAction.CREATE)
    run_import_job.enqueue(job.pk)
    return job


@task()
def run_import_job(job_id: int) -> str:
    job = ImportJob.objects.select_related("org", "created_by").get(pk=job_id)
    execute_job(job)
    return job.status


def execute_job(job: ImportJob, *, keep_source: bool = False, on_progress=None) -> ImportJob:
    """Run the job's import, keeping its progress and outcome on the row. The report lands
    beside the source file; an uploaded source is deleted at the end."""
    if not job.is_running:
        return job
    _title, factory = IMPORTERS[job.kind]
    source = Path(job.stored_path)

    def progress(phase, done, total):
        if phase == "check":
            job.rows_total = total
        ImportJob.objects.filter(pk=job.pk).update(
            status=JobStatus.CHECKING if phase == "check" else JobStatus.WRITING,
            rows_done=done,
            rows_total=job.rows_total,
        )
        if on_progress:
            on_progress(phase, done, total)

    try:
        with translation.override(settings.LANGUAGE_CODE):
            importer = factory(actor=job.created_by, org=job.org)
            result = run_import(
                importer,
                source,
                dry_run=job.dry_run,
                accept_valid=job.accept_valid,
                report_path=source.with_name(f"{source.stem}.report.xlsx"),
                progress=progress,
            )
    except (ImportFileError, ValidationError) as error:
        job.status = JobStatus.FAILED
        job.message = "；".join(getattr(error, "messages", None) or [str(error)])
    except Exception:
        logger.exception("import job %s failed", job.pk)
        job.status = JobStatus.FAILED
        job.message = _("The import failed unexpectedly; nothing was written.")
    else:
        job.rows_total, job.rows_done = result.total, result.total
        job.rows_accepted, job.rows_rejected = result.accepted, result.rejected
        job.rows_written = result.written
        job.report_path = result.report_path
        job.message = result.message
        finished = result.written or (job.dry_run and result.total)
        job.status = JobStatus.DONE if finished else JobStatus.REJECTED
    finally:
        if not keep_source:
            source.unlink(missing_ok=True)
    job.finished_at = timezone.now()
    job.save()
    if job.rows_written:
        audit.record(
            job.created_by, job, AuditAction.UPDATE, extra={"rows_written": [0, job.rows_written]}
        )
    return job


def import_file(
    *, actor, kind: str, org, path, dry_run=False, accept_valid=False, on_progress=None
) -> ImportJob:
    """Import a file on this machine in the foreground (the ``import_*`` commands): the same
    run and the same job record as an upload, the file left where it is."""
    job = ImportJob.objects.create(
        kind=kind,
        org=org,
        file_name=Path(path).name[:255],
        stored_path=str(Path(path).resolve()),
        dry_run=dry_run,
        accept_valid=accept_valid,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    return execute_job(job, keep_source=True, on_progress=on_progress)
