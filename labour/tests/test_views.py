import datetime

import pytest

from labour import actions
from labour.choices import ContractKind
from labour.models import Congress, Contract, Disclosure, Motion

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def contract(city, people):
    return actions.contract_request(
        actor=None,
        org=city.union_a,
        kind=ContractKind.WAGE,
        title="甲科技工资专项集体合同",
        requested_on=D(2025, 1, 5),
        enterprise=city.enterprise_a,
    )


def test_pages_render(client_for, people, contract, django_assert_max_num_queries):
    client = client_for(people.district_a_admin)
    for url in (
        "/contracts/",
        "/contracts/?state=in_force",
        "/contracts/new/",
        "/contracts/todo/",
        f"/contracts/{contract.pk}/",
        f"/contracts/{contract.pk}/?tab=steps",
        f"/contracts/{contract.pk}/?tab=history",
        f"/contracts/{contract.pk}/reply/",
        "/congresses/",
        "/congresses/new/",
        "/disclosures/",
        "/disclosures/new/",
    ):
        assert client.get(url).status_code == 200, url
    with django_assert_max_num_queries(16):
        page = client.get("/contracts/todo/").content.decode()
    assert "甲科技工资专项集体合同" in page


def test_the_contract_steps_through_the_pages(client_for, people, contract):
    client = client_for(people.union_a_admin)
    assert (
        client.post(f"/contracts/{contract.pk}/reply/", {"replied_on": "2025-01-20"}).status_code
        == 302
    )
    response = client.post(
        f"/contracts/{contract.pk}/sign/",
        {
            "approved_on": "2025-02-01",
            "signed_on": "2025-02-05",
            "union_chief": "王",
            "employer_chief": "李",
            "union_negotiators": 5,
            "employer_negotiators": 4,
            "term_years": 1,
            "workers_covered": 100,
            "wage_increase": "5",
        },
    )
    assert response.status_code == 200 and "双方协商代表人数应当对等" in response.content.decode()
    contract.refresh_from_db()
    assert contract.status == "negotiating"
    response = client.post(
        f"/contracts/{contract.pk}/sign/",
        {
            "approved_on": "2025-02-01",
            "signed_on": "2025-02-05",
            "union_chief": "王",
            "employer_chief": "李",
            "union_negotiators": 5,
            "employer_negotiators": 5,
            "term_years": 1,
            "workers_covered": 100,
            "wage_increase": "5",
        },
    )
    assert response.status_code == 302
    assert (
        client.post(f"/contracts/{contract.pk}/file/", {"filed_on": "2025-02-10"}).status_code
        == 302
    )
    contract.refresh_from_db()
    assert contract.effective_on == D(2025, 2, 26)
    page = client.get(f"/contracts/{contract.pk}/").content.decode()
    assert "2025-02-26" in page


def test_congress_composition_quorum_and_majority(client_for, people, city, contract):
    client = client_for(people.union_a_admin)
    data = {
        "enterprise": city.enterprise_a.pk,
        "kind": "congress",
        "session": "第一届第一次",
        "held_on": "2025-03-01",
        "delegates": 30,
        "frontline_delegates": 12,
        "management_delegates": 8,
        "women_delegates": 10,
        "attended": 25,
    }
    response = client.post("/congresses/new/", data)
    body = response.content.decode()
    assert response.status_code == 200 and "一半" in body and "五分之一" in body
    assert not Congress.objects.exists()
    data |= {"frontline_delegates": 18, "management_delegates": 5}
    assert client.post("/congresses/new/", data).status_code == 302
    congress = Congress.objects.get()
    assert congress.quorate  # 25 of 30 ≥ ⅔
    actions.contract_reply(actor=None, contract=contract, replied_on=D(2025, 1, 20))
    response = client.post(
        f"/congresses/{congress.pk}/motions/new/",
        {
            "kind": "contract",
            "title": "审议工资专项集体合同草案",
            "votes_for": 15,
            "contract": contract.pk,
        },
    )
    assert response.status_code == 302
    motion = Motion.objects.get()
    assert not motion.passed  # 15 is not more than half of all 30 delegates
    client.post(
        f"/congresses/{congress.pk}/motions/new/",
        {"kind": "contract", "title": "再次审议", "votes_for": 16, "contract": contract.pk},
    )
    contract.refresh_from_db()
    assert contract.approved_on == D(2025, 3, 1)
    assert Motion.objects.filter(passed=True).count() == 1


def test_a_small_enterprise_holds_an_assembly_and_discloses(client_for, people, city):
    small = city.enterprise_a2
    small.covering_union = city.union_a
    small.save()
    client = client_for(people.union_a_admin)
    data = {
        "enterprise": small.pk,
        "kind": "congress",
        "session": "2025年职工大会",
        "held_on": "2025-03-01",
        "delegates": 8,
        "attended": 5,
    }
    assert client.post("/congresses/new/", data).status_code == 200
    data["kind"] = "assembly"
    assert client.post("/congresses/new/", data).status_code == 302
    assert not Congress.objects.get().quorate  # 5 of 8 < ⅔
    response = client.post(
        "/disclosures/new/",
        {
            "enterprise": small.pk,
            "disclosed_on": "2025-03-02",
            "channel": "board",
            "topics": "工资调整方案",
        },
    )
    assert response.status_code == 302 and Disclosure.objects.count() == 1


def test_stats_on_the_org_page(client_for, people, city, contract):
    client = client_for(people.district_a_admin)
    page = client.get(f"/orgs/{city.district_a.pk}/").content.decode()
    assert 'data-testid="labour-stats"' in page and 'data-testid="warning-stats"' in page
    stats = client.get(f"/api/v1/orgs/{city.district_a.pk}/stats/").json()
    assert stats["labour"]["unionised_enterprises"] == 1
    assert set(stats["warning"]["enterprises_by_level"]) == {"red", "orange", "yellow", "blue"}
    assert Contract.objects.count() == 1
