"""Files attached to a notice: upload rules with Chinese errors, all-or-nothing publishing,
and downloads only for cadres and members who see the notice."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities import notices
from activities.models import Notice, NoticeAttachment
from members.tests.factories import make_member
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 reading month plan"


def _pdf(name="读书月方案.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _form(org, **extra):
    return {
        "org": org.pk,
        "kind": "notice",
        "audience": "members",
        "title": "关于开展读书月活动的通知",
        "body": "请各级工会组织职工参加。",
        **extra,
    }


def _publish(org, files=(), **extra):
    data = {
        "org": org,
        "kind": "notice",
        "audience": "members",
        "title": "带附件的通知",
        "body": "见附件。",
        **extra,
    }
    return notices.notice_publish(actor=None, data=data, files=files)


def _stored_files(media_root):
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


def test_cadre_publishes_with_files_listed_and_downloaded(client_for, people, city, media_in_tmp):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("activities:notice-create"),
        _form(city.district_a, files=[_pdf(), _pdf("报名表.xlsx", b"PK\x03\x04sheet")]),
    )
    notice = Notice.objects.get()
    assert response.status_code == 302
    assert [a.name for a in notice.attachments.all()] == ["读书月方案.pdf", "报名表.xlsx"]
    stored = notice.attachments.first().file.name
    assert "读书月" not in stored and stored.endswith(".pdf")  # a random stored name
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "读书月方案.pdf" in page and "报名表.xlsx" in page
    download = client.get(notice.attachments.first().get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"


def test_one_bad_file_refuses_the_whole_notice(client_for, people, city, media_in_tmp):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("activities:notice-create"),
        _form(city.district_a, files=[_pdf(), _pdf("setup.exe", b"MZ\x90\x00")]),
    )
    assert response.status_code == 200
    assert "setup.exe：不接受 exe 类型的文件" in response.content.decode()
    assert not Notice.objects.exists() and not NoticeAttachment.objects.exists()
    assert _stored_files(media_in_tmp) == []


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (lambda: [_pdf(f"附件{i}.pdf") for i in range(6)], "每条通知最多 5 个附件。"),
        (lambda: [_pdf("空白.pdf", b"")], "空白.pdf：文件是空的。"),
        (lambda: [_pdf("大文件.pdf", b"x" * 80)], "大文件.pdf：文件超过"),
    ],
)
def test_count_size_and_empty_files_are_refused_in_chinese(
    client_for, people, city, settings, files, message
):
    settings.GONGHUI = {**settings.GONGHUI, "UPLOAD_MAX_BYTES": 50}
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("activities:notice-create"), _form(city.district_a, files=files())
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Notice.objects.exists()


def test_cadre_downloads_are_scoped(client_for, people, city):
    for_members = _publish(city.district_a, files=[_pdf()])
    for_cadres = _publish(city.city, files=[_pdf("统计表.pdf")], audience="cadres")
    own = for_members.attachments.get()
    inbox = for_cadres.attachments.get()
    client = client_for(people.district_b_admin)
    assert client.get(own.get_absolute_url()).status_code == 404
    # The city's notice for cadres reaches district B's inbox, its file too.
    assert client.get(inbox.get_absolute_url()).status_code == 200
    client = client_for(people.union_a_admin)
    assert client.get(own.get_absolute_url()).status_code == 404  # for members, not cadres
    detail = client.get(reverse("activities:inbox-detail", args=[for_cadres.pk])).content.decode()
    assert "统计表.pdf" in detail and inbox.get_absolute_url() in detail


def test_members_download_only_what_their_feed_holds(client, city):
    reader = make_member(city.union_a, name="读者", phone="13811113331")
    outsider = make_member(city.union_b, name="外区", phone="13822223333")
    notice = _publish(city.district_a, files=[_pdf()])
    for_cadres = _publish(city.city, files=[_pdf("干部材料.pdf")], audience="cadres")
    attachment = notice.attachments.get()
    url = attachment.get_member_url()
    assert client.get(url).status_code == 302  # signed-out: to the sign-in page
    login_member(client, reader)
    page = client.get(reverse("activities:m-notice", args=[notice.pk])).content.decode()
    assert "读书月方案.pdf" in page and url in page
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert client.get(for_cadres.attachments.get().get_member_url()).status_code == 404
    notices.notice_withdraw(actor=None, notice=notice)
    assert client.get(url).status_code == 404
    notice = _publish(city.district_a, files=[_pdf()])
    login_member(client, outsider)
    assert client.get(notice.attachments.get().get_member_url()).status_code == 404


def test_api_publishes_with_files_and_lists_them(api_for, people, city):
    api = api_for(people.district_a_admin)
    response = api.post(
        "/api/v1/notices/",
        {
            "org": city.district_a.pk,
            "kind": "news",
            "audience": "members",
            "title": "接口发布",
            "body": "正文",
            "files": [_pdf()],
        },
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert [a["name"] for a in response.json()["attachments"]] == ["读书月方案.pdf"]
    bad = api.post(
        "/api/v1/notices/",
        {
            "org": city.district_a.pk,
            "kind": "news",
            "audience": "members",
            "title": "坏附件",
            "body": "正文",
            "files": [_pdf("病毒.exe", b"MZ")],
        },
        format="multipart",
    )
    assert bad.status_code == 400 and "不接受 exe 类型的文件" in bad.content.decode()
    assert Notice.objects.count() == 1


def test_notice_api_list_queries_do_not_grow_with_attachments(
    api_for, people, city, django_assert_max_num_queries
):
    for index in range(4):
        _publish(city.district_a, files=[_pdf(), _pdf("二.pdf")], title=f"通知{index}")
    api = api_for(people.district_a_admin)
    with django_assert_max_num_queries(8):
        body = api.get("/api/v1/notices/").json()
    assert body["count"] == 4 and all(len(row["attachments"]) == 2 for row in body["results"])


def test_the_publish_form_takes_several_files(client_for, people):
    page = client_for(people.district_a_admin).get(reverse("activities:notice-create"))
    html = page.content.decode()
    assert 'enctype="multipart/form-data"' in html and 'name="files"' in html
    assert "multiple" in html and "最多 5 个文件" in html
