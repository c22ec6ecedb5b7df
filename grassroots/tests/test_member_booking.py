import datetime

import pytest

from dues import participation
from grassroots import actions
from grassroots.choices import BookingStatus
from grassroots.models import Booking
from members.models import Member
from members.tests.factories import make_member
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=8))
DAY = datetime.date(2026, 3, 4)


@pytest.fixture
def member(city):
    return make_member(city.union_a, name="钱会员", phone="13811112222")


def test_member_books_a_free_slot_on_the_phone_and_cancels_it(
    client, member, venue, city, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, tzinfo=TZ))
    login_member(client, member)
    listing = client.get("/m/venues/").content.decode()
    assert venue.name in listing
    page = client.get(f"/m/venues/{venue.pk}/", {"date": DAY.isoformat()})
    assert page.status_code == 200 and "10:00" in page.content.decode()
    response = client.post(
        f"/m/venues/{venue.pk}/",
        {"date": DAY.isoformat(), "starts_at": "10:00", "purpose": "借阅", "headcount": 1},
    )
    assert response.status_code == 302
    booking = Booking.objects.get(member=member)
    assert booking.org == city.union_a and booking.booked_by is None
    taken = client.post(
        f"/m/venues/{venue.pk}/",
        {"date": DAY.isoformat(), "starts_at": "10:00", "purpose": "再约", "headcount": 1},
    )
    assert taken.status_code == 200 and Booking.objects.count() == 1
    client.post(f"/m/bookings/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_member_of_another_district_cannot_open_the_venue(client, city, venue):
    other = make_member(city.union_b, name="赵会员", phone="13822223333")
    login_member(client, other)
    assert client.get(f"/m/venues/{venue.pk}/").status_code == 404
    assert venue.name not in client.get("/m/venues/").content.decode()


def test_cadre_login_is_not_a_member_session(client, people, venue):
    client.force_login(people.union_a_admin)
    assert client.get("/m/venues/").status_code == 302


def test_a_used_booking_counts_as_taking_part(member, venue, city, people, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, tzinfo=TZ))
    booking = actions.booking_create(
        actor=None,
        member=member,
        venue=venue,
        org=city.union_a,
        date=DAY,
        starts_at=datetime.time(10),
        purpose="借阅",
    )
    time_machine.move_to(datetime.datetime(2026, 3, 4, 11, tzinfo=TZ))
    actions.booking_record_use(actor=people.district_a_admin, booking=booking, used=True)
    source = participation.sources()["venue_bookings"]
    ids = Member.objects.filter(pk=member.pk).values("pk")
    took_part = source(ids, datetime.date(2026, 1, 1), datetime.date(2026, 7, 1))
    assert list(took_part.values_list("member_id", flat=True)) == [member.pk]
