import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from dues import participation, selectors
from dues.models import DuesRecord
from members import actions as member_actions
from members.models import Member
from members.tests.factories import make_member
from orgs.choices import OrgLevel
from orgs.tests.factories import make_org

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2026, 7, 15)  # window: 2026-01 … 2026-06
OLD = datetime.date(2024, 1, 1)


def month(year, number):
    return datetime.date(year, number, 1)


@pytest.fixture
def cast(city, record_dues):
    """Members of union A (which keeps its dues here), one per situation."""
    union = city.union_a
    lapsed = make_member(union, name="欠缴甲", joined_on=OLD)
    record_dues(lapsed, month(2025, 11), paid=True)
    record_dues(lapsed, month(2026, 2))  # unpaid in the window
    paid_once = make_member(union, name="缴过乙", joined_on=OLD)
    record_dues(paid_once, month(2026, 5), paid=True)
    never = make_member(union, name="从未丙", joined_on=OLD)
    newcomer = make_member(union, name="新会员丁", joined_on=datetime.date(2026, 3, 1))
    left = make_member(union, name="退会戊", joined_on=OLD)
    member_actions.member_change_status(
        actor=None, member=left, change_type="6", reason="5", on=datetime.date(2026, 1, 5)
    )
    kept = make_member(union, name="保留己", joined_on=OLD)
    member_actions.member_change_status(
        actor=None, member=kept, change_type="3", reason="3", on=datetime.date(2025, 6, 1)
    )
    exempt = make_member(union, name="免缴庚", joined_on=OLD)
    DuesRecord.objects.create(
        member=exempt,
        org=union,
        month=month(2026, 4),
        wage_base=0,
        amount=0,
        status="exempt",
    )
    # A union of the same district that keeps no dues here: its members are not judged.
    other_union = make_org(city.street_a, OrgLevel.GRASSROOTS, name="无会费工会", code="UA2")
    elsewhere = make_member(other_union, name="别处辛", joined_on=OLD)
    lapsed_b = make_member(city.union_b, name="乙区欠缴", joined_on=OLD)
    record_dues(lapsed_b, month(2026, 1))
    return {
        "lapsed": lapsed,
        "paid_once": paid_once,
        "never": never,
        "newcomer": newcomer,
        "left": left,
        "kept": kept,
        "exempt": exempt,
        "elsewhere": elsewhere,
        "lapsed_b": lapsed_b,
    }


def statuses():
    return dict(Member.objects.values_list("pk", "status"))


def names(queryset):
    return sorted(m.name for m in queryset)


def test_review_list_names_active_members_without_dues_or_participation(
    city, cast, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = list(selectors.members_to_review(city.district_a, AS_OF))
    assert names(found) == ["从未丙", "欠缴甲"]
    last_paid = {m.name: m.last_paid_month for m in found}
    assert last_paid == {"从未丙": None, "欠缴甲": month(2025, 11)}
    assert names(selectors.members_to_review(city.city, AS_OF)) == ["乙区欠缴", "从未丙", "欠缴甲"]
    assert names(selectors.members_to_review(city.district_b, AS_OF)) == ["乙区欠缴"]


def test_the_window_is_the_last_six_full_months():
    assert selectors.review_window(AS_OF) == (month(2026, 1), month(2026, 7))
    assert selectors.review_window(datetime.date(2026, 3, 1)) == (month(2025, 9), month(2026, 3))


def test_a_payment_in_the_window_or_after_it_decides(city, cast, record_dues):
    record_dues(cast["lapsed"], month(2026, 6), paid=True)
    assert names(selectors.members_to_review(city.district_a, AS_OF)) == ["从未丙"]
    # A payment only after the window does not count for it.
    record_dues(cast["never"], month(2026, 7), paid=True)
    assert names(selectors.members_to_review(city.district_a, AS_OF)) == ["从未丙"]


def test_taking_part_in_union_life_keeps_a_member_off_the_list(
    city, cast, django_assert_num_queries
):
    never = cast["never"]

    def took_part(member_ids, start, end):
        # The review asks every source for any member (None), not for its candidates.
        assert member_ids is None and (start, end) == (month(2026, 1), month(2026, 7))
        return Member.objects.filter(pk=never.pk).values("pk")

    participation.register("test-activities", took_part)
    try:
        with django_assert_num_queries(1):
            found = names(selectors.members_to_review(city.district_a, AS_OF))
    finally:
        participation.unregister("test-activities")
    assert found == ["欠缴甲"]


def test_the_review_looks_back_from_the_latest_recorded_month(city, cast):
    records = DuesRecord.objects.filter(org__path__startswith=city.district_a.path)
    assert selectors.review_as_of(records, datetime.date(2027, 3, 9)) == month(2026, 6)
    assert selectors.review_as_of(records, datetime.date(2026, 5, 9)) == datetime.date(2026, 5, 9)
    assert selectors.review_as_of(DuesRecord.objects.none(), AS_OF) == AS_OF


def test_review_page_is_scoped_masked_exportable_and_removes_nobody(
    client_for, people, city, cast, django_assert_max_num_queries
):
    client = client_for(people.district_a_admin)
    url = reverse("dues:review")
    before = statuses()
    with django_assert_max_num_queries(10):
        page = client.get(url)
    html = page.content.decode()
    assert "欠缴甲" in html and "从未丙" in html
    assert "乙区欠缴" not in html and "缴过乙" not in html
    assert "2025-11" in html  # the last paid month
    # The window ends with the latest month recorded in scope (2026-05), not today's month.
    assert "2025-12" in html and "2026-05" in html
    assert "**********" in html
    found = client.get(url, {"q": "qjj"}).content.decode()
    assert "欠缴甲" in found and "从未丙" not in found
    narrowed = client.get(url, {"org": city.union_a.pk}).content.decode()
    assert "欠缴甲" in narrowed
    export = client.get(url, {"export": "xlsx"})
    rows = list(
        openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
    )
    assert len(rows) == 3 and all("*" in str(row[2]) for row in rows[1:])
    assert statuses() == before  # the list never changes a membership


def test_dues_figures_of_a_subtree(city, cast, django_assert_num_queries):
    with django_assert_num_queries(3):
        stats = selectors.dues_stats(city.district_a, today=datetime.date(2026, 7, 15))
    assert stats["year"] == 2026
    assert stats["records_due"] == 2 and stats["records_paid"] == 1
    assert stats["amount_paid"] == "25.00" and stats["amount_due"] == "50.00"
    assert stats["payment_rate"] == 50.0
    assert stats["to_review"] == 2
    # Early next year, before any month of it is recorded, the figures are last year's.
    early = selectors.dues_stats(city.district_a, today=datetime.date(2027, 1, 20))
    assert (early["year"], early["records_due"], early["to_review"]) == (2026, 2, 2)
    assert selectors.dues_stats(city.union_b, today=datetime.date(2026, 7, 15))["year"] == 2026


def test_a_row_without_a_member_does_not_empty_the_list(city, cast):
    """A team's contest entry has no member: a NULL in a NOT IN list would exclude all."""
    from contests.choices import EntryKind
    from contests.tests.factories import make_contest, make_entry

    contest = make_contest(None, city.district_a)  # March to June 2026: in the window
    make_entry(None, contest, city.union_a, "焊接班组", kind=EntryKind.TEAM, count=5)
    assert names(selectors.members_to_review(city.district_a, AS_OF)) == ["从未丙", "欠缴甲"]
