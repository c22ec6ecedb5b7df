"""Rows of labour relations in district A and district B for the scope test."""

import datetime

from labour import actions
from labour.choices import CongressKind, ContractKind, MotionKind
from labour.models import Congress, Contract, ContractEvent, Disclosure, Motion

D = datetime.date(2025, 3, 1)


def _contract(org, enterprise, title):
    return actions.contract_request(
        actor=None,
        org=org,
        kind=ContractKind.WAGE,
        title=title,
        requested_on=D,
        enterprise=enterprise,
    )


def _congress(enterprise, session):
    return actions.congress_record(
        actor=None,
        enterprise=enterprise,
        kind=CongressKind.CONGRESS if enterprise.employee_count >= 100 else CongressKind.ASSEMBLY,
        session=session,
        held_on=D,
        delegates=30 if enterprise.employee_count >= 100 else enterprise.employee_count,
        frontline_delegates=20 if enterprise.employee_count >= 100 else 0,
        management_delegates=5 if enterprise.employee_count >= 100 else 0,
        attended=25 if enterprise.employee_count >= 100 else 50,
    )


def samples(city, people):
    contract_a = _contract(city.union_a, city.enterprise_a, "甲科技工资专项合同")
    contract_b = _contract(city.union_b, city.enterprise_b, "乙物流工资专项合同")
    congress_a = _congress(city.enterprise_a, "甲第一届第一次")
    congress_b = _congress(city.enterprise_b, "乙第一届第一次")
    motion_a, motion_b = (
        actions.motion_record(
            actor=None, congress=c, kind=MotionKind.PROPOSAL, title=title, votes_for=20
        )
        for c, title in ((congress_a, "甲提案"), (congress_b, "乙提案"))
    )
    disclosure_a, disclosure_b = (
        actions.disclosure_record(
            actor=None, enterprise=e, disclosed_on=D, channel="board", topics=topics
        )
        for e, topics in ((city.enterprise_a, "甲公开事项"), (city.enterprise_b, "乙公开事项"))
    )
    return {
        Contract: (contract_a, contract_b, "甲科技工资专项合同", "乙物流工资专项合同"),
        ContractEvent: (
            contract_a.events.first(),
            contract_b.events.first(),
            "甲科技工资专项合同",
            "乙物流工资专项合同",
        ),
        Congress: (congress_a, congress_b, "甲第一届第一次", "乙第一届第一次"),
        Motion: (motion_a, motion_b, "甲提案", "乙提案"),
        Disclosure: (disclosure_a, disclosure_b, "甲公开事项", "乙公开事项"),
    }
