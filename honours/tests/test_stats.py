"""Subtree figures of honours on /api/v1/orgs/{id}/stats/ match the records."""

import pytest
from django.db.models import Count

from honours import actions
from honours.models import HonourTitle
from honours.selectors import honour_stats
from honours.tests.factories import make_nominee

pytestmark = pytest.mark.django_db


def _titles(city):
    rows = [
        (city.union_a, city.enterprise_a, "甲一", "national"),
        (city.union_a, city.enterprise_a, "甲二", "city"),
        (city.union_a, city.enterprise_a, "甲三", "city"),
        (city.union_b, city.enterprise_b, "乙一", "district"),
        (city.union_b, city.enterprise_b, "乙二", "provincial"),
    ]
    for union, enterprise, name, level in rows:
        member = make_nominee(union, enterprise, name=name)
        actions.model_worker_create(
            actor=None, member=member, data={"kind": "model_worker", "level": level, "year": 2020}
        )


def test_counts_by_level_match_the_records_for_every_subtree(api_for, city, people):
    _titles(city)
    api = api_for(people.city_admin)
    for org in (city.city, city.district_a, city.district_b, city.street_a, city.union_b):
        served = api.get(f"/api/v1/orgs/{org.pk}/stats/").json()["honours"]
        expected = dict(
            HonourTitle.objects.filter(org__path__startswith=org.path)
            .values_list("level")
            .annotate(n=Count("pk"))
        )
        assert {k: v for k, v in served["titles_by_level"].items() if v} == expected, org
        assert served["titles"] == sum(expected.values())
    whole = honour_stats(city.city)
    assert whole["titles_by_level"] == {
        "national": 1,
        "provincial": 1,
        "city": 2,
        "district": 1,
    }
    assert whole["model_workers"] == 5


def test_stats_use_a_fixed_number_of_queries(city, django_assert_num_queries):
    _titles(city)
    with django_assert_num_queries(4):
        honour_stats(city.city)


def test_org_page_shows_the_honour_figures(client, city, people):
    _titles(city)
    client.force_login(people.district_a_admin)
    page = client.get(city.district_a.get_absolute_url()).content.decode()
    assert 'data-testid="honour-stats"' in page
