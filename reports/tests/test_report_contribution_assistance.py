"""The 建功立业 and 帮扶救助 sub-sections of the drafted work report: contests, innovation,
hardship files and aid, built through each capability's own actions, counted for the right
subtree and period, and written into the .docx."""

import datetime
import io

import docx
import pytest

from assistance import actions as assistance_actions
from assistance.tests.helpers import campaign, filed_household, member_in
from contests.choices import EntryKind
from contests.tests.factories import make_contest, make_entry, open_contest
from employment import actions as employment_actions
from employment.tests.scope_samples import fair_data, posting_data
from innovation import actions as innovation_actions
from reports import figures
from reports.document import render_docx
from reports.periods import Period
from reports.selectors import build_draft
from skills import actions as skills_actions
from stations import actions as station_actions
from stations.tests.scope_samples import station_data

pytestmark = pytest.mark.django_db

YEAR_2026 = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
TODAY = datetime.date(2026, 3, 2)


def _text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _body(text: str) -> str:
    return text.split("附件：数据来源")[0]


def _submit(actor, org, kind, benefit="0", **extra):
    data = {
        "org": org,
        "kind": kind,
        "title": "焊接夹具改进",
        "submitter_kind": "individual",
        "authors": "张三",
        "description": "改进夹具，减少返工。",
        "estimated_benefit": benefit,
        "submitted_on": datetime.date(2026, 2, 10),
    } | extra
    return innovation_actions.innovation_submit(actor=actor, data=data)


@pytest.fixture
def work(city, people, time_machine):
    """District A in 2026: one contest with two entries (3 and 5 participants); three
    innovations (two renovations, one adopted worth 12.5万元; one proposal); two hardship
    households filed (one deep, one relative), one of them closed, living aid of 500 yuan
    and 1000 yuan of 送温暖 money. District B: a contest, an innovation, a filed household
    and aid — never to be counted for A."""
    time_machine.move_to(TODAY)
    admin_a, admin_b = people.district_a_admin, people.district_b_admin
    contest = make_contest(admin_a, city.district_a, name="东湖区焊工技能大赛")
    open_contest(admin_a, contest)
    make_entry(admin_a, contest, city.union_a, "甲公司一队", kind=EntryKind.TEAM, count=3)
    make_entry(admin_a, contest, city.union_a, "甲公司二队", kind=EntryKind.TEAM, count=5)
    other = make_contest(admin_b, city.district_b, name="西山区技能大赛")
    open_contest(admin_b, other)
    make_entry(admin_b, other, city.union_b, "乙公司队", kind=EntryKind.TEAM, count=40)

    adopted = _submit(admin_a, city.union_a, "renovation", benefit="12.5")
    innovation_actions.innovation_review(actor=admin_a, innovation=adopted, adopted=True)
    _submit(admin_a, city.union_a, "renovation")
    _submit(admin_a, city.union_a, "suggestion")
    _submit(admin_b, city.union_b, "suggestion", benefit="99")

    deep = filed_household(member_in(city.union_a, "困难甲"), time_machine)
    time_machine.move_to(TODAY)
    relative = filed_household(
        member_in(city.union_a, "困难乙"), time_machine, category="relative", income="2400"
    )
    filed_household(member_in(city.union_b, "困难丙"), time_machine)
    on = relative.approved_on
    assistance_actions.file_close(actor=admin_a, file=relative, reason="escaped", closed_on=on)
    assistance_actions.assistance_record(
        actor=admin_a,
        member=deep.member,
        kind="living",
        amount="500",
        fund_source="union_funds",
        delivered_on=on,
        delivered_by="街道 王干事",
    )
    fund = campaign(city.city, "100000")
    root = fund.allocations.get()
    shares = {}
    for org, amount in ((city.district_a, "60000"), (city.district_b, "40000")):
        shares[org] = assistance_actions.allocation_create(
            actor=people.city_admin, parent=root, org=org, amount=amount
        )
    for org, name, amount in (
        (city.district_a, "慰问甲", "1000"),
        (city.district_b, "慰问乙", "7000"),
    ):
        union = city.union_a if org == city.district_a else city.union_b
        assistance_actions.assistance_pay(
            actor=people.city_admin,
            allocation=shares[org],
            member=member_in(union, name),
            amount=amount,
            delivered_on=datetime.date(2026, 1, 20),
            delivered_by="x",
        )
    # Stations: one opened in district A in February with two check-ins; one in B.
    time_machine.move_to(TODAY)
    station = station_actions.station_create(
        actor=None,
        data=station_data(city.street_a, "东湖驿站", opened_on=datetime.date(2026, 2, 1)),
    )
    station_actions.station_check_in(station=station, client="phone-1")
    station_actions.station_check_in(station=station, client="phone-2")
    other_station = station_actions.station_create(
        actor=None,
        data=station_data(city.street_b, "西山驿站", 30.1, 120.1, opened_on=TODAY),
    )
    for n in range(5):
        station_actions.station_check_in(station=other_station, client=f"b-{n}")

    # Employment: a posting of 3 positions, a fair held, one member back at work; B the same.
    time_machine.move_to(TODAY)
    for enterprise, org, union in (
        (city.enterprise_a, city.district_a, city.union_a),
        (city.enterprise_b, city.district_b, city.union_b),
    ):
        employment_actions.job_posting_create(
            actor=None, data=posting_data(enterprise, "焊工"), publish=True
        )
        fair = employment_actions.job_fair_create(
            actor=None, data=fair_data(org, "劳模送岗位", held_on=TODAY + datetime.timedelta(1))
        )
        time_machine.move_to(TODAY + datetime.timedelta(2))
        employment_actions.job_fair_set_status(actor=None, fair=fair, status="held")
        aid = employment_actions.aid_open(
            actor=None,
            member=member_in(union, "失业职工"),
            lost_job_on=TODAY - datetime.timedelta(20),
            reason="layoff",
        )
        employment_actions.aid_reemployed(
            actor=None, aid=aid, reemployed_on=TODAY, new_employer="丁公司"
        )
        time_machine.move_to(TODAY)

    # Skills: a training in each district; one member completes it and gets 2000 yuan.
    for org, name in ((city.union_a, "学员甲"), (city.union_b, "学员乙")):
        training = skills_actions.training_save(
            actor=None,
            data={
                "org": org,
                "name": "电工培训班",
                "kind": "course",
                "trade": "电工",
                "starts_on": datetime.date(2026, 2, 1),
                "ends_on": datetime.date(2026, 2, 28),
                "hours": 40,
                "capacity": None,
                "description": "",
            },
        )
        learner = member_in(org, name)
        enrolment = skills_actions.enrol(
            actor=None, training=training, member=learner, enrolled_on=datetime.date(2026, 1, 20)
        )
        skills_actions.enrolment_finish(
            actor=None, enrolment=enrolment, completed=True, on=datetime.date(2026, 2, 28)
        )
        skills_actions.award_grant(
            actor=None,
            data={
                "org": org,
                "member": learner,
                "kind": "technician",
                "amount": "2000",
                "fund": "union_funds",
                "granted_on": datetime.date(2026, 3, 1),
                "reference": f"{name}证书",
            },
        )
    return city


def test_figures_count_the_district_subtree(city, work):
    values = figures.compute(city.district_a, YEAR_2026)
    assert values["contests.held"].value == 1
    assert values["contests.participants"].value == 8
    assert values["innovation.submitted"].value == 3
    assert values["innovation.renovation"].value == 2 and values["innovation.adopted"].value == 1
    assert values["innovation.benefit"].text() == "12.5万元"
    assert values["assistance.files_filed"].value == 2
    assert values["assistance.files_closed"].value == 1
    assert values["assistance.people"].value == 2
    assert values["assistance.amount"].text() == "1500元"
    assert values["stations.in_service"].value == 1 and values["stations.opened"].value == 1
    assert values["stations.visits"].value == 2
    assert values["employment.postings"].value == 1
    assert values["employment.positions"].value == 3
    assert values["employment.fairs"].value == 1 and values["employment.reemployed"].value == 1
    assert values["skills.trainings"].value == 1 and values["skills.completed"].value == 1
    assert values["skills.award_amount"].text() == "2000元"
    by_child = figures.compute_by_child(city.city, YEAR_2026, ["contests.participants"])
    assert by_child[city.district_b.path]["contests.participants"].value == 40


def test_report_writes_contribution_and_assistance(city, work):
    text = _body(_text(render_docx(build_draft(city.district_a, YEAR_2026))))
    assert "组织劳动和技能竞赛1项" in text
    assert "8人次职工通过2个参赛项目参加竞赛" in text
    assert "职工提出技术创新成果3项（技术革新2项、合理化建议1项）" in text
    assert "其中1项被采纳，采纳率33.3%" in text
    assert "预计创造经济效益12.5万元" in text
    assert "新建困难职工档案2户（深度困难1户、相对困难1户）" in text
    assert "销档困难职工档案1户" in text
    assert "发放帮扶资金1500元，惠及职工2人" in text
    assert "生活救助1人（500元）" in text
    assert "送温暖等专项活动支出1000元" in text
    assert "在用户外劳动者服务站点1个，其中本期新建1个，户外劳动者到站点打卡2人次" in text
    assert "发布就业岗位信息1条、提供岗位3个，举办招聘会1场，帮助失业职工1人实现再就业" in text
    assert "举办技能培训1期，1人结业，发放技能提升补助1笔、2000元" in text
    # District B's contest, innovation and aid are not counted for A.
    assert (
        "西山" not in text and "40人次" not in text and "7000" not in text and "5人次" not in text
    )


def test_an_empty_period_reports_no_contribution_or_assistance(city, work):
    quiet = Period(datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))
    draft = build_draft(city.district_a, quiet)
    sections = {section.key: section for section in draft.sections}
    assert not sections["contribution"].paragraphs and not sections["assistance"].paragraphs
    text = _body(_text(render_docx(draft)))
    assert "竞赛" not in text.replace("劳动和技能竞赛", "")
    assert "0项" not in text and "0户" not in text and "0人" not in text
