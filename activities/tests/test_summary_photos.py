"""Photos in an activity's summary: JPEG/PNG checked by content, limits with Chinese errors,
nothing written on a bad photo, thumbnails on the cadre and phone pages, scoped serving and
an audited removal."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities import actions
from activities.models import Activity, ActivityPhoto
from activities.seed import tiny_png
from activities.tests.helpers import make_activity
from core.models import AuditEntry
from members.tests.factories import make_member
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 32


def _png(name="合影.png"):
    return SimpleUploadedFile(name, tiny_png(), content_type="image/png")


def _jpeg(name="现场.jpg"):
    return SimpleUploadedFile(name, JPEG, content_type="image/jpeg")


@pytest.fixture
def held(city):
    return make_activity(city.district_a, starts_in=-datetime.timedelta(days=1))


def _summarise(client, activity, photos, **extra):
    data = {"summary": "宣讲会圆满完成，到场职工四十人。", "photos": photos, **extra}
    return client.post(reverse("activities:summary", args=[activity.pk]), data)


def test_summary_with_photos_shows_thumbnails_and_serves_them(client_for, people, held):
    client = client_for(people.district_a_admin)
    response = _summarise(client, held, [_png(), _jpeg()], caption="劳模与职工合影")
    assert response.status_code == 302
    photos = list(held.photos.all())
    assert [p.content_type for p in photos] == ["image/png", "image/jpeg"]
    assert all(p.caption == "劳模与职工合影" for p in photos)
    assert "合影" not in photos[0].image.name  # random stored names
    page = client.get(held.get_absolute_url()).content.decode()
    assert 'data-testid="photos"' in page
    assert reverse("activities:photo", args=[photos[0].pk]) in page
    served = client.get(reverse("activities:photo", args=[photos[0].pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == tiny_png()
    assert AuditEntry.objects.filter(object_repr__contains="劳模与职工合影").count() == 2


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            lambda: SimpleUploadedFile("伪装.png", b"GIF89a not a png at all"),
            "伪装.png：文件内容不是 JPG 或 PNG 图片。",
        ),
        (
            lambda: SimpleUploadedFile("动图.gif", b"GIF89a"),
            "动图.gif：只能上传 JPG 或 PNG 格式的照片。",
        ),
        (lambda: SimpleUploadedFile("空.jpg", b""), "空.jpg：文件内容不是 JPG 或 PNG 图片。"),
    ],
)
def test_a_bad_photo_refuses_the_whole_summary(
    client_for, people, held, media_in_tmp, upload, message
):
    client = client_for(people.district_a_admin)
    response = _summarise(client, held, [_png(), upload()])
    assert response.status_code == 200
    assert message in response.content.decode()
    held.refresh_from_db()
    assert held.summary == "" and not ActivityPhoto.objects.exists()
    stored = [p for p in media_in_tmp.rglob("*") if p.is_file()] if media_in_tmp.exists() else []
    assert stored == []


def test_size_and_count_limits_come_from_settings(client_for, people, held, settings):
    settings.GONGHUI = {**settings.GONGHUI, "ACTIVITY_PHOTOS_MAX": 2, "ACTIVITY_PHOTO_MAX_MB": 1}
    client = client_for(people.district_a_admin)
    big = SimpleUploadedFile("大图.jpg", JPEG + b"\x00" * (1024 * 1024))
    response = _summarise(client, held, [big])
    assert "大图.jpg：照片超过 1 MB。" in response.content.decode()
    assert _summarise(client, held, [_png(), _png()]).status_code == 302
    response = _summarise(client, held, [_jpeg()])
    assert "每个活动最多保存 2 张照片，请先删除一张。" in response.content.decode()
    assert ActivityPhoto.objects.count() == 2


def test_member_sees_the_photos_after_the_summary_on_the_phone(client, city, held):
    actions.activity_summarise(actor=None, activity=held, summary="活动圆满完成。", photos=[_png()])
    photo = held.photos.get()
    member = make_member(city.union_a, name="看照片", phone="13811115551")
    outsider = make_member(city.union_b, name="外区人", phone="13822225552")
    url = reverse("activities:m-photo", args=[photo.pk])
    assert client.get(url).status_code == 302  # signed out: to the sign-in page
    login_member(client, member)
    page = client.get(reverse("activities:m-detail", args=[held.pk])).content.decode()
    assert page.index("活动圆满完成。") < page.index(url)
    served = client.get(url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    login_member(client, outsider)
    assert client.get(url).status_code == 404


def test_cadres_of_another_district_get_404_and_the_host_removes_with_audit(
    client_for, people, held, django_capture_on_commit_callbacks
):
    actions.activity_summarise(actor=None, activity=held, summary="活动圆满完成。", photos=[_png()])
    photo = held.photos.get()
    storage, stored = photo.image.storage, photo.image.name
    client = client_for(people.district_b_admin)
    assert client.get(reverse("activities:photo", args=[photo.pk])).status_code == 404
    assert client.post(reverse("activities:photo-remove", args=[photo.pk])).status_code == 404
    client = client_for(people.district_a_viewer)
    assert client.get(reverse("activities:photo", args=[photo.pk])).status_code == 200
    assert client.post(reverse("activities:photo-remove", args=[photo.pk])).status_code == 404
    client = client_for(people.district_a_admin)
    page = client.get(held.get_absolute_url()).content.decode()
    assert 'data-testid="remove-photo"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("activities:photo-remove", args=[photo.pk]))
    assert response.status_code == 302 and not ActivityPhoto.objects.exists()
    assert not storage.exists(stored)
    assert AuditEntry.objects.filter(action="delete", object_id=str(photo.pk)).exists()
    assert Activity.objects.get(pk=held.pk).summary  # the summary stays


def test_no_photo_section_without_photos(client_for, people, held):
    actions.activity_summarise(actor=None, activity=held, summary="只有文字。")
    page = client_for(people.district_a_admin).get(held.get_absolute_url()).content.decode()
    assert "只有文字。" in page and 'data-testid="photos"' not in page


def test_the_summary_form_takes_several_photos(client_for, people, held):
    page = client_for(people.district_a_admin).get(reverse("activities:summary", args=[held.pk]))
    html = page.content.decode()
    assert 'enctype="multipart/form-data"' in html and 'name="photos"' in html
    assert 'accept="image/jpeg,image/png"' in html and "每个活动最多 9 张" in html
