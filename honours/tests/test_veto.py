"""一票否决 from the platform's own data, shown to reviewers with the evidence."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core import facts
from honours import actions, selectors
from honours.tests.factories import make_nominee, nominate

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_notice(city, people, programme, nominee):
    nomination = nominate(programme, city.union_a, nominee)
    actions.nomination_submit(actor=people.union_a_admin, nomination=nomination)
    actions.nomination_forward(actor=people.district_a_admin, nomination=nomination)
    actions.notice_open(actor=people.city_admin, programme=programme, nominations=[nomination])
    nomination.refresh_from_db()
    type(nomination).objects.filter(pk=nomination.pk).update(notice_end=datetime.date(2026, 3, 13))
    nomination.refresh_from_db()
    return nomination


def _providers(contract=(), arrears=None, risk=None):
    """Fake providers standing in for the labour-relations and early-warning capabilities."""
    calls = []

    def contracts(ids, on):
        calls.append((tuple(ids), on))
        return {
            i: facts.Fact(True, "2025年工资专项集体合同，至2027-12-31")
            for i in ids
            if i in contract
        }

    facts.register(facts.CONTRACT_IN_FORCE, contracts)
    facts.register(
        facts.WAGE_ARREARS,
        lambda ids, on: {i: facts.Fact(True, e) for i, e in (arrears or {}).items() if i in ids},
    )
    facts.register(
        facts.RISK_LEVEL,
        lambda ids, on: {i: facts.Fact(v, f"预警等级 {v}") for i, v in (risk or {}).items()},
    )
    return calls


def test_without_providers_the_checks_read_no_data_and_do_not_veto(in_notice, people):
    results = selectors.veto_checks([in_notice])[in_notice.pk]
    assert [(r.check, r.outcome) for r in results] == [
        ("no_union", "pass"),
        ("no_contract", "no_data"),
        ("wage_arrears", "no_data"),
        ("red_warning", "no_data"),
    ]
    actions.nomination_approve(actor=people.city_admin, nomination=in_notice)


def test_arrears_and_a_missing_contract_veto_with_their_evidence(city, in_notice, people):
    enterprise = city.enterprise_a.pk
    calls = _providers(arrears={enterprise: "欠薪 2 个月，涉及 40 人"})
    results = {r.check: r for r in selectors.veto_checks([in_notice])[in_notice.pk]}
    assert results["no_contract"].outcome == "veto"
    assert results["wage_arrears"].outcome == "veto"
    assert results["wage_arrears"].evidence == "欠薪 2 个月，涉及 40 人"
    assert results["red_warning"].outcome == "pass"
    assert calls == [((enterprise,), datetime.date(2026, 3, 16))]
    with pytest.raises(ValidationError) as error:
        actions.nomination_approve(actor=people.city_admin, nomination=in_notice)
    text = " ".join(error.value.messages)
    assert "One-vote veto" in text and "欠薪 2 个月" in text
    in_notice.refresh_from_db()
    assert in_notice.status == "in_notice"


def test_red_warning_vetoes_and_a_contract_in_force_passes(city, in_notice, people):
    enterprise = city.enterprise_a.pk
    _providers(contract={enterprise}, risk={enterprise: "red"})
    results = {r.check: r for r in selectors.veto_checks([in_notice])[in_notice.pk]}
    assert results["no_contract"].outcome == "pass"
    assert "2025年工资专项集体合同" in results["no_contract"].evidence
    assert (results["red_warning"].outcome, results["red_warning"].evidence) == (
        "veto",
        "预警等级 red",
    )
    facts.register(facts.RISK_LEVEL, lambda ids, on: {enterprise: facts.Fact("orange", "")})
    actions.nomination_approve(actor=people.city_admin, nomination=in_notice)


def test_an_employer_without_a_union_is_vetoed(city, people, programme):
    member = make_nominee(city.union_a, city.enterprise_a2, name="吴丙")
    nomination = nominate(programme, city.union_a, member)
    results = {r.check: r for r in selectors.veto_checks([nomination])[nomination.pk]}
    assert results["no_union"].outcome == "veto"
    assert "丙商贸有限公司" in results["no_union"].evidence


def test_veto_tab_shows_the_evidence_to_the_reviewer(client, city, in_notice, people):
    _providers(arrears={city.enterprise_a.pk: "欠薪 2 个月，涉及 40 人"})
    client.force_login(people.city_admin)
    page = client.get(in_notice.get_absolute_url(), {"tab": "veto"}).content.decode()
    assert "欠薪 2 个月，涉及 40 人" in page and 'data-testid="veto-wage_arrears"' in page
    overview = client.get(in_notice.get_absolute_url()).content.decode()
    assert "一票否决：" in overview  # the notice banner says why approval is blocked
