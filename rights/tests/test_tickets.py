"""12351 tickets: routing, working-day deadlines across 春节, the state machine, group
cases, follow-up codes, caller PII, reminders and escalation to the parent union."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from core import facts
from core.models import AuditEntry
from core.scoping import OutOfScope
from rights import actions, selectors
from rights.choices import TicketEventKind, TicketStatus
from rights.models import Ticket
from rights.tests.factories import make_admin, make_ticket, ticket_data

pytestmark = pytest.mark.django_db

# 2026-02-13 is the Friday before the Spring Festival holiday (15–23 February; Saturday 14
# and Saturday 28 February are adjusted working days).
BEFORE_SPRING_FESTIVAL = datetime.datetime(2026, 2, 13, 10, 0, tzinfo=datetime.UTC)


def test_ticket_received_before_spring_festival_is_due_in_working_days(city, people):
    with time_machine.travel(BEFORE_SPRING_FESTIVAL, tick=False):
        ticket = make_ticket(people.district_a_admin, enterprise=city.enterprise_a)
    assert ticket.received_on == datetime.date(2026, 2, 13)
    # 14 Feb (adjusted working Saturday), then 24, 25, 26, 27 Feb: five working days.
    assert ticket.due_on == datetime.date(2026, 2, 27)
    difficult = make_ticket(people.district_a_admin, enterprise=city.enterprise_a, tier="difficult")
    assert difficult.due_on > ticket.due_on or difficult.received_on != ticket.received_on


def test_deadline_tiers_come_from_settings(city, people, settings):
    settings.GONGHUI = {**settings.GONGHUI, "TICKET_DEADLINE_WORKDAYS": {
        "ordinary": 1, "difficult": 2, "complex": 3}}  # fmt: skip
    with time_machine.travel(BEFORE_SPRING_FESTIVAL, tick=False):
        ticket = make_ticket(people.district_a_admin, enterprise=city.enterprise_a, tier="complex")
    assert ticket.due_on == datetime.date(2026, 2, 25)


def test_routing_to_covering_union_else_street(city, people):
    covered = make_ticket(people.city_admin, enterprise=city.enterprise_a)
    assert covered.org == city.union_a
    uncovered = make_ticket(people.city_admin, enterprise=city.enterprise_a2)
    assert uncovered.org == city.street_a
    by_area = make_ticket(people.city_admin, employer_name="某小作坊", work_area=city.street_b)
    assert by_area.org == city.street_b


def test_ticket_without_employer_or_place_is_refused_whole(city, people):
    with pytest.raises(ValidationError) as error:
        actions.ticket_create(
            actor=people.city_admin,
            data=ticket_data(subject="", category="bogus", workers_involved=0),
        )
    assert {"subject", "category", "workers_involved", "work_area"} <= set(error.value.message_dict)
    assert not Ticket.objects.exists()


def test_cadre_cannot_record_a_ticket_for_another_district(city, people):
    with pytest.raises(OutOfScope):
        make_ticket(people.district_a_admin, enterprise=city.enterprise_b)
    assert not Ticket.objects.exists()


def test_group_case_is_flagged_at_the_threshold(city, people, settings):
    ticket = make_ticket(people.city_admin, enterprise=city.enterprise_a, workers_involved=10)
    assert ticket.is_group
    assert "10" in ticket.events.get(kind=TicketEventKind.RECEIVED).note
    assert not make_ticket(
        people.city_admin, enterprise=city.enterprise_a, workers_involved=9
    ).is_group
    settings.GONGHUI = {**settings.GONGHUI, "RIGHTS_GROUP_WORKERS": 30}
    assert not make_ticket(
        people.city_admin, enterprise=city.enterprise_a, workers_involved=10
    ).is_group


def test_caller_phone_is_encrypted_and_masked(city, people):
    ticket = make_ticket(people.city_admin, enterprise=city.enterprise_a, phone="13912345678")
    assert ticket.caller_phone_masked == "139****5678"
    with connection.cursor() as cursor:
        cursor.execute("SELECT caller_phone_cipher FROM rights_ticket WHERE id = %s", [ticket.pk])
        (stored,) = cursor.fetchone()
    assert "13912345678" not in stored
    changes = str(AuditEntry.objects.filter(object_id=str(ticket.pk)).values_list("changes"))
    assert "caller_phone_cipher" not in changes and "13912345678" not in changes


def test_follow_code_is_unguessable_and_only_its_hash_is_stored(city):
    ticket, code = actions.ticket_submit(
        data={**ticket_data(), "is_anonymous": True, "enterprise": city.enterprise_a}
    )
    assert len(actions.normalise_follow_code(code)) == 12
    assert ticket.caller_name == "" and ticket.caller_phone_cipher == ""
    assert ticket.is_anonymous
    assert actions.normalise_follow_code(code) not in ticket.follow_code_hash
    assert selectors.ticket_by_follow_code(code.lower().replace("-", " ")) == ticket
    assert selectors.ticket_by_follow_code("AAAA-BBBB-CCCC") is None
    assert selectors.ticket_by_follow_code("") is None
    _, other = actions.ticket_submit(
        data={**ticket_data(), "is_anonymous": True, "enterprise": city.enterprise_a}
    )
    assert other != code


def test_state_machine_from_receipt_to_callback(city, people):
    admin = people.district_a_admin
    ticket = make_ticket(admin, enterprise=city.enterprise_a)
    with pytest.raises(ValidationError):
        actions.ticket_reply(actor=admin, ticket=ticket, reply="x", resolved=True)
    with pytest.raises(ValidationError):
        actions.ticket_assign(actor=admin, ticket=ticket, assignee=people.district_b_admin)
    ticket = actions.ticket_assign(actor=admin, ticket=ticket, assignee=people.union_a_admin)
    assert ticket.status == TicketStatus.ASSIGNED
    ticket = actions.ticket_start(actor=people.union_a_admin, ticket=ticket)
    with pytest.raises(ValidationError) as error:
        actions.ticket_reply(actor=admin, ticket=ticket, reply="  ", resolved=True)
    assert "reply" in error.value.message_dict
    ticket = actions.ticket_reply(
        actor=admin, ticket=ticket, reply="已督促企业支付。", resolved=True
    )
    assert ticket.status == TicketStatus.REPLIED and ticket.answered_on
    ticket = actions.ticket_callback(actor=admin, ticket=ticket, satisfaction="dissatisfied")
    assert ticket.status == TicketStatus.HANDLING and ticket.answered_on is None
    ticket = actions.ticket_reply(actor=admin, ticket=ticket, reply="已全额支付。", resolved=True)
    ticket = actions.ticket_close(actor=admin, ticket=ticket)
    ticket = actions.ticket_callback(actor=admin, ticket=ticket, satisfaction="satisfied")
    assert ticket.status == TicketStatus.CLOSED and ticket.satisfaction == "satisfied"
    kinds = list(ticket.events.values_list("kind", flat=True))
    assert kinds == [
        "received", "assigned", "started", "replied", "callback", "reopened", "replied",
        "closed", "callback",
    ]  # fmt: skip
    # One audit row per step that changed the ticket (the reopening rides on its call-back);
    # the early-warning signal the ticket wrote has audit rows of its own.
    rows = AuditEntry.objects.filter(object_id=str(ticket.pk), content_type__model="ticket")
    assert rows.count() == 8


def test_reroute_and_transfer(city, people):
    ticket = make_ticket(people.city_admin, enterprise=city.enterprise_a)
    with pytest.raises(ValidationError):
        actions.ticket_reroute(actor=people.city_admin, ticket=ticket, to_org_code="NOPE")
    ticket = actions.ticket_reroute(actor=people.city_admin, ticket=ticket, to_org_code="sb")
    assert ticket.org == city.street_b and ticket.status == TicketStatus.RECEIVED
    with pytest.raises(OutOfScope):
        actions.ticket_reroute(actor=people.district_a_admin, ticket=ticket, to_org_code="SA")
    ticket = actions.ticket_transfer(
        actor=people.district_b_admin, ticket=ticket, department="西山区劳动保障监察大队"
    )
    assert ticket.status == TicketStatus.TRANSFERRED and ticket.answered_on
    with pytest.raises(ValidationError):
        actions.ticket_transfer(actor=people.district_b_admin, ticket=ticket, department="x")


def test_overdue_ticket_escalates_to_parent_once_and_shows_on_its_todo(city, people):
    with time_machine.travel(BEFORE_SPRING_FESTIVAL, tick=False):
        ticket = make_ticket(people.union_a_admin, enterprise=city.enterprise_a)
    # Computed on read: overdue at the union below, on the street's to-do list at once.
    street_admin = make_admin(city.street_a)
    after = datetime.date(2026, 3, 2)
    assert ticket in selectors.todo_tickets(street_admin, after)
    assert ticket not in selectors.todo_tickets(street_admin, datetime.date(2026, 2, 26))
    assert ticket not in selectors.todo_tickets(people.district_a_admin, after)
    # Reminder one working day before the deadline (26 Feb), once.
    assert actions.tickets_remind_and_escalate(today=datetime.date(2026, 2, 26)) == {
        "reminded": 1,
        "escalated": 0,
    }
    assert actions.tickets_remind_and_escalate(today=datetime.date(2026, 2, 26))["reminded"] == 0
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)):
        call_command("rights_deadlines")
    ticket.refresh_from_db()
    assert ticket.escalated_to == city.street_a and ticket.escalated_on == after
    assert actions.tickets_remind_and_escalate(today=after)["escalated"] == 0
    assert ticket.events.filter(kind=TicketEventKind.ESCALATED).count() == 1
    assert ticket in selectors.todo_tickets(street_admin, after)


def test_escalation_queries_do_not_grow_with_tickets(city, people, django_assert_max_num_queries):
    with time_machine.travel(BEFORE_SPRING_FESTIVAL, tick=False):
        for _ in range(6):
            make_ticket(people.city_admin, enterprise=city.enterprise_a)
            make_ticket(people.city_admin, enterprise=city.enterprise_b)
    with django_assert_max_num_queries(12):
        result = actions.tickets_remind_and_escalate(today=datetime.date(2026, 3, 2))
    assert result["escalated"] == 12


def test_warning_selectors_and_wage_arrears_fact(city, people):
    with time_machine.travel(BEFORE_SPRING_FESTIVAL, tick=False):
        make_ticket(people.city_admin, enterprise=city.enterprise_a, workers_involved=12)
        make_ticket(people.city_admin, enterprise=city.enterprise_a, category="contract")
        done = make_ticket(people.city_admin, enterprise=city.enterprise_b)
    actions.ticket_transfer(actor=people.city_admin, ticket=done, department="监察大队")
    start, end = datetime.date(2026, 2, 1), datetime.date(2026, 2, 28)
    ids = [city.enterprise_a.pk, city.enterprise_b.pk]
    a, b = city.enterprise_a.pk, city.enterprise_b.pk
    assert selectors.tickets_by_enterprise(ids, start, end) == {a: 2, b: 1}
    assert selectors.group_tickets_by_enterprise(ids, start, end) == {a: 1}
    assert selectors.wage_arrears_tickets_by_enterprise(ids, start, end) == {a: 1, b: 1}
    assert selectors.wage_arrears_tickets_by_enterprise(ids, end, end) == {}
    found = facts.lookup(selectors.WAGE_ARREARS_TICKETS, ids, datetime.date(2026, 3, 1))
    assert set(found) == {a}
    assert "12" in found[a].evidence and "18000" in found[a].evidence
    assert selectors.open_wage_arrears_by_enterprise(None, datetime.date(2026, 3, 1))[
        a
    ].amount == Decimal("18000.00")


def test_subtree_figures(city, people):
    admin = people.city_admin
    answered = make_ticket(admin, enterprise=city.enterprise_a, workers_involved=20)
    actions.ticket_start(actor=admin, ticket=answered)
    actions.ticket_reply(actor=admin, ticket=answered, reply="已解决", resolved=True)
    make_ticket(admin, enterprise=city.enterprise_b)
    figures = selectors.rights_stats(city.district_a)
    assert figures["tickets"] == 1 and figures["tickets_group"] == 1
    assert figures["on_time_rate"] == 100.0 and figures["resolution_rate"] == 100.0
    assert figures["tickets_by_status"]["replied"] == 1
    city_figures = selectors.rights_stats(city.city)
    assert city_figures["tickets"] == 2 and city_figures["tickets_open"] == 1


def test_background_task_and_command_arguments(city, people):
    from django.core.management.base import CommandError

    from rights.tasks import remind_and_escalate_tickets

    with time_machine.travel(BEFORE_SPRING_FESTIVAL, tick=False):
        make_ticket(people.union_a_admin, enterprise=city.enterprise_a)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)):
        result = remind_and_escalate_tickets.enqueue()
    assert result.return_value == {"reminded": 0, "escalated": 1}
    with pytest.raises(CommandError):
        call_command("rights_deadlines", today="2026-13-01")


def test_reclassify_recounts_the_deadline_and_the_group_flag(city, people):
    admin = people.union_a_admin
    with time_machine.travel(BEFORE_SPRING_FESTIVAL, tick=False):
        ticket = make_ticket(admin, enterprise=city.enterprise_a)
    ticket = actions.ticket_reclassify(
        actor=admin, ticket=ticket, tier="difficult", category="dismissal", workers_involved=25
    )
    # Ten working days from 13 Feb: 14, 24, 25, 26, 27, 28 Feb, 2, 3, 4, 5 March.
    assert ticket.due_on == datetime.date(2026, 3, 5)
    assert ticket.is_group and ticket.category == "dismissal" and ticket.amount is None
    with pytest.raises(ValidationError) as error:
        actions.ticket_reclassify(
            actor=admin, ticket=ticket, tier="x", category="y", workers_involved=0
        )
    assert set(error.value.message_dict) == {"tier", "category", "workers_involved"}
    actions.ticket_transfer(actor=admin, ticket=ticket, department="监察大队")
    with pytest.raises(ValidationError):
        actions.ticket_reclassify(
            actor=admin, ticket=ticket, tier="ordinary", category="other", workers_involved=1
        )
