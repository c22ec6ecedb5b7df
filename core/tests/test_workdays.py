"""The working-day calendar: library schedule, weekday fallback, admin overrides, query count.

Expected dates follow the State Council's 2026 holiday notice as shipped in chinesecalendar:
春节 2026-02-15 (Sun) to 02-23 (Mon) off, Saturdays 02-14 and 02-28 worked;
中秋 2026-09-25 to 09-27 off, 国庆 10-01 to 10-07 off, Sunday 09-20 and Saturday 10-10 worked.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core import workdays
from core.models import CalendarDay
from core.workdays import (
    WorkdayCalendar,
    add_workdays,
    is_workday,
    library_covers,
    library_years,
    next_workday,
    uncovered_years,
    workdays_between,
)

D = dt.date.fromisoformat

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_until_2026(monkeypatch):
    """Pin the library's last known year to 2026, whatever release is installed.

    With the current release this changes nothing; after an upgrade that adds 2027 the
    fallback tests still exercise the weekday rule instead of silently testing the library.
    """
    monkeypatch.setattr(workdays, "_LIB_LAST_YEAR", 2026)


# --- Spring Festival 2026 ---------------------------------------------------------------


def test_spring_festival_2026_days():
    assert is_workday(D("2026-02-13"))  # Friday before the holiday
    assert is_workday(D("2026-02-14"))  # adjusted Saturday (调休上班)
    for offset in range(9):  # 02-15 .. 02-23, including Monday to Friday
        assert not is_workday(D("2026-02-15") + dt.timedelta(days=offset))
    assert is_workday(D("2026-02-24"))
    assert is_workday(D("2026-02-28"))  # adjusted Saturday after the holiday
    assert not is_workday(D("2026-03-01"))  # an ordinary Sunday


def test_deadline_across_spring_festival_2026():
    friday = D("2026-02-13")
    assert add_workdays(friday, 1) == D("2026-02-14")  # the adjusted Saturday counts
    assert add_workdays(friday, 2) == D("2026-02-24")  # then the whole holiday is skipped
    assert add_workdays(friday, 5) == D("2026-02-27")
    assert add_workdays(friday, 6) == D("2026-02-28")  # second adjusted Saturday counts
    assert add_workdays(friday, 7) == D("2026-03-02")
    assert add_workdays(D("2026-02-12"), 3) == D("2026-02-24")
    assert workdays_between(friday, D("2026-02-28")) == 6
    assert next_workday(D("2026-02-14")) == D("2026-02-24")


# --- National Day 2026 -------------------------------------------------------------------


def test_national_day_2026():
    assert not is_workday(D("2026-09-25"))  # Mid-Autumn Festival, a Friday
    assert is_workday(D("2026-09-20"))  # adjusted Sunday
    assert is_workday(D("2026-10-10"))  # adjusted Saturday
    assert not is_workday(D("2026-10-07"))
    assert add_workdays(D("2026-09-18"), 1) == D("2026-09-20")
    assert add_workdays(D("2026-09-30"), 1) == D("2026-10-08")
    assert add_workdays(D("2026-09-30"), 3) == D("2026-10-10")
    assert add_workdays(D("2026-09-30"), 4) == D("2026-10-12")
    assert workdays_between(D("2026-09-30"), D("2026-10-10")) == 3


# --- Counting conventions ---------------------------------------------------------------


def test_zero_and_negative_days():
    assert add_workdays(D("2026-02-13"), 0) == D("2026-02-13")  # a working day: itself
    assert add_workdays(D("2026-02-16"), 0) == D("2026-02-24")  # a holiday: the next one
    assert add_workdays(D("2026-02-24"), -1) == D("2026-02-14")
    assert add_workdays(D("2026-02-24"), -2) == D("2026-02-13")
    assert workdays_between(D("2026-02-28"), D("2026-02-13")) == -6
    assert workdays_between(D("2026-02-13"), D("2026-02-13")) == 0


def test_workdays_between_inverts_add_workdays():
    start = D("2026-01-30")
    for days in range(1, 60):
        end = add_workdays(start, days)
        assert workdays_between(start, end) == days
        assert add_workdays(end, -days) == start


def test_accepts_datetime():
    moment = dt.datetime(2026, 2, 13, 18, 30)
    assert add_workdays(moment, 2) == D("2026-02-24")


# --- Years the library does not know ------------------------------------------------------


def test_library_coverage_helpers(library_until_2026):
    assert library_covers(2026)
    assert not library_covers(2027)
    assert uncovered_years([2027, 2026, 2027, 2028]) == [2027, 2028]


def test_installed_release_never_raises_for_unknown_years():
    unknown = library_years()[-1] + 1
    assert not library_covers(unknown)
    new_year = dt.date(unknown, 1, 1)
    monday = new_year + dt.timedelta(days=(7 - new_year.weekday()) % 7)
    assert is_workday(monday)
    assert not is_workday(monday + dt.timedelta(days=5))
    assert add_workdays(monday, 5) == monday + dt.timedelta(days=7)


def test_2027_falls_back_to_weekdays(library_until_2026):
    assert is_workday(D("2027-01-01"))  # a Friday; not a holiday without an override
    assert not is_workday(D("2027-02-20"))  # a Saturday
    assert add_workdays(D("2026-12-30"), 3) == D("2027-01-04")
    # No Spring Festival known in 2027: Mon 02-08 .. Fri 02-12 are plain working days.
    assert add_workdays(D("2027-02-05"), 5) == D("2027-02-12")
    assert workdays_between(D("2026-12-31"), D("2027-01-31")) == 21


# --- CalendarDay overrides -----------------------------------------------------------------


def test_override_holiday_in_unknown_year_shifts_deadline(library_until_2026):
    assert add_workdays(D("2026-12-31"), 1) == D("2027-01-01")
    CalendarDay.objects.create(date=D("2027-01-01"), is_workday=False, name="元旦")
    assert not is_workday(D("2027-01-01"))
    assert add_workdays(D("2026-12-31"), 1) == D("2027-01-04")
    assert workdays_between(D("2026-12-31"), D("2027-01-08")) == 5


def test_override_saturday_working_day_counts(library_until_2026):
    CalendarDay.objects.create(date=D("2027-02-20"), is_workday=True, name="春节调休")
    assert is_workday(D("2027-02-20"))
    assert add_workdays(D("2027-02-19"), 1) == D("2027-02-20")
    assert workdays_between(D("2027-02-19"), D("2027-02-22")) == 2


def test_override_beats_library():
    CalendarDay.objects.create(date=D("2026-02-24"), is_workday=False, name="extra day off")
    CalendarDay.objects.create(date=D("2026-02-21"), is_workday=True, name="made-up workday")
    assert add_workdays(D("2026-02-13"), 2) == D("2026-02-21")
    assert add_workdays(D("2026-02-13"), 3) == D("2026-02-25")


def test_calendar_snapshot_only_sees_rows_loaded_for_its_years():
    calendar = WorkdayCalendar.for_range(D("2026-01-01"), D("2026-12-31"))
    CalendarDay.objects.create(date=D("2026-03-02"), is_workday=False, name="late entry")
    assert calendar.is_workday(D("2026-03-02"))  # the snapshot predates the row
    assert not is_workday(D("2026-03-02"))  # a fresh calendar sees it


# --- Query count -----------------------------------------------------------------------------


def test_single_call_is_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        add_workdays(D("2026-12-28"), 10)
    with django_assert_num_queries(1):
        workdays_between(D("2026-01-01"), D("2027-12-31"))


def test_many_deadlines_bounded_queries(django_assert_max_num_queries, library_until_2026):
    CalendarDay.objects.create(date=D("2027-01-01"), is_workday=False, name="元旦")
    starts = [D("2026-01-05") + dt.timedelta(days=i % 700) for i in range(3000)]
    with django_assert_max_num_queries(3):
        calendar = WorkdayCalendar()
        deadlines = [calendar.add_workdays(start, 5) for start in starts]
    with django_assert_max_num_queries(1):
        calendar = WorkdayCalendar.for_range(min(starts), max(starts) + dt.timedelta(days=60))
        again = [add_workdays(start, 5, calendar=calendar) for start in starts]
    assert deadlines == again
    assert deadlines[0] == D("2026-01-12")
    assert calendar.add_workdays(D("2026-12-31"), 1) == D("2027-01-04")


# --- Admin ---------------------------------------------------------------------------------


def test_admin_warns_about_uncovered_next_year(admin_client, monkeypatch):
    this_year = timezone.localdate().year
    monkeypatch.setattr(workdays, "_LIB_LAST_YEAR", this_year)
    response = admin_client.get(reverse("admin:core_calendarday_changelist"))
    assert response.status_code == 200
    texts = [str(m) for m in response.context["messages"]]
    assert len(texts) == 1
    assert str(this_year + 1) in texts[0]


def test_admin_no_warning_when_covered(admin_client, monkeypatch):
    this_year = timezone.localdate().year
    monkeypatch.setattr(workdays, "_LIB_LAST_YEAR", this_year + 1)
    monkeypatch.setattr(workdays, "_LIB_FIRST_YEAR", this_year - 1)
    response = admin_client.get(reverse("admin:core_calendarday_changelist"))
    assert response.status_code == 200
    assert not list(response.context["messages"])


def test_audit_log_is_read_only_in_admin(admin_client):
    assert admin_client.get(reverse("admin:core_auditentry_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:core_auditentry_add")).status_code == 403
    assert admin_client.get(reverse("admin:core_roleassignment_changelist")).status_code == 200
