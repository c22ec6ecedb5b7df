import datetime

import pytest

from grassroots.choices import BookingStatus, EvaluationStatus
from grassroots.models import Booking, HomeEvaluation
from grassroots.tests import scope_samples
from reports import figures
from reports.periods import Period

pytestmark = pytest.mark.django_db

KEYS = [
    "grassroots.venue_uses",
    "grassroots.venue_people",
    "grassroots.homes_named",
]


def test_grassroots_figures_count_the_subtree_in_the_period(city, people):
    rows = scope_samples.samples(city, people)
    today = datetime.date.today()
    booking = rows[Booking][0]
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.USED, headcount=9)
    HomeEvaluation.objects.filter(pk=rows[HomeEvaluation][0].pk).update(
        status=EvaluationStatus.AWARDED, awarded_on=today
    )
    period = Period(today - datetime.timedelta(days=30), today + datetime.timedelta(days=30))
    values = figures.compute(city.district_a, period, KEYS)
    assert [values[k].value for k in KEYS] == [1, 9, 1]
    other = figures.compute(city.district_b, period, KEYS)
    assert other["grassroots.venue_uses"].value == 0
    assert other["grassroots.homes_named"].value == 0


def test_the_work_report_paragraph_names_homes_and_venue_use(city, people):
    from types import SimpleNamespace

    from grassroots.figures import grassroots_paragraph

    values = {
        "grassroots.homes_named": SimpleNamespace(value=3, text=lambda: "3家"),
        "grassroots.venue_uses": SimpleNamespace(value=12, text=lambda: "12次"),
        "grassroots.venue_people": SimpleNamespace(value=150, text=lambda: "150人次"),
    }
    ctx = SimpleNamespace(
        positive=lambda *keys: any(values[k].value for k in keys),
        text=lambda key: values[key].text(),
    )
    text = grassroots_paragraph(ctx)
    assert "3家" in text and "12次" in text and "150人次" in text and text.endswith("。")
    for v in values.values():
        v.value = 0
    assert grassroots_paragraph(ctx) is None
