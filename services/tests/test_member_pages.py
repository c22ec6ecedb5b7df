"""The member's pages: catalogue, requesting, following, rating — only their own."""

import pytest
from django.urls import reverse

from portal.tests.helpers import login_member
from services import actions
from services.models import ServiceRequest
from services.tests.factories import make_service, service_member, submit

pytestmark = pytest.mark.django_db


def test_pages_need_a_signed_in_member(client, city):
    response = client.get(reverse("services:m-catalogue"))
    assert response.status_code == 302 and "/m/login/" in response["Location"]


def test_home_offers_the_service_entries(client, city):
    login_member(client, service_member(city.union_a))
    html = client.get(reverse("portal:home")).content.decode()
    assert 'data-testid="home-service-request"' in html
    assert 'data-testid="home-my-service-requests"' in html


def test_member_requests_a_service_and_follows_it(client, city, people):
    member = service_member(city.union_a, name="何会员")
    service = make_service(city.district_a, name="职工心理咨询")
    make_service(city.district_b, name="西山专属服务")
    login_member(client, member)
    catalogue = client.get(reverse("services:m-catalogue")).content.decode()
    assert "职工心理咨询" in catalogue and "西山专属服务" not in catalogue
    url = reverse("services:m-service", args=[service.pk])
    empty = client.post(url, {"details": ""})
    assert empty.status_code == 200 and not ServiceRequest.objects.exists()
    response = client.post(url, {"details": "想预约心理咨询"})
    request = ServiceRequest.objects.get()
    assert response["Location"] == reverse("services:m-request", args=[request.pk])
    page = client.get(response["Location"]).content.decode()
    assert "想预约心理咨询" in page and 'data-testid="withdraw"' in page
    assert "职工心理咨询" in client.get(reverse("services:m-requests")).content.decode()
    actions.request_accept(actor=people.district_a_admin, request=request)
    actions.request_complete(actor=people.district_a_admin, request=request, result="已完成")
    page = client.get(reverse("services:m-request", args=[request.pk])).content.decode()
    assert 'data-testid="rating-form"' in page
    bad = client.post(reverse("services:m-rate", args=[request.pk]), {"rating": "9"})
    assert bad.status_code == 200
    client.post(reverse("services:m-rate", args=[request.pk]), {"rating": "5", "comment": "好"})
    request.refresh_from_db()
    assert request.rating == 5 and request.rating_comment == "好"


def test_someone_elses_request_reads_like_a_missing_one(client, city):
    owner = service_member(city.union_a)
    request = submit(owner, make_service(city.district_a))
    login_member(client, service_member(city.union_a, name="别人"))
    for name in ("services:m-request",):
        assert client.get(reverse(name, args=[request.pk])).status_code == 404
        assert client.get(reverse(name, args=[987654])).status_code == 404
    assert client.post(reverse("services:m-withdraw", args=[request.pk])).status_code == 404
    assert (
        client.post(reverse("services:m-rate", args=[request.pk]), {"rating": 5}).status_code == 404
    )
    request.refresh_from_db()
    assert request.status == "submitted"


def test_service_outside_the_catalogue_is_404(client, city):
    from members.tests.factories import make_id_number

    login_member(client, service_member(city.union_a, id_number=make_id_number(seq=901)))
    other = make_service(city.district_b)
    women_only = make_service(city.district_a, eligibility="women")
    for service in (other,):
        assert client.get(reverse("services:m-service", args=[service.pk])).status_code == 404
    # A man does not see (nor reach) a service for women members.
    assert client.get(reverse("services:m-service", args=[women_only.pk])).status_code == 404


def test_full_service_says_so_instead_of_offering_the_form(client, city):
    service = make_service(city.district_a, capacity=1)
    submit(service_member(city.union_a), service)
    login_member(client, service_member(city.union_a))
    page = client.get(reverse("services:m-service", args=[service.pk])).content.decode()
    assert 'data-testid="full"' in page and 'data-testid="request-form"' not in page


def test_member_withdraws(client, city):
    member = service_member(city.union_a)
    request = submit(member, make_service(city.district_a))
    login_member(client, member)
    client.post(reverse("services:m-withdraw", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == "withdrawn"
