import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import AuditEntry
from stations import actions
from stations.models import Station, StationPhoto
from stations.tests.scope_samples import PNG, png_upload

pytestmark = pytest.mark.django_db


def test_cadre_adds_a_photo_that_workers_then_see(client, people, make_station):
    station = make_station("钱甲驿站")
    client.force_login(people.district_a_admin)
    response = client.post(
        reverse("stations:photo-add", args=[station.pk]),
        {"image": png_upload("门头.jpg"), "caption": "门头"},
    )
    assert response.status_code == 302
    photo = StationPhoto.objects.get()
    # Named by the station, typed by its content (a PNG called .jpg is a PNG).
    assert photo.image.name.startswith(f"stations/{station.code}-") and photo.image.name.endswith(
        ".png"
    )
    client.logout()
    public = client.get(station.get_public_url()).content.decode()
    assert photo.url in public
    served = client.get(photo.url)
    assert served["Content-Type"] == "image/png" and b"".join(served.streaming_content) == PNG
    assert AuditEntry.objects.filter(object_repr__startswith="钱甲驿站 门头").exists()


def test_only_images_of_limited_size_and_number_are_kept(make_station, settings):
    station = make_station()
    with pytest.raises(ValidationError, match="JPEG, PNG or WebP"):
        actions.station_photo_add(
            actor=None, station=station, upload=png_upload("x.png", b"<svg onload=alert(1)>")
        )
    settings.GONGHUI = {**settings.GONGHUI, "STATION_PHOTOS_MAX": 1, "STATION_PHOTO_MAX_MB": 1}
    big = png_upload("big.png", PNG + b"\0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="larger than 1 MB"):
        actions.station_photo_add(actor=None, station=station, upload=big)
    actions.station_photo_add(actor=None, station=station, upload=png_upload())
    with pytest.raises(ValidationError, match="at most 1 photos"):
        actions.station_photo_add(actor=None, station=station, upload=png_upload())
    assert StationPhoto.objects.count() == 1


def test_photo_removal_is_scoped_and_deletes_the_file(
    client, people, make_station, city, django_capture_on_commit_callbacks
):
    own = make_station("钱甲驿站")
    other = make_station("赵乙驿站", org=city.street_b)
    mine = actions.station_photo_add(actor=None, station=own, upload=png_upload())
    theirs = actions.station_photo_add(actor=None, station=other, upload=png_upload())
    client.force_login(people.district_a_admin)
    assert client.post(reverse("stations:photo-remove", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("stations:photo-add", args=[other.pk])).status_code == 404
    storage, name = mine.image.storage, mine.image.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("stations:photo-remove", args=[mine.pk]))
    assert response.status_code == 302
    assert not storage.exists(name) and theirs.image.storage.exists(theirs.image.name)
    assert list(StationPhoto.objects.all()) == [theirs]


def test_photos_of_a_delisted_station_are_not_served(client, make_station):
    station = make_station()
    photo = actions.station_photo_add(actor=None, station=station, upload=png_upload())
    Station.objects.filter(pk=station.pk).update(status="removed")
    assert client.get(photo.url).status_code == 404
