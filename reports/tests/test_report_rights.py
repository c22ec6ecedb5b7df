"""Section RIGHTS (维权服务) of the work report and the dashboard: 12351 tickets, legal aid,
disputes and early warning of district A in 2025, built through the apps' own actions;
district B's records are never counted, an empty period prints no achievements."""

import datetime
import io

import docx
import pytest
import time_machine
from django.urls import reverse

from labour import actions as labour_actions
from reports.document import render_docx
from reports.periods import Period
from reports.selectors import build_draft
from rights import actions
from rights.tests.factories import make_dispute, make_lawyer, make_legal_aid, make_ticket

pytestmark = pytest.mark.django_db

YEAR_2025 = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
IN_2025 = datetime.datetime(2025, 6, 10, 10, 0, tzinfo=datetime.UTC)


def _text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def rights_2025(city, people):
    admin = people.district_a_admin
    with time_machine.travel(IN_2025, tick=False):
        group = make_ticket(admin, enterprise=city.enterprise_a, workers_involved=12)
        group = actions.ticket_start(actor=admin, ticket=group)
        actions.ticket_reply(actor=admin, ticket=group, reply="已督促企业支付。", resolved=True)
        question = make_ticket(
            admin, enterprise=city.enterprise_a, kind="consultation", category="contract",
            workers_involved=1,
        )  # fmt: skip
        question = actions.ticket_start(actor=admin, ticket=question)
        actions.ticket_reply(actor=admin, ticket=question, reply="已解答。", resolved=False)
        make_ticket(admin, enterprise=city.enterprise_a, workers_involved=15)  # stays open
        case = make_legal_aid(admin, enterprise=city.enterprise_a, amount="30000")
        case = actions.legal_aid_accept(actor=admin, case=case)
        case = actions.legal_aid_assign(actor=admin, case=case, lawyer=make_lawyer(city.district_a))
        actions.legal_aid_conclude(
            actor=admin, case=case, outcome="upheld", amount_recovered="28000"
        )
        dispute = make_dispute(
            admin, org=city.district_a, enterprise=city.enterprise_a,
            registered_on=datetime.date(2025, 6, 1),
        )  # fmt: skip
        actions.dispute_close(actor=admin, case=dispute, outcome="mediated", amount_agreed="45000")
        contract = labour_actions.contract_request(
            actor=admin, org=city.union_a, kind="wage", title="工资专项集体合同",
            requested_on=datetime.date(2025, 1, 5), enterprise=city.enterprise_a,
        )  # fmt: skip
        labour_actions.contract_reply(
            actor=admin, contract=contract, replied_on=datetime.date(2025, 1, 20)
        )
        contract = labour_actions.contract_sign(
            actor=admin, contract=contract, signed_on=datetime.date(2025, 2, 20),
            approved_on=datetime.date(2025, 2, 10), union_chief="王主席", employer_chief="李总",
            union_negotiators=5, employer_negotiators=5, workers_covered=118, term_years=2,
            wage_increase="6.5",
        )  # fmt: skip
        labour_actions.contract_file(
            actor=admin, contract=contract, filed_on=datetime.date(2025, 3, 2)
        )
        # District B: never counted for A.
        make_ticket(people.district_b_admin, enterprise=city.enterprise_b, workers_involved=40)
    return people


def test_report_prints_the_rights_figures_of_the_district_only(city, rights_2025):
    text = _text(render_docx(build_draft(city.district_a, YEAR_2025)))
    body = text.split("附件：数据来源")[0]
    assert "本期12351热线共受理工单3件" in body  # rights.tickets: B's ticket not counted
    assert "其中问题咨询1件、信访投诉2件" in body
    assert "群体性工单2件" in body
    assert "办结答复工单2件，按期办结率100.0%，化解率50.0%" in body
    assert "受理法律援助申请1件，办结法律援助案件1件，为职工挽回经济损失" in body
    assert "调处劳动争议案件1件，其中调解成功1件，调解成功率100.0%" in body
    assert "本期签订集体合同1份，截至2025年12月31日，有效集体合同1份，覆盖职工118人" in body
    assert "开出劳动关系预警1条" in body  # warning.alerts_opened (enterprise A only)
    assert "西山" not in body
    appendix = text.split("附件：数据来源")[1]
    assert "12351工单受理数" in appendix


def test_an_empty_period_prints_no_rights_achievements(city, rights_2025):
    quiet = Period(datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))
    body = _text(render_docx(build_draft(city.district_a, quiet))).split("附件：数据来源")[0]
    assert "12351" not in body and "法律援助" not in body and "预警" not in body


def test_dashboard_shows_the_risk_panel_and_todos(client_for, city, rights_2025):
    client = client_for(rights_2025.district_a_admin)
    html = client.get(
        reverse("reports:dashboard"), {"from": "2025-01-01", "to": "2025-12-31"}
    ).content.decode()
    assert 'data-testid="risk-panel"' in html
    assert f"?org={city.district_a.pk}&level=yellow" in html
    assert "超期未办结的12351工单" in html  # the open group ticket is long overdue
    assert "待处置的预警" in html
    assert "西山" not in html
