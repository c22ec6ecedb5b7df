"""Capacity holds under concurrency: two members asking for the last place at once get
one request, not two. Needs real concurrent transactions, so PostgreSQL only (SQLite
serialises writers by itself: its transactions begin IMMEDIATE)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from services import actions
from services.models import ServiceRequest
from services.tests.factories import make_service, service_member

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_two_members_racing_for_the_last_place_get_one_request(city):
    service = make_service(city.district_a, capacity=1)
    members = [service_member(city.union_a, name=f"抢名额{i}") for i in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def ask(member):
        try:
            barrier.wait()
            actions.request_submit(member=member, service=service, details="报名")
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(m,)) for m in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ServiceRequest.objects.filter(service=service).count() == 1
    assert outcomes.count("ok") == 1 and len(outcomes) == 2  # the other got the "full" message
