from io import StringIO

import pytest
from django.core.management import call_command

from orgs.models import Org
from rights.models import DisputeCase, Lawyer, LegalAidCase, Ticket, TicketEvent
from rights.selectors import rights_stats

pytestmark = pytest.mark.django_db


def test_seed_city_adds_tickets_legal_aid_and_disputes():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    tickets = Ticket.objects.count()
    assert tickets == 40
    assert TicketEvent.objects.filter(kind="received").count() == tickets
    assert LegalAidCase.objects.count() == 8 and DisputeCase.objects.count() == 5
    assert Lawyer.objects.exists()
    for ticket in Ticket.objects.select_related("enterprise", "org"):
        assert ticket.due_on > ticket.received_on
        assert ticket.org_id in (
            ticket.enterprise.covering_union_id,
            ticket.enterprise.territory_id,
        )
    for case in LegalAidCase.objects.exclude(lawyer=None).select_related("lawyer", "org"):
        assert case.org.path.startswith(case.lawyer.org.path)
    figures = rights_stats(Org.objects.get(depth=1))
    assert figures["tickets"] == tickets
    assert 50 < figures["on_time_rate"] <= 100
    first = list(Ticket.objects.order_by("pk").values_list("subject", "received_on"))
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    assert list(Ticket.objects.order_by("pk").values_list("subject", "received_on")) == first
