import datetime
import itertools

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
