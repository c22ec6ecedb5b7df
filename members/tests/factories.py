import datetime
import itertools
import re

from stdnum.cn import ric

from members import actions

_sequence = itertools.count(100)


def make_id_number(birth: str = "19900307", region: str = "110101", seq: int | None = None) -> str:
    """A valid 18-digit ID number (real region code, given birth date, computed check digit)."""
    body = f"{region}{birth}{(seq if seq is not None else next(_sequence)) % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder digit


def member_data(org, **overrides) -> dict:
    data = {
        "name": "张三",
        "id_number": make_id_number(),
        "phone": "13800000000",
        "ethnicity": "01",
        "education": "20",
        "political_status": "13",
        "household_type": "non_agricultural",
        "employment_form": "standard",
        "employment_status": "1",
        "skill_level": "",
        "org": org,
        "enterprise": None,
        "joined_on": datetime.date(2024, 5, 1),
        "card_number": "",
    }
    data.update(overrides)
    return data


def make_member(org, actor=None, **overrides):
    return actions.member_create(actor=actor, data=member_data(org, **overrides))


_phones = itertools.count(1)


def join_data(**overrides) -> dict:
    """A complete online join application (a standard employee unless overridden)."""
    data = {
        "name": "李申请",
        "id_number": make_id_number(birth="19950412"),
        "phone": f"139{next(_phones):08d}",
        "ethnicity": "01",
        "education": "30",
        "political_status": "13",
        "household_type": "agricultural",
        "employment_form": "standard",
        "enterprise": None,
        "employer_name": "",
        "work_area": None,
        "consent": True,
    }
    data.update(overrides)
    return data


def last_sms_code() -> str:
    """The code in the newest text message of the in-memory SMS backend."""
    from core import sms

    return re.search(r"(?<!\d)(\d{6})(?!\d)", sms.outbox[-1].text).group(1)


def submit_join_application(**overrides):
    """Ask for a phone code through the in-memory SMS backend and submit with it."""
    from django.test import override_settings

    from members import joining

    data = join_data(**overrides)
    with override_settings(GONGHUI_SMS_BACKEND="core.sms.LocmemBackend"):
        joining.phone_code_send(phone=data["phone"])
    return joining.join_application_submit(data=data, code=last_sms_code())
