"""Two members racing for the last place: exactly one gets it, the other is refused."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from activities import actions
from activities.models import Activity, Registration
from activities.tests.helpers import make_activity
from members.tests.factories import make_member


@pytest.mark.django_db(transaction=True)
def test_two_members_racing_for_the_last_place_get_one_success_and_one_refusal(city):
    if connection.vendor != "postgresql":
        pytest.skip("a real thread race needs a server database; see the sequential test")
    activity = make_activity(city.district_a, capacity=1)
    racers = [make_member(city.union_a, name=f"抢{i}", phone=f"1381234000{i}") for i in (1, 2)]
    barrier = threading.Barrier(2)
    results: list[str] = []

    def register(member):
        barrier.wait()
        try:
            actions.registration_create(member=member, activity=activity)
            results.append("ok")
        except ValidationError as error:
            results.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(m,)) for m in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == sorted(["ok", "名额已满，您可以加入候补名单。"])
    assert Activity.objects.get(pk=activity.pk).places_taken == 1
    assert Registration.objects.filter(activity=activity, status="registered").count() == 1
