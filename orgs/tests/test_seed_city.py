"""seed_city: determinism, tree integrity, level rules, valid USCCs and the demo accounts."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from stdnum.cn import uscc

from core import seeding
from core.choices import Role
from core.models import RoleAssignment
from orgs.choices import (
    ALLOWED_PARENT_LEVELS,
    COVERING_LEVELS,
    FederationKind,
    GrassrootsType,
    OrgLevel,
)
from orgs.models import Election, Enterprise, Org
from orgs.seed import DEMO_PASSWORD, DEMO_USERNAMES, ELECTION_CHECK_DATE, enterprise_count

pytestmark = pytest.mark.django_db

MEMBERS = 2000


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    # Argon2 is deliberately slow; the demo accounts only need a working hash here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed_city(seed=1, *flags):
    out = io.StringIO()
    call_command("seed_city", "--members", str(MEMBERS), "--seed", str(seed), *flags, stdout=out)
    return out.getvalue()


def snapshot():
    org_fields = [f.attname for f in Org._meta.concrete_fields]
    enterprise_fields = [f.attname for f in Enterprise._meta.concrete_fields]
    election_fields = [f.attname for f in Election._meta.concrete_fields]
    return (
        list(Org.objects.order_by("code").values_list(*org_fields)),
        list(Enterprise.objects.order_by("uscc").values_list(*enterprise_fields)),
        list(Election.objects.order_by("org__code", "held_on").values_list(*election_fields)),
    )


def test_same_seed_gives_identical_data_and_another_seed_differs():
    # --flush on the first run too: earlier tests may have advanced the id sequences
    # (PostgreSQL does not roll sequences back with the test transaction).
    seed_city(1, "--flush")
    first = snapshot()
    assert len(first[1]) == enterprise_count(MEMBERS)
    seed_city(1, "--flush")
    # Ids too: --flush resets the id sequences of the emptied tables.
    assert snapshot() == first
    seed_city(2, "--flush")
    other = snapshot()
    assert other[0] != first[0]
    assert other[1] != first[1]


def test_tree_is_consistent_and_follows_the_level_rules():
    seed_city(3)
    assert all(problems == [] for problems in Org.objects.find_problems())

    orgs = list(Org.objects.all())
    by_path = {o.path: o for o in orgs}
    assert {o.level for o in orgs} == set(OrgLevel.values)
    kinds = {o.federation_kind for o in orgs if o.level == OrgLevel.FEDERATION}
    assert kinds == set(FederationKind.values)
    assert {o.grassroots_type for o in orgs if o.level == OrgLevel.GRASSROOTS} == set(
        GrassrootsType.values
    )
    assert len({o.code for o in orgs}) == len(orgs)
    for org in orgs:
        parent = by_path.get(org.path[: -Org.steplen])
        assert (parent.level if parent else None) in ALLOWED_PARENT_LEVELS[org.level], org.code
        assert bool(org.federation_kind) == (org.level == OrgLevel.FEDERATION)
        assert bool(org.grassroots_type) == (org.level == OrgLevel.GRASSROOTS)
        if org.level == OrgLevel.DISTRICT:
            assert len(org.region_code) == 6
        if org.level == OrgLevel.STREET:
            assert len(org.region_code) == 9
            assert org.region_code.startswith(parent.region_code)
        if org.next_election_due:
            assert org.term_years in (3, 5)
            assert seeding.add_years(org.last_election_on, org.term_years) == org.next_election_due
            assert org.founded_on <= org.last_election_on <= ELECTION_CHECK_DATE

    districts = [o for o in orgs if o.level == OrgLevel.DISTRICT]
    assert len(districts) == 9
    for district in districts:
        streets = [o for o in orgs if o.level == OrgLevel.STREET and o.path[:-4] == district.path]
        assert 6 <= len(streets) <= 10

    due = [o.next_election_due for o in orgs if o.next_election_due]
    soon = ELECTION_CHECK_DATE + datetime.timedelta(days=90)
    overdue = sum(d < ELECTION_CHECK_DATE for d in due)
    due_soon = sum(ELECTION_CHECK_DATE <= d <= soon for d in due)
    assert 0 < overdue < len(due) * 0.15
    assert 0 < due_soon < len(due) * 0.2


def test_enterprises_have_valid_unique_usccs_and_plausible_coverage():
    seed_city(4)
    enterprises = list(Enterprise.objects.select_related("territory", "covering_union"))
    codes = [e.uscc for e in enterprises]
    assert all(uscc.is_valid(code) for code in codes)
    assert len(set(codes)) == len(codes)
    assert len({e.name for e in enterprises}) == len(enterprises)
    assert {e.territory.level for e in enterprises} == {OrgLevel.STREET}
    covered = [e for e in enterprises if e.covering_union_id]
    assert {e.covering_union.level for e in covered} <= set(COVERING_LEVELS)
    uncovered_share = 1 - len(covered) / len(enterprises)
    assert 0.15 < uncovered_share < 0.35
    large = [e for e in enterprises if e.employee_count >= 25]
    own = [
        e
        for e in large
        if e.covering_union and e.covering_union.grassroots_type == GrassrootsType.STANDALONE
    ]
    assert 0.7 < len(own) / len(large) < 0.9
    assert any(e.is_platform and e.industry in "GI" for e in enterprises)
    assert Org.objects.filter(
        level=OrgLevel.FEDERATION, federation_kind=FederationKind.INDUSTRY, name__contains="快递"
    ).exists()


def test_demo_users_have_their_roles_and_are_listed():
    out = seed_city(5)
    users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_USERNAMES)}
    assert set(users) == set(DEMO_USERNAMES)
    assert all(u.check_password(DEMO_PASSWORD) for u in users.values())

    def grants(username):
        return [
            (ra.role, ra.org)
            for ra in RoleAssignment.objects.filter(user=users[username]).select_related("org")
        ]

    [(role, city)] = grants("city_admin")
    assert (role, city.level) == (Role.ADMIN, OrgLevel.CITY)
    [(role, district)] = grants("district_admin")
    assert (role, district.level) == (Role.ADMIN, OrgLevel.DISTRICT)
    [(role, street)] = grants("street_admin")
    assert (role, street.level) == (Role.ADMIN, OrgLevel.STREET)
    assert street.path.startswith(district.path)
    [(role, union)] = grants("union_admin")
    assert (role, union.level) == (Role.ADMIN, OrgLevel.GRASSROOTS)
    assert union.path.startswith(street.path)
    [(role, district2)] = grants("district2_admin")
    assert (role, district2.level) == (Role.ADMIN, OrgLevel.DISTRICT)
    assert district2 != district
    assert grants("reviewer") == [(Role.REVIEWER, district)]
    assert grants("worker") == []

    listing = io.StringIO()
    call_command("demo_logins", stdout=listing)
    for text in (out, listing.getvalue()):
        assert all(name in text for name in DEMO_USERNAMES)
        assert DEMO_PASSWORD in text and city.name in text and union.name in text


def test_refuses_to_seed_over_existing_orgs_unless_told():
    seed_city(6)
    count = Org.objects.count()
    with pytest.raises(CommandError, match="--flush"):
        seed_city(7)
    assert "skipping" in seed_city(7, "--if-empty")
    assert Org.objects.count() == count
    seed_city(6, "--flush")
    assert get_user_model().objects.filter(username__in=DEMO_USERNAMES).count() == len(
        DEMO_USERNAMES
    )


def test_registered_generators_run_in_order_and_share_data():
    seen = []

    def probe(ctx):
        seen.append((len(ctx.data["enterprises"]), "demo_logins" in ctx.data, ctx.rng.random()))

    seeding.register("test_probe", order=50)(probe)
    try:
        seed_city(8)
        seed_city(8, "--flush")
    finally:
        seeding._registry.pop("test_probe")
    assert seen[0] == seen[1]  # the probe's own random stream is reproducible
    assert seen[0][0] == enterprise_count(MEMBERS) and seen[0][1] is False


def test_chinese_numbers_in_generated_names():
    from orgs.seed import cn_number

    assert [cn_number(n) for n in (3, 10, 23, 105, 110, 2010)] == [
        "三",
        "十",
        "二十三",
        "一百零五",
        "一百一十",
        "二千零一十",
    ]
