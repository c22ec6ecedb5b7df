import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from honours import rules
from honours.figures import honours_paragraph
from honours.models import (
    CareRecord,
    HonourProgramme,
    HonourTitle,
    ModelWorker,
    Nomination,
    NominationEvent,
    Objection,
)
from honours.selectors import honour_stats
from orgs.models import Org
from reports import figures
from reports.narrative import ReportContext
from reports.periods import Period

pytestmark = pytest.mark.django_db


def test_seed_city_fills_a_round_in_public_notice_the_registry_and_the_report_figures():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    medal = HonourProgramme.objects.get(kind="labour_medal")
    assert medal.quotas.count() >= 2
    in_notice = Nomination.objects.filter(status="in_notice")
    assert in_notice.exists() and Nomination.objects.filter(status="in_review").exists()
    for nomination in in_notice:
        assert nomination.stage_org_id == medal.org_id
        assert rules.notice_window(nomination.notice_start, 5)[1] == nomination.notice_end
        assert nomination.member.org_id == nomination.org_id
        assert nomination.votes_for * 2 > nomination.votes_cast
    for nomination in Nomination.objects.filter(status="in_review"):
        assert nomination.stage_org.path != medal.org.path
        assert nomination.org.path.startswith(nomination.stage_org.path)
    assert rules.composition_problems(medal, list(in_notice)) == []
    assert NominationEvent.objects.filter(step="notice_opened").count() == in_notice.count()
    assert set(Objection.objects.values_list("status", flat=True)) == {"open", "dismissed"}
    workers = ModelWorker.objects.count()
    assert workers >= 12
    assert not ModelWorker.objects.filter(titles__isnull=True).exists()
    assert CareRecord.objects.filter(kind="visit").count() == workers
    assert CareRecord.objects.filter(kind="hardship_aid").count() == (
        ModelWorker.objects.filter(in_hardship=True).count()
    )
    city = Org.objects.get(depth=1)
    stats = honour_stats(city)
    assert stats["titles"] == HonourTitle.objects.count()
    assert stats["nominations_in_notice"] == in_notice.count()

    # The figures of the year before the reference date have something to report.
    year = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    values = figures.compute(city, year)
    for key in (
        "honours.titles",
        "honours.titles_labour_medal",
        "honours.nominated",
        "honours.noticed",
        "honours.model_workers",
        "honours.visits",
        "honours.cared",
        "honours.care_amount",
    ):
        assert values[key].value, key
    assert values["honours.noticed"].value == Nomination.objects.filter(status="in_notice").count()
    assert values["honours.model_workers"].value == ModelWorker.objects.count()
    previous = figures.empty_values()
    paragraph = honours_paragraph(ReportContext(city, year, values, previous))
    assert paragraph and str(values["honours.titles"].value) in paragraph
