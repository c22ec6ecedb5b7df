import pytest

from assistance.choices import FileSource, FileStatus
from assistance.models import HardshipFile
from assistance.tests.helpers import member_in, open_file
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db


def test_member_applies_from_the_phone_and_follows_the_file(client, city, today):
    member = member_in(city.union_a, "手机申请人")
    assert client.get("/m/assistance/apply/").status_code == 302  # sign in first
    login_member(client, member)
    page = client.get("/m/assistance/").content.decode()
    assert 'data-testid="no-file"' in page and 'data-testid="apply"' in page
    bad = client.post("/m/assistance/apply/", {"head_monthly_income": "900", "situation": "x"})
    assert bad.status_code == 200 and not HardshipFile.objects.exists()
    response = client.post(
        "/m/assistance/apply/",
        {
            "causes": ["illness"],
            "head_monthly_income": "900",
            "essential_costs": "100",
            "situation": "妻子患病，孩子上学",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    file = HardshipFile.objects.get(member=member)
    assert (file.status, file.source, file.org) == (
        FileStatus.APPLIED,
        FileSource.APPLICATION,
        city.union_a,
    )
    page = client.get("/m/assistance/").content.decode()
    assert "已申请" in page and 'data-testid="apply"' not in page
    assert client.get("/m/assistance/apply/").status_code == 302  # one file per household


def test_member_sees_only_their_own_files(client, city, today):
    mine, other = member_in(city.union_a, "本人"), member_in(city.union_a, "别人家")
    open_file(other)
    login_member(client, mine)
    page = client.get("/m/assistance/").content.decode()
    assert "别人家" not in page and 'data-testid="no-file"' in page
    home = client.get("/m/").content.decode()
    assert "/m/assistance/" in home
