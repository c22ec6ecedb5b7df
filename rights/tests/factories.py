import datetime

from rights import actions


def ticket_data(**overrides) -> dict:
    data = {
        "kind": "complaint",
        "tier": "ordinary",
        "channel": "hotline",
        "category": "wage_arrears",
        "caller_name": "王师傅",
        "phone": "13900001111",
        "workers_involved": 3,
        "amount": "18000",
        "subject": "拖欠三个月工资",
        "content": "公司拖欠我们三个月工资，多次讨要未果。",
    }
    data.update(overrides)
    return data


def make_ticket(actor=None, **overrides):
    ticket, _code = actions.ticket_create(actor=actor, data=ticket_data(**overrides))
    return ticket


def make_legal_aid(actor=None, **overrides):
    data = {
        "caller_name": "李师傅",
        "phone": "13900002222",
        "category": "wage_arrears",
        "matter": "工地拖欠工资，请求法律援助。",
        "workers_involved": 1,
    }
    data.update(overrides)
    case, _code = actions.legal_aid_create(actor=actor, data=data)
    return case


def make_lawyer(org, actor=None, **overrides):
    data = {"org": org, "name": "周律师", "kind": "lawyer", "firm": "正义律师事务所"}
    data.update(overrides)
    return actions.lawyer_save(actor=actor, data=data)


def make_dispute(actor=None, **overrides):
    data = {
        "workers": "赵师傅等5人",
        "workers_involved": 5,
        "category": "wage_arrears",
        "claims": "支付拖欠工资",
        "amount_claimed": "50000",
        "registered_on": datetime.date(2026, 1, 5),
    }
    data.update(overrides)
    return actions.dispute_create(actor=actor, data=data)


def make_admin(org):
    """A user holding the admin role at ``org``."""
    from django.contrib.auth import get_user_model

    from core.models import RoleAssignment

    user = get_user_model().objects.create_user(
        username=f"admin_{org.code}", password="pw-12345678"
    )
    RoleAssignment.objects.create(user=user, org=org, role="admin")
    return user
