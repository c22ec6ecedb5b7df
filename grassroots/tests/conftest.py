import datetime

import pytest

from grassroots import actions
from grassroots.choices import ProgrammeKind, VenueKind


@pytest.fixture
def venue(city):
    return actions.venue_save(
        actor=None,
        org=city.district_a,
        name="东湖区职工书屋",
        kind=VenueKind.READING_ROOM,
        capacity=30,
        opens_at=datetime.time(9),
        closes_at=datetime.time(17),
        slot_minutes=60,
        open_weekdays="1234567",
        book_ahead_days=30,
        cancel_hours=24,
    )


@pytest.fixture
def programme(city):
    return actions.programme_save(
        actor=None,
        org=city.district_a,
        name="2026年东湖区星级职工之家",
        kind=ProgrammeKind.STAR_HOME,
        year=2026,
        apply_until=datetime.date(2026, 12, 31),
        pass_score=60,
        star_thresholds="60,70,80,90,95",
        publicity_workdays=5,
        criteria=actions.default_criteria(),
    )
