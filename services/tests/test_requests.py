"""The request state machine: eligibility, capacity, working-day deadlines, escalation,
rating — the rules of services/actions.py."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from core.models import AuditEntry
from services import actions, selectors
from services.models import ServiceRequest
from services.tests.factories import make_service, service_member, submit

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(*args):
    return datetime.datetime(*args, tzinfo=SHANGHAI)


def test_request_is_handled_by_the_publishing_union_and_logged(city, people):
    service = make_service(city.district_a)
    member = service_member(city.union_a, name="孙心理")
    request = submit(member, service)
    assert request.org == city.district_a and request.status == "submitted"
    assert [e.kind for e in request.events.all()] == ["submit"]
    assert AuditEntry.objects.filter(object_id=str(request.pk), action="create").exists()
    assert ServiceRequest.objects.visible_to(people.district_a_admin).filter(pk=request.pk)
    # The member's own grassroots union does not see a district service's request.
    assert not ServiceRequest.objects.visible_to(people.union_a_admin).filter(pk=request.pk)
    assert not ServiceRequest.objects.visible_to(people.district_b_admin).filter(pk=request.pk)


def test_full_path_accept_start_complete_rate(city, people):
    request = submit(service_member(city.union_a), make_service(city.district_a))
    actor = people.district_a_admin
    request = actions.request_accept(actor=actor, request=request, note="已安排咨询师")
    request = actions.request_start(actor=actor, request=request)
    request = actions.request_complete(actor=actor, request=request, result="已完成咨询。")
    assert request.status == "done" and request.done_in_time
    request = actions.request_rate(
        member=request.member, request=request, rating=5, comment="很专业"
    )
    assert request.rating == 5
    kinds = list(request.events.values_list("kind", flat=True))
    assert kinds == ["submit", "accept", "start", "complete", "rate"]
    assert request.events.get(kind="accept").actor == actor


def test_steps_out_of_order_are_refused_and_change_nothing(city, people):
    request = submit(service_member(city.union_a), make_service(city.district_a))
    with pytest.raises(ValidationError):
        actions.request_complete(actor=people.district_a_admin, request=request, result="x")
    with pytest.raises(ValidationError):
        actions.request_start(actor=people.district_a_admin, request=request)
    with pytest.raises(ValidationError):
        actions.request_reject(actor=people.district_a_admin, request=request, reason=" ")
    request.refresh_from_db()
    assert request.status == "submitted" and request.events.count() == 1


def test_other_district_cannot_move_a_request(city, people):
    from core.scoping import OutOfScope

    request = submit(service_member(city.union_a), make_service(city.district_a))
    with pytest.raises(OutOfScope):
        actions.request_accept(actor=people.district_b_admin, request=request)
    request.refresh_from_db()
    assert request.status == "submitted"


def test_reject_needs_a_reason_the_member_reads(city, people):
    request = submit(service_member(city.union_a), make_service(city.district_a))
    request = actions.request_reject(
        actor=people.district_a_admin, request=request, reason="名额已满，请下月申请"
    )
    assert request.status == "rejected" and request.reason == "名额已满，请下月申请"
    with pytest.raises(ValidationError):
        actions.request_accept(actor=people.district_a_admin, request=request)


def test_only_the_requesting_member_rates_once_after_done(city, people):
    member = service_member(city.union_a)
    other = service_member(city.union_a, name="周其他")
    request = submit(member, make_service(city.district_a))
    with pytest.raises(ValidationError, match="Only a completed request"):
        actions.request_rate(member=member, request=request, rating=4)
    actions.request_accept(actor=people.district_a_admin, request=request)
    actions.request_complete(actor=people.district_a_admin, request=request, result="办好了")
    with pytest.raises(ServiceRequest.DoesNotExist):
        actions.request_rate(member=other, request=request, rating=1)
    for bad in (0, 6, "x", None):
        with pytest.raises(ValidationError):
            actions.request_rate(member=member, request=request, rating=bad)
    actions.request_rate(member=member, request=request, rating=4)
    with pytest.raises(ValidationError, match="already rated"):
        actions.request_rate(member=member, request=request, rating=5)
    request.refresh_from_db()
    assert request.rating == 4


def test_member_withdraws_only_before_acceptance(city, people):
    member = service_member(city.union_a)
    service = make_service(city.district_a)
    first = actions.request_withdraw(member=member, request=submit(member, service))
    assert first.status == "withdrawn"
    second = submit(member, service)
    actions.request_accept(actor=people.district_a_admin, request=second)
    with pytest.raises(ValidationError):
        actions.request_withdraw(member=member, request=second)


@pytest.mark.parametrize(
    ("eligibility", "overrides", "allowed"),
    [
        ("women", {"id_number": "110101199003071225"}, True),
        ("women", {"id_number": "110101199003071217"}, False),
        ("migrant", {"is_migrant_worker": True}, True),
        ("migrant", {}, False),
        ("new_forms", {"employment_form": "delivery_rider"}, True),
        ("new_forms", {"employment_form": "standard"}, False),
    ],
)
def test_eligibility_comes_from_the_member_record(city, eligibility, overrides, allowed):
    from members.models import Member

    member = service_member(city.union_a, **overrides)
    if "is_migrant_worker" in overrides:
        Member.objects.filter(pk=member.pk).update(is_migrant_worker=True)
        member.refresh_from_db()
    service = make_service(city.district_a, eligibility=eligibility)
    assert (service in selectors.catalogue_for(member)) is allowed
    if allowed:
        submit(member, service)
    else:
        with pytest.raises(ValidationError, match="only"):
            submit(member, service)


def test_catalogue_is_the_union_and_its_ancestors(city):
    member = service_member(city.union_a)
    own = make_service(city.union_a, name="本单位")
    district = make_service(city.district_a, name="区总")
    city_wide = make_service(city.city, name="市总")
    sibling = make_service(city.district_b, name="别区")
    closed = make_service(city.district_a, name="暂停", status="closed")
    catalogue = list(selectors.catalogue_for(member))
    assert set(catalogue) == {own, district, city_wide}
    assert catalogue[0] == own  # nearest union first
    for service in (sibling, closed):
        with pytest.raises(ValidationError):
            submit(member, service)


def test_capacity_refuses_with_a_clear_message_and_frees_next_month(city, time_machine):
    time_machine.move_to(at(2026, 3, 10, 10), tick=False)
    service = make_service(city.district_a, capacity=2, capacity_period="month")
    members = [service_member(city.union_a) for _ in range(4)]
    submit(members[0], service)
    second = submit(members[1], service)
    with pytest.raises(ValidationError, match="All 2 places of this service for this month"):
        submit(members[2], service)
    assert service.requests.count() == 2
    # A withdrawn request gives its place back.
    actions.request_withdraw(member=members[1], request=second)
    submit(members[2], service)
    time_machine.move_to(at(2026, 4, 1, 9), tick=False)
    submit(members[3], service)


def test_one_open_request_per_member_and_service(city):
    member = service_member(city.union_a)
    service = make_service(city.district_a)
    submit(member, service)
    with pytest.raises(ValidationError, match="already have an open request"):
        submit(member, service)


def test_deadline_counts_working_days_across_spring_festival(city, people):
    """Submitted Friday 13 Feb 2026: Saturday 14 Feb is a 调休 working day, 15–23 Feb the
    Spring Festival holiday, so the fifth working day is Friday 27 Feb, not 20 Feb."""
    service = make_service(city.district_a, deadline_workdays=5)
    with time_machine.travel(at(2026, 2, 13, 16), tick=False):
        request = submit(service_member(city.union_a), service)
    assert request.due_on == datetime.date(2026, 2, 27)
    with time_machine.travel(at(2026, 2, 27, 17), tick=False):
        assert not request.is_overdue
        assert actions.escalate_overdue() == 0
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        assert request.is_overdue
        overdue = selectors.with_overdue(ServiceRequest.objects.all()).get(pk=request.pk)
        assert overdue.overdue


def test_escalation_goes_to_the_parent_once_and_shows_on_its_todo(city, people):
    service = make_service(city.street_a)
    with time_machine.travel(at(2026, 2, 13, 16), tick=False):
        request = submit(service_member(city.union_a), service)
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        assert actions.escalate_overdue() == 1
        assert actions.escalate_overdue() == 0
        request.refresh_from_db()
        assert request.escalated_to == city.district_a and request.escalated_at
        assert request.events.last().kind == "escalate"
        todos = {
            t.key: t.count
            for t in selectors.workbench_todos(people.district_a_admin, datetime.date(2026, 3, 2))
        }
        assert todos["service-escalated"] == 1 and todos["service-overdue"] == 1
        assert selectors.escalated_to_user(people.district_b_admin).count() == 0


def test_escalation_skips_a_dissolved_parent(city):
    from orgs.models import Org

    service = make_service(city.union_a)
    with time_machine.travel(at(2026, 2, 13, 16), tick=False):
        request = submit(service_member(city.union_a), service)
    Org.objects.filter(pk=city.street_a.pk).update(status="dissolved")
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        actions.escalate_overdue()
    request.refresh_from_db()
    assert request.escalated_to == city.district_a


def test_stats_count_status_in_time_rate_and_rating(city, people):
    service = make_service(city.district_a)
    done = submit(service_member(city.union_a), service)
    actions.request_accept(actor=people.district_a_admin, request=done)
    actions.request_complete(actor=people.district_a_admin, request=done, result="好")
    actions.request_rate(member=done.member, request=done, rating=4)
    submit(service_member(city.union_a), service)
    stats = selectors.services_stats(city.city)
    assert stats["total"] == 2 and stats["by_status"]["done"] == 1
    assert stats["by_status"]["submitted"] == 1 and stats["open"] == 1
    assert stats["done_in_time_rate"] == 100.0 and stats["average_rating"] == 4.0
    assert selectors.services_stats(city.district_b)["total"] == 0


def test_requesting_a_service_counts_as_taking_part(city):
    from dues import participation
    from members.models import Member

    member = service_member(city.union_a)
    submit(member, make_service(city.district_a))
    today = datetime.date.today()
    ids = Member.objects.filter(pk=member.pk).values("pk")
    found = participation.participants(
        ids, today - datetime.timedelta(days=30), today + datetime.timedelta(days=1)
    )
    assert any(
        member.pk in {row["member_id"] for row in qs} for qs in found if hasattr(qs, "model")
    )


def test_service_with_an_unknown_category_is_refused(city, people):
    from services.tests.factories import make_service as make

    with pytest.raises(ValidationError):
        make(city.district_a, category="astrology")
    with pytest.raises(ValidationError):
        make(city.district_a, eligibility="everyone")
