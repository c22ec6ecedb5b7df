import datetime

from petitions import actions


def petition_data(org, **overrides) -> dict:
    data = {
        "org": org,
        "channel": "visit",
        "category": "wage_arrears",
        "caller_name": "王师傅",
        "phone": "13900001111",
        "workers_involved": 2,
        "subject": "拖欠工资来访",
        "content": "公司拖欠我们两个月工资，来工会反映。",
        "received_on": None,
    }
    data.update(overrides)
    return data


def make_petition(org, actor=None, **overrides):
    return actions.petition_create(actor=actor, data=petition_data(org, **overrides))


def on(year, month, day):
    return datetime.date(year, month, day)
