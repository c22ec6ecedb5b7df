"""Writes of the reports capability: asking for a report draft and drafting it."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_org_in_scope
from reports.choices import DraftStatus
from reports.document import render_docx
from reports.models import ReportDraft
from reports.periods import Period
from reports.selectors import build_draft

logger = logging.getLogger(__name__)

# Longest period one draft may cover: a report is yearly at most, with some slack for a
# term report (届内) — ten years keeps a mistyped year from scanning a century.
MAX_PERIOD_DAYS = 3660


def report_request(*, actor, org, period: Period, outline: str = "") -> ReportDraft:
    """Queue a draft of ``org``'s report for ``period``; the background worker writes it
    (``draft_report_task``), or it is written at once when tasks run inline."""
    ensure_org_in_scope(actor, org, Action.VIEW)
    if period.days > MAX_PERIOD_DAYS:
        raise ValidationError({"to": _("A report covers at most ten years.")})
    draft = ReportDraft.objects.create(
        org=org,
        period_start=period.start,
        period_end=period.end,
        outline=(outline or "").strip(),
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(actor, draft, AuditAction.CREATE)
    from reports.tasks import draft_report_task

    draft_report_task.enqueue(draft.pk)
    draft.refresh_from_db()  # inline task runners (tests) have written it already
    return draft


def report_write(draft: ReportDraft) -> ReportDraft:
    """Build the draft's document now (the task and the command call this)."""
    ReportDraft.objects.filter(pk=draft.pk).update(status=DraftStatus.RUNNING)
    try:
        period = Period(draft.period_start, draft.period_end)
        document = build_draft(draft.org, period, outline=draft.outline_lines())
        content = render_docx(document)
    except Exception:
        logger.exception("report draft %s failed", draft.pk)
        ReportDraft.objects.filter(pk=draft.pk).update(
            status=DraftStatus.FAILED,
            message=_("The draft could not be written; the error was logged."),
            finished_at=timezone.now(),
        )
        raise
    ReportDraft.objects.filter(pk=draft.pk).update(
        status=DraftStatus.DONE, content=content, message="", finished_at=timezone.now()
    )
    draft.refresh_from_db()
    return draft
