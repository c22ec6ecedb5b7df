import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from grassroots import actions
from grassroots.choices import BookingStatus, EvaluationStatus
from grassroots.models import Booking, HomeEvaluation, Task
from grassroots.tests import scope_samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(city, people):
    return scope_samples.samples(city, people)


def test_every_page_of_district_a_renders_for_its_admin(client, people, rows):
    client.force_login(people.district_a_admin)
    pages = [
        "/venues/",
        "/venues/new/",
        "/bookings/",
        "/bookings/new/",
        "/homes/",
        "/homes/programmes/",
        "/homes/programmes/new/",
        "/report-forms/",
        "/report-forms/new/",
        "/tasks/",
        "/tasks/new/",
        "/task-reports/",
    ]
    for row_a, _b, marker_a, _mb in rows.values():
        url = row_a.get_absolute_url()
        pages.append(url)
        if hasattr(row_a, "file"):
            continue
        page = client.get(url)
        assert marker_a in page.content.decode(), url
        pages.append(url + "?tab=history")
    for url in pages:
        assert client.get(url).status_code == 200, url
    evaluation = rows[HomeEvaluation][0]
    for suffix in ("assess/", "evidence/"):
        assert client.get(f"/homes/{evaluation.pk}/{suffix}").status_code == 200


@pytest.mark.parametrize(
    "url", ["/venues/", "/bookings/", "/homes/", "/tasks/", "/task-reports/", "/report-forms/"]
)
def test_list_pages_use_a_fixed_number_of_queries(
    client, people, city, rows, url, django_assert_max_num_queries
):
    for day in range(2, 6):
        actions.booking_create(
            actor=None,
            venue=rows[Booking][0].venue,
            org=city.union_a,
            date=timezone.localdate() + datetime.timedelta(days=day),
            starts_at=datetime.time(9),
            purpose="培训",
        )
        actions.task_issue(
            actor=None,
            org=city.district_a,
            title=f"任务{day}",
            deadline=timezone.localdate(),
            recipients=[city.street_a, city.union_a],
        )
    client.force_login(people.district_a_admin)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_venue_schedule_shows_free_and_taken_slots_and_books_through_the_form(
    client, people, city, rows
):
    venue = rows[Booking][0].venue
    day = timezone.localdate() + datetime.timedelta(days=2)
    client.force_login(people.union_a_admin)
    page = client.get(f"/venues/{venue.pk}/", {"date": day.isoformat()}).content.decode()
    assert 'data-testid="book-slot"' in page
    response = client.post(
        "/bookings/new/",
        {
            "venue": venue.pk,
            "org": city.union_a.pk,
            "date": day.isoformat(),
            "starts_at": "14:00",
            "purpose": "职工读书分享会",
            "headcount": 12,
        },
    )
    booking = Booking.objects.get(purpose="职工读书分享会")
    assert response.status_code == 302 and response["Location"] == booking.get_absolute_url()
    again = client.post(
        "/bookings/new/",
        {
            "venue": venue.pk,
            "org": city.union_a.pk,
            "date": day.isoformat(),
            "starts_at": "14:00",
            "purpose": "重复",
            "headcount": 2,
        },
    )
    assert again.status_code == 200 and "已被" in again.content.decode()
    client.post(f"/bookings/{booking.pk}/cancel/", {"reason": ""})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_evidence_of_another_district_is_404_even_by_file_id(client, people, rows):
    from grassroots.models import EvidenceFile

    file_a, file_b = rows[EvidenceFile][:2]
    client.force_login(people.district_a_admin)
    ok = client.get(f"/homes/evidence/{file_a.pk}/")
    assert ok.status_code == 200 and b"".join(ok.streaming_content).startswith(b"%PDF")
    assert client.get(f"/homes/evidence/{file_b.pk}/").status_code == 404


def test_self_assessment_journey_through_pages(client, people, city, rows):
    programme = rows[HomeEvaluation][0].programme
    client.force_login(people.union_a_admin)
    evaluation = rows[HomeEvaluation][0]
    data = {"summary": "总结"}
    for row in evaluation.scores.select_related("criterion"):
        data[f"score_{row.criterion_id}"] = row.criterion.max_score
        data[f"note_{row.criterion_id}"] = "有"
    assert client.post(f"/homes/{evaluation.pk}/assess/", data).status_code == 302
    client.post(f"/homes/{evaluation.pk}/submit/")
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.SUBMITTED
    client.force_login(people.district_a_admin)
    review = {"decision": "approve", "comment": ""}
    review |= {f"score_{r.criterion_id}": r.criterion.max_score for r in evaluation.scores.all()}
    assert client.post(f"/homes/{evaluation.pk}/review/", review).status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.PUBLICITY
    assert programme.publicity_workdays == 5
    # the audit trail of every step reads back on the history tab and the audit log
    assert client.get(f"/homes/{evaluation.pk}/?tab=history").status_code == 200
    assert client.get("/audit/").status_code == 200


def test_report_form_with_a_file_through_the_page(client, people, city, rows):
    task = rows[Task][0]
    report = task.reports.get()
    client.force_login(people.district_a_admin)  # the district manages its street
    page = client.get(f"/task-reports/{report.pk}/fill/")
    assert page.status_code == 200 and "职工人数" in page.content.decode()
    response = client.post(
        f"/task-reports/{report.pk}/fill/",
        {"f1": "abc", "f2": SimpleUploadedFile("新附件.pdf", b"%PDF-1.4")},
    )
    assert response.status_code == 200  # refused: not a number
    response = client.post(
        f"/task-reports/{report.pk}/fill/",
        {"f1": "88", "f2": SimpleUploadedFile("新附件.pdf", b"%PDF-1.4")},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.answers["f1"] == "88" and report.answers["f2"]["name"] == "新附件.pdf"
