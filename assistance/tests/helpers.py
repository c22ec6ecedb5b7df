"""Shared set-ups of the assistance tests: a filed household and a campaign fund."""

import datetime
from decimal import Decimal

from assistance import actions
from assistance.choices import CampaignKind, HardshipCategory
from members.tests.factories import make_id_number, make_member

TODAY = datetime.date(2026, 3, 2)


def open_file(member, *, income="800", causes=("illness",), **extra):
    return actions.file_open(
        actor=None,
        member=member,
        causes=list(causes),
        head_monthly_income=income,
        applied_on=extra.pop("applied_on", TODAY - datetime.timedelta(days=20)),
        **extra,
    )


def filed_household(member, time_machine=None, *, category=HardshipCategory.DEEP, **extra):
    """A file taken through visit, notice and approval (the clock moved past the notice)."""
    file = open_file(member, **extra)
    actions.household_add(
        actor=None,
        file=file,
        name="孩子",
        relation="child",
        monthly_income="0",
        school_level="higher",
    )
    file = actions.file_verify(
        actor=None,
        file=file,
        visited_on=file.applied_on,
        visited_by="街道 王干事",
        findings="家中有病人",
        category=category,
    )
    file = actions.file_publicize(actor=None, file=file)
    if time_machine is not None:
        time_machine.move_to(file.notice_ends_on + datetime.timedelta(days=1))
    return actions.file_approve(actor=None, file=file)


def member_in(org, name="困难会员", **extra):
    return make_member(org, name=name, id_number=make_id_number(), **extra)


def campaign(org, budget="100000", kind=CampaignKind.WINTER_WARMTH, year=2026):
    return actions.campaign_create(
        actor=None,
        org=org,
        title=f"{year}年元旦春节送温暖",
        kind=kind,
        year=year,
        budget=Decimal(budget),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 2, 28),
    )
