from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from contests.models import Contest, ContestEntry, ContestStage, Score, StageEntry
from contests.selectors import contest_stats
from innovation.models import Innovation, Studio
from innovation.selectors import innovation_stats
from orgs.models import Org
from skills.models import Enrolment, SkillAward, Training
from skills.selectors import skills_stats

pytestmark = pytest.mark.django_db


def test_seed_city_fills_contests_innovation_and_skills():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    city = Org.objects.get(depth=1)
    assert set(Contest.objects.values_list("kind", flat=True)) == {
        "ankang",
        "culture",  # the districts' calls for works, sent to judging (activities seed)
        "labour",
        "merit",
        "skill",
    }
    assert Contest.objects.filter(parent__isnull=False).exists()
    assert ContestEntry.objects.filter(nominated_from__isnull=False).exists()
    assert StageEntry.objects.filter(rank=1).exists() and Score.objects.exists()
    assert ContestEntry.objects.exclude(award="").exists()
    for final in ContestStage.objects.filter(round="final"):
        preliminary = final.contest.stages.get(round="preliminary")
        advanced = set(
            preliminary.stage_entries.filter(advanced=True).values_list("entry", flat=True)
        )
        assert set(final.stage_entries.values_list("entry", flat=True)) == advanced
        assert ContestStage.objects.filter(status="scoring").exists()
    participants = ContestEntry.objects.aggregate(n=Sum("participant_count"))["n"]
    assert contest_stats(city)["participants"] == participants > 1000
    figures = innovation_stats(city)
    assert figures["innovations"] == Innovation.objects.count() >= 200
    assert all(n > 0 for n in figures["by_kind"].values())
    assert Innovation.objects.filter(forwarded_to__isnull=False).exists()
    assert (
        Innovation.objects.filter(kind="invention").exclude(patent_number__startswith="ZL").count()
        == 0
    )
    assert Studio.objects.exists() and Innovation.objects.filter(studio__isnull=False).exists()
    assert Training.objects.filter(kind="camp").exists()
    assert Enrolment.objects.filter(status="completed").exists()
    assert skills_stats(city)["awards"] == SkillAward.objects.count() > 0
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    assert Innovation.objects.count() == figures["innovations"]  # deterministic
