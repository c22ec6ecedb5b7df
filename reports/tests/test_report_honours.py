"""The 选树表彰 and 劳模 part of the 建功立业 sub-section of the drafted work report: titles
awarded, nominations and their public notice, the model-worker registry and its care, built
through the honours actions, counted for the right subtree and period, and written into
the .docx."""

import datetime
import io
from decimal import Decimal

import docx
import pytest

from honours import actions
from honours.tests.conftest import no_fact_providers  # noqa: F401  (autouse: no veto facts)
from honours.tests.factories import make_nominee, make_programme, nominate
from reports import figures
from reports.document import render_docx
from reports.periods import Period
from reports.selectors import build_draft

pytestmark = pytest.mark.django_db

YEAR_2026 = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
YEAR_2025 = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


def _at(time_machine, day: datetime.date):
    time_machine.move_to(datetime.datetime(day.year, day.month, day.day, 10, tzinfo=datetime.UTC))


def _text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs).split("附件：数据来源")[0]


def _to_notice(programme, nomination, sender, reviewer, city_admin):
    actions.nomination_submit(actor=sender, nomination=nomination)
    actions.nomination_forward(actor=reviewer, nomination=nomination)
    actions.notice_open(actor=city_admin, programme=programme, nominations=[nomination])


@pytest.fixture
def honours(city, people, time_machine):
    """The city's 2026 五一劳动奖章: district A nominates 钱甲 (put to notice and awarded on
    23 March), 钱乙 (still in review) and 钱丙 (a draft); district B nominates 赵甲 (awarded
    too). A's registry also holds 孙老, titled in 2015 and given a district title dated 31
    December 2025, in hardship. Care: 钱甲 visited on 10 March (1000 yuan), 孙老 visited on
    31 December 2025 and assisted with 3000 yuan on 20 March, 赵甲 visited (800 yuan)."""
    _at(time_machine, datetime.date(2026, 3, 16))
    programme = make_programme(city.city)
    first = make_nominee(city.union_a, city.enterprise_a, name="钱甲")
    awarded_a = nominate(programme, city.union_a, first, actor=people.union_a_admin)
    _to_notice(
        programme, awarded_a, people.union_a_admin, people.district_a_admin, people.city_admin
    )
    in_review = nominate(
        programme,
        city.union_a,
        make_nominee(city.union_a, city.enterprise_a, name="钱乙"),
        actor=people.union_a_admin,
    )
    actions.nomination_submit(actor=people.union_a_admin, nomination=in_review)
    nominate(
        programme,
        city.union_a,
        make_nominee(city.union_a, city.enterprise_a, name="钱丙"),
        actor=people.union_a_admin,
    )
    awarded_b = nominate(
        programme,
        city.union_b,
        make_nominee(city.union_b, city.enterprise_b, name="赵甲"),
        actor=people.district_b_admin,
    )
    _to_notice(
        programme, awarded_b, people.district_b_admin, people.district_b_admin, people.city_admin
    )
    _at(time_machine, datetime.date(2026, 3, 23))
    for nomination in (awarded_a, awarded_b):
        actions.nomination_approve(actor=people.city_admin, nomination=nomination)
        actions.nomination_award(
            actor=people.city_admin,
            nomination=nomination,
            awarded_on=datetime.date(2026, 3, 23),
            document_number="示工发〔2026〕8号",
        )
    veteran = actions.model_worker_create(
        actor=people.union_a_admin,
        member=make_nominee(city.union_a, city.enterprise_a, name="孙老"),
        data={"kind": "model_worker", "level": "provincial", "year": 2015},
    )
    actions.title_record(
        actor=people.union_a_admin,
        model_worker=veteran,
        data={
            "kind": "advanced_worker",
            "level": "district",
            "year": 2025,
            "awarded_on": datetime.date(2025, 12, 31),
        },
    )
    actions.model_worker_update(
        actor=people.union_a_admin,
        model_worker=veteran,
        data={"status": "retired", "in_hardship": True, "hardship_note": "重病", "notes": ""},
    )
    _at(time_machine, datetime.date(2026, 3, 25))
    workers = {w.name: w for w in awarded_a.org.model_workers.all()}
    workers |= {w.name: w for w in awarded_b.org.model_workers.all()}
    for worker, kind, on, amount, visitors in (
        (workers["钱甲"], "visit", datetime.date(2026, 3, 10), "1000", "区总领导"),
        (veteran, "visit", datetime.date(2025, 12, 31), "500", "区总领导"),
        (veteran, "hardship_aid", datetime.date(2026, 3, 20), "3000", ""),
        (workers["赵甲"], "visit", datetime.date(2026, 3, 11), "800", "区总领导"),
    ):
        actions.care_record(
            actor=people.city_admin,
            model_worker=worker,
            kind=kind,
            on=on,
            amount=Decimal(amount),
            visitors=visitors,
        )
    return city


def test_figures_count_the_district_and_the_city(honours, django_assert_max_num_queries):
    city = honours
    keys = [f.key for f in figures.registered() if f.key.startswith("honours.")]
    # One aggregate query per set: titles, nominations, registry, care.
    with django_assert_max_num_queries(4):
        district = figures.compute(city.district_a, YEAR_2026, keys)
    assert district["honours.titles"].value == 1
    assert district["honours.titles_city"].value == 1
    assert district["honours.titles_labour_medal"].value == 1
    assert district["honours.titles_district"].value == 0
    assert district["honours.nominated"].value == 2  # the draft is not put forward
    assert district["honours.noticed"].value == 1
    assert district["honours.model_workers"].value == 2
    assert district["honours.model_workers_in_hardship"].value == 1
    assert district["honours.visits"].value == 1
    assert district["honours.cared"].value == 2
    assert district["honours.care_amount"].text() == "4000元"
    assert district["honours.hardship_aid"].text() == "3000元"

    whole = figures.compute(city.city, YEAR_2026, keys)
    assert whole["honours.titles"].value == whole["honours.titles_labour_medal"].value == 2
    assert whole["honours.nominated"].value == 3 and whole["honours.noticed"].value == 2
    assert whole["honours.model_workers"].value == 3
    assert whole["honours.visits"].value == 2 and whole["honours.cared"].value == 3
    assert whole["honours.care_amount"].value == Decimal("4800")

    by_child = figures.compute_by_child(city.city, YEAR_2026, keys)
    assert by_child[city.district_b.path]["honours.titles"].value == 1
    assert by_child[city.district_b.path]["honours.care_amount"].value == Decimal("800")
    assert by_child[city.district_a.path]["honours.cared"].value == 2


def test_period_boundaries(honours):
    city = honours
    last_year = figures.compute(city.district_a, YEAR_2025)
    assert last_year["honours.titles"].value == last_year["honours.titles_district"].value == 1
    assert last_year["honours.titles_advanced_worker"].value == 1
    assert last_year["honours.visits"].value == 1 and last_year["honours.nominated"].value == 0
    before_the_visit = Period(datetime.date(2026, 1, 1), datetime.date(2026, 3, 9))
    early = figures.compute(city.district_a, before_the_visit)
    assert early["honours.visits"].value == 0 and early["honours.titles"].value == 0
    assert early["honours.nominated"].value == 2  # the meetings were on 2 March
    # The notice ran 16–20 March: a period ending on its first day sees it.
    assert (
        figures.compute(
            city.district_a, Period(before_the_visit.start, datetime.date(2026, 3, 16))
        )["honours.noticed"].value
        == 1
    )
    assert early["honours.noticed"].value == 0


def test_report_writes_the_honours_paragraph(honours):
    text = _text(render_docx(build_draft(honours.district_a, YEAR_2026)))
    assert "新获评各级荣誉称号1项（市级1项），其中五一劳动奖章1项" in text
    assert "通过民主推荐产生先进候选对象2个，对1个候选对象进行公示" in text
    assert "在册劳动模范2人（其中困难劳模1人）" in text
    assert "落实劳模待遇和关怀2人，其中走访慰问1人次" in text
    assert "发放慰问金、津贴和帮扶资金4000元，其中困难劳模帮扶资金3000元" in text
    assert "赵甲" not in text and "4800" not in text


def test_a_quiet_period_has_no_honours_paragraph(honours):
    draft = build_draft(
        honours.district_a, Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    )
    sections = {section.key: section for section in draft.sections}
    assert not sections["contribution"].paragraphs
    text = _text(render_docx(draft))
    assert "劳动模范" not in text and "0项" not in text and "0人" not in text
