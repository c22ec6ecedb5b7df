import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from core.scoping import OutOfScope
from members import actions
from members.models import Member, Transfer
from members.tests.factories import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def member(city):
    return make_member(city.union_a, name="周转会", enterprise=city.enterprise_a)


def test_transfer_across_districts_is_seen_by_both_sides_and_moves_on_acceptance(
    client_for, people, city, member
):
    transfer = actions.transfer_request(
        actor=people.district_a_admin, member=member, to_org_code="UB", reason="1"
    )
    assert Member.objects.get(pk=member.pk).org == city.union_a  # not moved yet
    for cadre in (people.district_a_admin, people.district_b_admin):
        listing = client_for(cadre).get(reverse("members:transfer-list")).content.decode()
        assert "周转会" in listing
    with pytest.raises(OutOfScope):
        actions.transfer_accept(actor=people.district_a_admin, transfer=transfer)
    actions.transfer_accept(actor=people.district_b_admin, transfer=transfer)
    moved = Member.objects.get(pk=member.pk)
    assert moved.org == city.union_b and moved.enterprise is None
    assert [c.change_type for c in moved.changes.order_by("id")] == ["1", "4", "2"]
    assert not Member.objects.visible_to(people.district_a_admin).filter(pk=member.pk).exists()
    assert Member.objects.visible_to(people.district_b_admin).filter(pk=member.pk).exists()


def test_transfer_request_validation_in_chinese_and_nothing_written(people, member):
    with pytest.raises(ValidationError) as error:
        actions.transfer_request(
            actor=people.district_a_admin, member=member, to_org_code="NOPE", reason=""
        )
    assert "NOPE" in error.value.message_dict["to_org_code"][0]
    assert "原因" in error.value.message_dict["reason"][0]
    with pytest.raises(ValidationError):
        actions.transfer_request(
            actor=people.district_a_admin, member=member, to_org_code="UA", reason="1"
        )
    assert Transfer.objects.count() == 0


def test_one_pending_transfer_at_a_time_and_answers_are_final(people, member):
    transfer = actions.transfer_request(
        actor=people.district_a_admin, member=member, to_org_code="UB", reason="1"
    )
    with pytest.raises(ValidationError):
        actions.transfer_request(
            actor=people.district_a_admin, member=member, to_org_code="SB", reason="1"
        )
    with pytest.raises(ValidationError):
        actions.transfer_reject(actor=people.district_b_admin, transfer=transfer, note="")
    actions.transfer_reject(actor=people.district_b_admin, transfer=transfer, note="查无此人")
    with pytest.raises(ValidationError):
        actions.transfer_accept(actor=people.district_b_admin, transfer=transfer)
    assert Member.objects.get(pk=member.pk).org_id == member.org_id


def test_sender_can_withdraw(people, member):
    transfer = actions.transfer_request(
        actor=people.district_a_admin, member=member, to_org_code="UB", reason="1"
    )
    with pytest.raises(OutOfScope):
        actions.transfer_cancel(actor=people.district_b_admin, transfer=transfer)
    actions.transfer_cancel(actor=people.district_a_admin, transfer=transfer)
    assert Transfer.objects.get(pk=transfer.pk).status == "cancelled"


def test_transfer_through_the_pages(client_for, people, city, member):
    sender = client_for(people.district_a_admin)
    response = sender.post(
        reverse("members:transfer", args=[member.pk]),
        {"to_org_code": "UB", "reason": "1", "note": "调动"},
    )
    transfer = Transfer.objects.get()
    assert response.status_code == 302
    page = sender.get(transfer.get_absolute_url()).content.decode()
    assert 'data-testid="accept"' not in page  # only the receiving union answers
    receiver = client_for(people.district_b_admin)
    page = receiver.get(transfer.get_absolute_url()).content.decode()
    assert 'data-testid="accept"' in page
    response = receiver.post(reverse("members:transfer-accept", args=[transfer.pk]), {"note": ""})
    assert response.status_code == 302
    assert Member.objects.get(pk=member.pk).org == city.union_b


def test_transfer_api(api_for, people, city, member):
    sender = api_for(people.district_a_admin)
    created = sender.post(
        "/api/v1/transfers/",
        {"member": member.pk, "to_org_code": "UB", "reason": "1"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    receiver = api_for(people.district_b_admin)
    accepted = receiver.post(f"/api/v1/transfers/{created.json()['id']}/accept/", {}, format="json")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
