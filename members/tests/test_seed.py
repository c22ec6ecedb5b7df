from io import StringIO

import pytest
from django.core.management import call_command

from core import pii
from members.models import Member, MembershipChange, Transfer
from members.selectors import membership_stats
from orgs.models import Org

pytestmark = pytest.mark.django_db


def test_seed_city_creates_exactly_n_valid_members_with_a_realistic_mix():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    assert Member.objects.count() == 3000
    assert MembershipChange.objects.filter(change_type="1").count() == 3000
    for member in Member.objects.order_by("?")[:25]:
        plain = pii.decrypt(member.id_number_cipher)
        assert pii.normalise_id_number(plain) == plain
        assert pii.blind_index(pii.KIND_ID_NUMBER, plain) == member.id_number_hash
        facts = pii.id_number_facts(plain)
        assert (facts["gender"], facts["birth_date"]) == (member.gender, member.birth_date)
    stats = membership_stats(Org.objects.get(depth=1))
    assert 0.3 < stats["women"] / stats["members"] < 0.55
    assert stats["new_employment_forms"] > 0 and stats["migrant_workers"] > 0
    # A small city keeps a floor of 300 enterprises, so its 入会率 runs low; large ones
    # reach ~75 % (see members/seed.py).
    assert 0 < stats["join_rate"] < 100
    pending = Transfer.objects.filter(status="pending").select_related("from_org", "to_org")
    assert pending.exists()
    for transfer in pending:
        assert transfer.from_org_id == transfer.member.org_id != transfer.to_org_id
        assert transfer.from_org.path[:8] == transfer.to_org.path[:8]  # same district


def test_seed_city_adds_pending_join_applications_routed_by_the_real_rule():
    from members.joining import route_application
    from members.models import JoinApplication

    call_command("seed_city", members=3000, seed=4, flush=True, stdout=StringIO())
    applications = list(
        JoinApplication.objects.select_related("enterprise__territory", "work_area", "org")
    )
    assert len(applications) == 5
    member_ids = set(Member.objects.values_list("id_number_hash", flat=True))
    for application in applications:
        assert application.status == "submitted" and application.org.status == "active"
        routing = route_application(
            employment_form=application.employment_form,
            enterprise=application.enterprise,
            work_area=application.work_area,
        )
        assert (routing.org, routing.route) == (application.org, application.route)
        plain = pii.decrypt(application.id_number_cipher)
        assert pii.normalise_id_number(plain) == plain
        if application.kind == "transfer":
            assert application.existing_member.status == "active"
            assert application.existing_member.org_id != application.org_id
        else:
            assert application.id_number_hash not in member_ids
    assert any(a.employment_form != "standard" for a in applications)
