from django.conf import settings
from django.utils import translation
from django_tasks import task

from reports.models import ReportDraft


@task()
def draft_report_task(draft_id: int) -> None:
    from reports.actions import report_write

    draft = ReportDraft.objects.select_related("org").filter(pk=draft_id).first()
    if draft is None:
        return
    # The worker has no request: write the report in the site's language (Chinese).
    with translation.override(settings.LANGUAGE_CODE):
        report_write(draft)


@task()
def refresh_snapshot_task(org_id: int, start: str, end: str) -> None:
    import datetime

    from orgs.models import Org
    from reports.periods import Period
    from reports.selectors import snapshot_refresh

    org = Org.objects.filter(pk=org_id).first()
    if org is not None:
        period = Period(datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))
        snapshot_refresh(org, period)
