"""The collective-contract timeline and the facts it gives other capabilities."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core import facts
from labour import actions, selectors
from labour.choices import ContractKind, ContractScope, ContractState, ContractStatus
from labour.models import Contract

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC))


def signed_contract(city, actor, *, kind=ContractKind.WAGE):
    contract = actions.contract_request(
        actor=actor,
        org=city.union_a,
        kind=kind,
        title="甲科技有限公司2026年工资专项集体合同",
        requested_on=D(2026, 1, 5),
        enterprise=city.enterprise_a,
    )
    assert contract.reply_due == D(2026, 1, 25)
    actions.contract_reply(actor=actor, contract=contract, replied_on=D(2026, 1, 20))
    return actions.contract_sign(
        actor=actor,
        contract=contract,
        signed_on=D(2026, 2, 20),
        approved_on=D(2026, 2, 10),
        union_chief="王主席",
        employer_chief="李总",
        union_negotiators=5,
        employer_negotiators=5,
        workers_covered=118,
        term_years=1,
        wage_increase="6.5",
    )


def test_a_filed_contract_not_objected_to_is_in_force_from_the_day_after_the_review(
    city, people, time_machine
):
    contract = signed_contract(city, people.union_a_admin)
    assert contract.filing_due == D(2026, 3, 2)
    contract = actions.contract_file(
        actor=people.union_a_admin, contract=contract, filed_on=D(2026, 3, 2)
    )
    # 15 days counted from 3 March: the review ends on 17 March, in force from 18 March.
    assert contract.effective_on == D(2026, 3, 18)
    assert contract.expires_on == D(2027, 3, 17)
    assert contract.state_on(D(2026, 3, 17)) == ContractState.UNDER_REVIEW
    assert contract.state_on(D(2026, 3, 18)) == ContractState.IN_FORCE
    assert contract.state_on(D(2027, 3, 18)) == ContractState.EXPIRED
    ids = [city.enterprise_a.pk, city.enterprise_b.pk]
    assert facts.lookup(facts.CONTRACT_IN_FORCE, ids, on=D(2026, 3, 17)) == {}
    in_force = facts.lookup(facts.CONTRACT_IN_FORCE, ids, on=D(2026, 3, 18))
    assert set(in_force) == {city.enterprise_a.pk}
    assert "2026-03-18" in in_force[city.enterprise_a.pk].evidence
    time_machine.move_to(datetime.datetime(2026, 3, 20, 10, 0, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError):
        actions.contract_publish(
            actor=people.union_a_admin, contract=contract, published_on=D(2026, 3, 17)
        )
    actions.contract_publish(
        actor=people.union_a_admin, contract=contract, published_on=D(2026, 3, 20)
    )
    contract.refresh_from_db()
    assert contract.status == ContractStatus.PUBLISHED
    assert contract.state_on(D(2026, 3, 20)) == ContractState.IN_FORCE


def test_an_objection_sends_the_contract_back_to_negotiation(city, people, time_machine):
    contract = signed_contract(city, people.union_a_admin)
    contract = actions.contract_file(
        actor=people.union_a_admin, contract=contract, filed_on=D(2026, 3, 2)
    )
    time_machine.move_to(datetime.datetime(2026, 3, 12, 10, 0, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError):
        actions.contract_objection(
            actor=people.union_a_admin, contract=contract, received_on=D(2026, 3, 10), opinion=""
        )
    actions.contract_objection(
        actor=people.union_a_admin,
        contract=contract,
        received_on=D(2026, 3, 10),
        opinion="工资增长条款低于本市最低工资调整幅度",
    )
    contract.refresh_from_db()
    assert contract.status == ContractStatus.NEGOTIATING
    assert contract.effective_on is None and contract.filed_on is None
    assert contract.state_on(D(2026, 3, 20)) == ContractState.NEGOTIATING
    assert facts.lookup(facts.CONTRACT_IN_FORCE, [city.enterprise_a.pk], on=D(2026, 3, 20)) == {}
    steps = list(contract.events.values_list("step", flat=True))
    assert steps == ["request", "reply", "sign", "file", "objection"]


def test_signing_rules(city, people):
    contract = actions.contract_request(
        actor=people.union_a_admin,
        org=city.union_a,
        kind=ContractKind.WAGE,
        title="工资专项",
        requested_on=D(2026, 1, 5),
        enterprise=city.enterprise_a,
    )
    actions.contract_reply(actor=people.union_a_admin, contract=contract, replied_on=D(2026, 1, 6))
    with pytest.raises(ValidationError) as error:
        actions.contract_sign(
            actor=people.union_a_admin,
            contract=contract,
            signed_on=D(2026, 2, 1),
            approved_on=D(2026, 2, 5),
            union_chief="王",
            employer_chief="",
            union_negotiators=5,
            employer_negotiators=3,
            workers_covered=500,
            term_years=4,
        )
    assert {
        "approved_on",
        "employer_chief",
        "union_negotiators",
        "workers_covered",
        "term_years",
        "wage_increase",
    } <= set(error.value.message_dict)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.NEGOTIATING


def test_an_expiring_contract_is_on_the_union_todo_list(city, people, time_machine):
    contract = signed_contract(city, people.union_a_admin)
    actions.contract_file(actor=people.union_a_admin, contract=contract, filed_on=D(2026, 3, 2))
    union_contracts = Contract.objects.visible_to(people.union_a_admin)
    todo = selectors.contract_todo(union_contracts, D(2026, 12, 1))
    assert [c.todo for c in todo] == ["publish"]
    # Expires 2027-03-17: from 17 December on it is due for renewal talks.
    todo = selectors.contract_todo(union_contracts, D(2026, 12, 17))
    assert [(c.todo, c.todo_due) for c in todo] == [("renew", D(2027, 3, 17))]
    assert not selectors.contract_todo(
        Contract.objects.visible_to(people.district_b_admin), D(2026, 12, 17)
    ).exists()
    time_machine.move_to(datetime.datetime(2026, 12, 20, 10, 0, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError):
        actions.contract_renew(
            actor=people.union_a_admin, contract=contract, requested_on=D(2026, 12, 1)
        )
    renewal = actions.contract_renew(
        actor=people.union_a_admin, contract=contract, requested_on=D(2026, 12, 18)
    )
    assert renewal.previous == contract
    todo = selectors.contract_todo(union_contracts, D(2026, 12, 20))
    # The renewal awaits its reply; the old contract is off the renewal list (it was never
    # published to staff, which stays on the list).
    assert sorted((c.pk, c.todo) for c in todo) == [(contract.pk, "publish"), (renewal.pk, "reply")]


def test_a_regional_contract_covers_its_enterprises(city, people):
    contract = actions.contract_request(
        actor=people.district_a_admin,
        org=city.street_a,
        kind=ContractKind.COMPREHENSIVE,
        title="东湖街道区域性集体合同",
        requested_on=D(2026, 1, 5),
        coverage=ContractScope.REGIONAL,
        covered_enterprises=[city.enterprise_a2],
    )
    actions.contract_reply(
        actor=people.district_a_admin, contract=contract, replied_on=D(2026, 1, 8)
    )
    actions.contract_sign(
        actor=people.district_a_admin,
        contract=contract,
        signed_on=D(2026, 1, 20),
        approved_on=D(2026, 1, 15),
        union_chief="街道工会主席",
        employer_chief="企业代表",
        union_negotiators=3,
        employer_negotiators=3,
        workers_covered=8,
        term_years=3,
    )
    actions.contract_file(actor=people.district_a_admin, contract=contract, filed_on=D(2026, 1, 25))
    found = facts.lookup(
        facts.CONTRACT_IN_FORCE, [city.enterprise_a2.pk, city.enterprise_a.pk], on=D(2026, 3, 1)
    )
    assert set(found) == {city.enterprise_a2.pk}
    with pytest.raises(ValidationError):
        actions.contract_request(
            actor=people.city_admin,
            org=city.street_a,
            kind=ContractKind.COMPREHENSIVE,
            title="越界",
            requested_on=D(2026, 1, 5),
            coverage=ContractScope.REGIONAL,
            covered_enterprises=[city.enterprise_b],
        )


def test_district_b_cannot_start_a_contract_for_union_a(city, people):
    with pytest.raises(Exception):  # noqa: B017  (OutOfScope)
        actions.contract_request(
            actor=people.district_b_admin,
            org=city.union_a,
            kind=ContractKind.WAGE,
            title="x",
            requested_on=D(2026, 1, 5),
            enterprise=city.enterprise_a,
        )
    assert not Contract.objects.exists()


def test_the_union_workbench_counts_the_contract_to_renew(city, people, client, time_machine):
    contract = signed_contract(city, people.union_a_admin)
    actions.contract_file(actor=people.union_a_admin, contract=contract, filed_on=D(2026, 3, 2))
    time_machine.move_to(datetime.datetime(2026, 12, 20, 10, 0, tzinfo=datetime.UTC))
    client.force_login(people.union_a_admin)
    page = client.get("/").content.decode()
    assert 'data-testid="contracts-to-renew"' in page
    assert 'todo=renew">1</a>' in page
    todo = client.get("/contracts/todo/?todo=renew").content.decode()
    assert contract.title in todo
