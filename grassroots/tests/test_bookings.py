import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from grassroots import actions
from grassroots.choices import BookingStatus
from grassroots.models import Booking

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
DAY = datetime.date(2026, 3, 4)


def _book(venue, org, actor=None, **extra):
    data = {
        "venue": venue,
        "org": org,
        "date": DAY,
        "starts_at": datetime.time(10),
        "purpose": "读书会",
        "headcount": 10,
    } | extra
    return actions.booking_create(actor=actor, **data)


def test_union_books_a_slot_of_its_district_reading_room(venue, city, people, time_machine):
    time_machine.move_to(NOW)
    booking = _book(venue, city.union_a, actor=people.union_a_admin)
    assert booking.ends_at == datetime.time(11) and booking.minutes == 60
    assert booking.status == BookingStatus.BOOKED


def test_second_booking_of_the_same_slot_is_refused(venue, city, time_machine):
    time_machine.move_to(NOW)
    _book(venue, city.union_a)
    with pytest.raises(ValidationError) as refused:
        _book(venue, city.street_a)
    assert "starts_at" in refused.value.error_dict
    assert Booking.objects.count() == 1


def test_a_cancelled_slot_can_be_booked_again(venue, city, people, time_machine):
    time_machine.move_to(NOW)
    first = _book(venue, city.union_a)
    actions.booking_cancel(actor=people.union_a_admin, booking=first, reason="改期")
    second = _book(venue, city.street_a)
    assert second.status == BookingStatus.BOOKED


def test_union_of_another_district_cannot_book_the_district_venue(venue, city, time_machine):
    time_machine.move_to(NOW)
    with pytest.raises(ValidationError) as refused:
        _book(venue, city.union_b)
    assert "org" in refused.value.error_dict


def test_slot_rules(venue, city, time_machine):
    time_machine.move_to(NOW)
    for extra, field in (
        ({"starts_at": datetime.time(10, 30)}, "starts_at"),
        ({"date": datetime.date(2026, 3, 1)}, "starts_at"),
        ({"date": datetime.date(2026, 6, 1)}, "starts_at"),
        ({"headcount": 31}, "headcount"),
        ({"purpose": " "}, "purpose"),
    ):
        with pytest.raises(ValidationError) as refused:
            _book(venue, city.union_a, **extra)
        assert field in refused.value.error_dict, extra
    assert not Booking.objects.exists()


def test_booker_cancels_only_until_the_cutoff_but_owner_any_time_before_start(
    venue, city, people, time_machine
):
    time_machine.move_to(NOW)
    booking = _book(venue, city.union_a, starts_at=datetime.time(9), date=datetime.date(2026, 3, 3))
    time_machine.move_to(NOW + datetime.timedelta(hours=20))  # 04:00 on the 3rd, 5 h before
    with pytest.raises(ValidationError):
        actions.booking_cancel(actor=people.union_a_admin, booking=booking)
    # the district admin also manages union A, so no reason is demanded of it
    actions.booking_cancel(actor=people.district_a_admin, booking=booking, reason="场馆检修")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_owner_records_use_after_the_slot_begins(venue, city, people, time_machine):
    time_machine.move_to(NOW)
    booking = _book(venue, city.union_a)
    with pytest.raises(ValidationError):
        actions.booking_record_use(actor=people.district_a_admin, booking=booking, used=True)
    time_machine.move_to(datetime.datetime(2026, 3, 4, 10, 5, tzinfo=NOW.tzinfo))
    actions.booking_record_use(actor=people.district_a_admin, booking=booking, used=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.USED


@pytest.mark.django_db(transaction=True)
def test_two_unions_racing_for_one_slot_get_one_success_and_one_refusal(city, time_machine):
    """Two threads, each with its own database connection, book the same slot at once."""
    if connection.vendor != "postgresql":
        pytest.skip("the thread race needs PostgreSQL; SQLite serialises writers")
    time_machine.move_to(NOW)
    venue = actions.venue_save(
        actor=None,
        org=city.city,
        name="工人文化宫排练厅",
        kind="palace_room",
        capacity=50,
        opens_at=datetime.time(9),
        closes_at=datetime.time(17),
        slot_minutes=60,
        open_weekdays="1234567",
        book_ahead_days=30,
        cancel_hours=24,
    )
    city.district_a.refresh_from_db()
    unions = [city.union_a, city.union_b]
    barrier = threading.Barrier(2)
    results = []

    def race(org):
        from django.db import connections

        try:
            barrier.wait()
            _book(venue, org)
            results.append("ok")
        except ValidationError as error:
            results.append(error.error_dict["starts_at"][0].messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=race, args=(org,)) for org in unions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results, key=len)[0] == "ok"
    assert results.count("ok") == 1
    refusal = next(r for r in results if r != "ok")
    assert "已被" in refusal or "booked" in refusal
    assert Booking.objects.filter(venue=venue).count() == 1
