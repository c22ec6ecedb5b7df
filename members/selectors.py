"""Reads on members: search (name, pinyin, initials, full ID number or phone, card number),
membership figures for any subtree, join applications and the e-membership card."""

from __future__ import annotations

import contextlib
import datetime
import re

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum

from core import pii
from core.choices import Action
from members.choices import (
    NEW_EMPLOYMENT_FORMS,
    EmploymentForm,
    Gender,
    JoinStatus,
    MemberStatus,
)
from members.models import JoinApplication, Member
from orgs.choices import EnterpriseStatus, OrgStatus
from orgs.models import Enterprise
from orgs.selectors import enterprises_of_subtree

_LATIN = re.compile(r"^[a-zA-Z]+$")
_DIGITS = re.compile(r"^[0-9０-９xX\s+-]+$")


def search_condition(text: str, *, with_card: bool = True) -> Q:
    """What a cadre typed, as one condition: a full ID number or phone is matched through
    its blind index (never by decrypting), Latin letters by pinyin or initials, Chinese
    characters by name, anything else by card number (``with_card``: members, not join
    applications)."""
    text = (text or "").strip()
    if not text:
        return Q()
    if _DIGITS.match(text):
        condition = Q(card_number=text) if with_card else Q(pk__in=[])
        with contextlib.suppress(ValidationError):
            condition |= Q(
                id_number_hash=pii.blind_index(pii.KIND_ID_NUMBER, pii.normalise_id_number(text))
            )
        with contextlib.suppress(ValidationError):
            condition |= Q(phone_hash=pii.blind_index(pii.KIND_PHONE, pii.normalise_phone(text)))
        return condition
    if _LATIN.match(text):
        key = text.lower()
        return Q(name_initials__startswith=key) | Q(name_pinyin__startswith=key)
    return Q(name__contains=text)


def members_of_subtree(org):
    return Member.objects.filter(org__path__startswith=org.path)


AGE_BANDS = ((None, 35, "under_35"), (35, 50, "35_to_49"), (50, None, "50_and_over"))


def membership_stats(org, today: datetime.date | None = None) -> dict:
    """Members, 入会率 (members in covered enterprises / their employees), new forms of
    employment, migrant workers, women and age bands for a subtree, in two queries."""
    today = today or datetime.date.today()
    active = Q(status=MemberStatus.ACTIVE)
    aggregates = {
        "members": Count("pk", filter=active),
        "kept": Count("pk", filter=Q(status=MemberStatus.KEPT)),
        "women": Count("pk", filter=active & Q(gender=Gender.FEMALE)),
        "migrant_workers": Count("pk", filter=active & Q(is_migrant_worker=True)),
        "new_employment_forms": Count(
            "pk", filter=active & Q(employment_form__in=NEW_EMPLOYMENT_FORMS)
        ),
        "in_covered_enterprises": Count(
            "pk", filter=active & Q(enterprise__covering_union__status=OrgStatus.ACTIVE)
        ),
    }
    for form in EmploymentForm.values:
        aggregates[f"form_{form}"] = Count("pk", filter=active & Q(employment_form=form))
    for low, high, key in AGE_BANDS:
        band = active
        if low is not None:
            band &= Q(birth_date__lte=_years_before(today, low))
        if high is not None:
            band &= Q(birth_date__gt=_years_before(today, high))
        aggregates[f"age_{key}"] = Count("pk", filter=band)
    figures = members_of_subtree(org).aggregate(**aggregates)
    figures = {key: value or 0 for key, value in figures.items()}
    employees = (
        enterprises_of_subtree(org)
        .filter(covering_union__status=OrgStatus.ACTIVE)
        .aggregate(n=Sum("employee_count"))["n"]
        or 0
    )
    figures["employees_of_covered_enterprises"] = employees
    figures["join_rate"] = (
        round(figures["in_covered_enterprises"] * 100.0 / employees, 1) if employees else None
    )
    figures["by_employment_form"] = {
        form: figures.pop(f"form_{form}") for form in EmploymentForm.values
    }
    figures["age_bands"] = {key: figures.pop(f"age_{key}") for _, _, key in AGE_BANDS}
    return figures


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# --- online joining and the e-membership card ----------------------------------------------

_CARD_SALT = "gonghui.members.card"
# Memberships a card stands for: active, or kept (保留会籍) by a retired or unemployed member.
CARD_VALID_STATUSES = (MemberStatus.ACTIVE, MemberStatus.KEPT)


def join_application_by_token(token: str) -> JoinApplication | None:
    """The application an applicant follows through their token (None when unknown)."""
    if not token or len(token) > 64:
        return None
    return (
        JoinApplication.objects.select_related("org", "member__org", "existing_member__org")
        .filter(token=token)
        .first()
    )


def pending_join_applications(user):
    """Applications waiting for a decision that ``user`` may decide."""
    return JoinApplication.objects.visible_to(user, Action.REVIEW).filter(
        status=JoinStatus.SUBMITTED
    )


def public_employers(text: str, limit: int = 10):
    """Operating employers whose name contains ``text`` (two characters at least) or whose
    credit code is ``text``: the public picker of the join form, which shows names only."""
    text = (text or "").strip()
    if len(text) < 2:
        return Enterprise.objects.none()
    return (
        Enterprise.objects.filter(status=EnterpriseStatus.ACTIVE)
        .filter(Q(name__icontains=text) | Q(uscc=text.upper()))
        .order_by("name", "pk")
        .only("pk", "name")[:limit]
    )


def card_verification_value(member: Member) -> str:
    """The signed value in a card's QR code: it names the member without personal data."""
    return signing.Signer(salt=_CARD_SALT).sign(str(member.pk))


def member_by_card_value(value: str) -> Member | None:
    """The member a QR value was signed for; None when forged or unknown."""
    try:
        pk = int(signing.Signer(salt=_CARD_SALT).unsign(value or ""))
    except (signing.BadSignature, ValueError):
        return None
    return Member.objects.select_related("org").filter(pk=pk).first()


def card_is_valid(member: Member | None) -> bool:
    return member is not None and member.status in CARD_VALID_STATUSES
