"""Calls for works (作品征集): members send works from the phone, the host sends them to
judging, the C10 panel scores them and the award comes back to the member."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from activities import actions, works
from activities.models import Activity, Submission
from activities.tests.helpers import close_call, make_works_call, work_file
from contests import actions as contest_actions
from contests.choices import ContestKind, ContestStatus, StageRound
from contests.models import ContestEntry, StageEntry
from contests.tests.factories import make_stage, make_user, score, seat
from core.models import AuditEntry
from members.tests.factories import make_member
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(city):
    return make_works_call(city.district_a, capacity=2)


@pytest.fixture
def poet(city):
    return make_member(city.union_a, name="李诗人", phone="13800001111")


def test_a_member_sends_a_poem_and_takes_a_place(call, poet):
    submission = works.submission_save(
        member=poet, activity=call, title="劳动者之歌", text="钢花飞溅\n汗水闪光"
    )
    call.refresh_from_db()
    assert submission.status == "submitted" and call.places_taken == 1
    # Changing the work keeps the place.
    works.submission_save(member=poet, activity=call, title="劳动者之歌（修改）", text="新的诗句")
    call.refresh_from_db()
    assert call.places_taken == 1
    assert Submission.objects.get().title == "劳动者之歌（修改）"


def test_a_work_needs_a_title_and_a_text_or_a_file(call, poet):
    with pytest.raises(ValidationError) as error:
        works.submission_save(member=poet, activity=call, title=" ", text="")
    assert error.value.message_dict == {
        "title": ["请为作品填写标题。"],
        "text": ["请在此填写作品内容，或上传作品文件。"],
    }
    assert not Submission.objects.exists()
    assert Activity.objects.get(pk=call.pk).places_taken == 0


def test_a_file_of_the_wrong_type_is_refused_and_nothing_is_written(call, poet):
    with pytest.raises(ValidationError) as error:
        works.submission_save(
            member=poet, activity=call, title="摄影", upload=work_file("virus.exe")
        )
    assert "不接受 exe 类型的文件" in error.value.message_dict["file"][0]
    assert not Submission.objects.exists()


def test_the_last_place_goes_to_one_member_only(call, poet, city):
    works.submission_save(member=poet, activity=call, title="一", text="诗一")
    second = make_member(city.union_a, name="王二", phone="13800002222")
    works.submission_save(member=second, activity=call, title="二", text="诗二")
    third = make_member(city.union_a, name="张三", phone="13800003333")
    with pytest.raises(ValidationError) as error:
        works.submission_save(member=third, activity=call, title="三", text="诗三")
    assert error.value.messages == ["本次征集已收满作品。"]
    # A withdrawal frees the place for the next member.
    works.submission_withdraw(member=poet, submission=Submission.objects.get(member=poet))
    works.submission_save(member=third, activity=call, title="三", text="诗三")
    assert Activity.objects.get(pk=call.pk).places_taken == 2


def test_members_outside_the_audience_and_closed_calls_are_refused(call, city, poet):
    outsider = make_member(city.union_b, name="赵外区", phone="13900001111")
    with pytest.raises(ValidationError) as error:
        works.submission_save(member=outsider, activity=call, title="诗", text="诗")
    assert error.value.messages == ["本次征集面向东湖区总工会的会员。"]
    close_call(call)
    with pytest.raises(ValidationError) as error:
        works.submission_save(member=poet, activity=call, title="诗", text="诗")
    assert "作品征集已于" in error.value.messages[0]


def test_a_works_call_takes_no_registrations(call, poet):
    with pytest.raises(ValidationError) as error:
        actions.registration_create(member=poet, activity=call)
    assert error.value.messages == ["本活动为作品征集，请提交作品，无需报名。"]


def test_works_go_to_judging_and_the_award_comes_back(call, poet, city, people, client):
    other = make_member(city.union_a, name="王摄影", phone="13800002222")
    works.submission_save(member=poet, activity=call, title="劳动者之歌", text="钢花飞溅")
    works.submission_save(
        member=other, activity=call, title="车间晨光", upload=work_file("morning.jpg")
    )
    admin = people.district_a_admin
    with pytest.raises(ValidationError) as error:
        works.works_send_to_judging(actor=admin, activity=call)
    assert "截止后才能送评审" in error.value.messages[0]

    close_call(call)
    contest = works.works_send_to_judging(actor=admin, activity=call)
    assert contest.kind == ContestKind.CULTURE and contest.status == ContestStatus.OPEN
    entries = {e.work_title: e for e in ContestEntry.objects.filter(contest=contest)}
    assert set(entries) == {"劳动者之歌", "车间晨光"}
    assert entries["劳动者之歌"].work_text == "钢花飞溅"
    photo = Submission.objects.get(member=other)
    assert entries["车间晨光"].work_file.name == photo.file.name
    assert photo.entry == entries["车间晨光"]
    with pytest.raises(ValidationError):
        works.works_send_to_judging(actor=admin, activity=call)
    with pytest.raises(ValidationError) as error:
        works.submission_withdraw(member=poet, submission=Submission.objects.get(member=poet))
    assert error.value.messages == ["作品已送评审，不能再修改。"]

    # The panel scores the works blind and the awards are given.
    stage = make_stage(
        admin, contest, round=StageRound.FINAL, blind=True, criteria=(("思想性", "1", "100"),)
    )
    judge = make_user("judge-poetry")
    seat(admin, stage, judge)
    contest_actions.stage_open(actor=admin, stage=stage)
    for stage_entry in StageEntry.objects.filter(stage=stage).select_related("entry"):
        score(judge, stage_entry, 95 if stage_entry.entry.work_title == "劳动者之歌" else 80)
    contest_actions.stage_close(actor=admin, stage=stage)
    contest_actions.contest_award(actor=admin, contest=contest, first=1, second=1, third=0)
    assert Submission.objects.select_related("entry").get(member=poet).entry.award == "first"

    # The member sees the award on the phone.
    page = login_member(client, poet).get(reverse("activities:m-detail", args=[call.pk]))
    assert "一等奖" in page.content.decode()


def test_the_phone_form_sends_a_work_with_a_file(call, poet, client):
    login_member(client, poet)
    url = reverse("activities:m-work", args=[call.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "车间晨光", "text": "", "file": work_file("a.jpg")})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.file_name == "a.jpg" and submission.file.name.endswith(".jpg")
    assert "a.jpg" not in submission.file.name  # stored under a random name
    assert AuditEntry.objects.filter(object_id=str(submission.pk)).exists()
    # A wrong type is shown on the form, nothing is changed.
    response = client.post(url, {"title": "新标题", "file": work_file("a.exe")})
    assert response.status_code == 200
    assert "不接受 exe 类型的文件" in response.content.decode()
    assert Submission.objects.get().title == "车间晨光"


def test_cadres_see_the_works_tab_and_other_districts_get_404(call, poet, client_for, people):
    submission = works.submission_save(
        member=poet, activity=call, title="车间晨光", upload=work_file("a.jpg")
    )
    page = client_for(people.district_a_admin).get(
        reverse("activities:detail", args=[call.pk]) + "?tab=registrations"
    )
    text = page.content.decode()
    assert "车间晨光" in text and "李诗人" in text and "作品" in text
    file_url = reverse("activities:work-file", args=[submission.pk])
    assert client_for(people.district_a_admin).get(file_url).status_code == 200
    assert client_for(people.district_b_admin).get(file_url).status_code == 404


def test_judges_open_the_work_by_code_only(call, poet, people, client):
    works.submission_save(
        member=poet, activity=call, title="车间晨光", upload=work_file("李诗人的照片.jpg")
    )
    close_call(call)
    admin = people.district_a_admin
    contest = works.works_send_to_judging(actor=admin, activity=call)
    stage = make_stage(
        admin, contest, round=StageRound.FINAL, blind=True, criteria=(("创意", "1", "100"),)
    )
    judge = make_user("judge-photo")
    seat(admin, stage, judge)
    contest_actions.stage_open(actor=admin, stage=stage)
    stage_entry = StageEntry.objects.get(stage=stage)
    url = reverse("contests:judge-work", args=[stage_entry.pk])
    client.force_login(judge)
    response = client.get(url)
    assert response.status_code == 200
    assert "李诗人" not in response["Content-Disposition"]
    sheet = client.get(reverse("contests:judge-sheet", args=[stage.pk])).content.decode()
    assert "车间晨光" in sheet and "李诗人" not in sheet


def test_a_sent_work_counts_as_taking_part_and_shows_in_the_record(call, poet, people):
    import datetime

    from django.utils import timezone

    from dues import participation

    works.submission_save(member=poet, activity=call, title="劳动者之歌", text="钢花飞溅")
    today = timezone.localdate()
    works_source = participation.sources()["works"]
    taking_part = works_source([poet.pk], today, today + datetime.timedelta(days=1))
    assert [row["member_id"] for row in taking_part] == [poet.pk]
    rows = participation.record(poet, people.district_a_admin)
    assert any("《劳动者之歌》" in row.title and row.status == "已提交" for row in rows)
    assert not participation.record(poet, people.district_b_admin)
