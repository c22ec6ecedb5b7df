from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from core.models import AuditEntry, RoleAssignment

pytestmark = pytest.mark.django_db


def test_grant_creates_user_with_argon2_password_and_role(city, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    call_command(
        "grant", "newcadre", org="DA", role="operator", password="s3cret-pass", stdout=StringIO()
    )
    user = get_user_model().objects.get(username="newcadre")
    assert user.password.startswith("argon2")
    assert RoleAssignment.objects.get(user=user).org.code == "DA"
    assert AuditEntry.objects.filter(action="grant").count() == 1


def test_grant_unknown_org_fails(city):
    with pytest.raises(CommandError):
        call_command("grant", "x", org="NOPE", role="admin", stdout=StringIO())


def test_issue_token_is_stable(people):
    first, second = StringIO(), StringIO()
    call_command("issue_token", "city_admin", stdout=first)
    call_command("issue_token", "city_admin", stdout=second)
    assert first.getvalue() == second.getvalue() and len(first.getvalue().strip()) == 40


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failed_logins_lock_the_account(client, people):
    for _ in range(3):
        client.post(reverse("login"), {"username": "city_admin", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "city_admin", "password": "pw-12345678"})
    assert response.status_code == 429
    assert "账户已锁定" in response.content.decode()


def test_login_page_is_chinese(client, db):
    html = client.get(reverse("login")).content.decode()
    assert "登录" in html and "用户名" in html
