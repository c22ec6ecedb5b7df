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
