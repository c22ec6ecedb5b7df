"""Two requests at once cannot overspend a campaign: real threads, each in its own
transaction on its own connection, against PostgreSQL (SQLite serialises writers, so the
race cannot happen there and the test is skipped)."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from assistance import actions
from assistance.models import Allocation, AssistanceRecord
from assistance.tests.helpers import campaign, member_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite serialises"
    ),
]


def race(*calls):
    """Run the calls in threads released together; returns what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # the outcome under test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_concurrent_payments_cannot_overspend_the_allocation(city, people):
    fund = campaign(city.city, "100000")
    root = fund.allocations.get()
    district = actions.allocation_create(
        actor=None, parent=root, org=city.district_a, amount="100000"
    )
    one, two = member_in(city.union_a, "甲一"), member_in(city.union_a, "甲二")

    def pay(member):
        return lambda: actions.assistance_pay(
            actor=people.district_a_admin,
            allocation=district,
            member=member,
            amount="60000",
            delivered_on=fund.starts_on,
            delivered_by="区总",
        )

    results = race(pay(one), pay(two))
    assert sum(isinstance(r, AssistanceRecord) for r in results) == 1
    assert sum(isinstance(r, ValidationError) for r in results) == 1
    district.refresh_from_db()
    assert district.spent == Decimal("60000.00") and district.balance == Decimal("40000.00")


def test_concurrent_sub_allocations_and_payment_stay_within_the_parent(city, people):
    fund = campaign(city.city, "100000")
    root = fund.allocations.get()
    calls = [
        lambda: actions.allocation_create(
            actor=people.city_admin, parent=root, org=city.district_a, amount="60000"
        ),
        lambda: actions.allocation_create(
            actor=people.city_admin, parent=root, org=city.district_b, amount="60000"
        ),
    ]
    results = race(*calls)
    assert sum(isinstance(r, Allocation) for r in results) == 1
    root.refresh_from_db()
    assert root.sub_allocated == Decimal("60000.00")


def test_the_same_member_paid_twice_at_once_is_paid_once(city, people):
    fund = campaign(city.city, "100000")
    root = fund.allocations.get()
    member = member_in(city.union_a)

    def pay():
        return actions.assistance_pay(
            actor=people.city_admin,
            allocation=root,
            member=member,
            amount="500",
            delivered_on=fund.starts_on,
            delivered_by="市总",
        )

    results = race(pay, pay)
    assert sum(isinstance(r, AssistanceRecord) for r in results) == 1
    root.refresh_from_db()
    assert root.spent == Decimal("500.00")
    assert AssistanceRecord.objects.filter(member=member).count() == 1
