"""Rows of district A and district B for the project-wide scope test."""

from rights.models import DisputeCase, Lawyer, LegalAidCase, Ticket
from rights.tests.factories import make_dispute, make_lawyer, make_legal_aid, make_ticket


def samples(city, people) -> dict:
    ticket_a = make_ticket(enterprise=city.enterprise_a, subject="钱甲欠薪工单")
    ticket_b = make_ticket(enterprise=city.enterprise_b, subject="赵乙欠薪工单")
    aid_a = make_legal_aid(enterprise=city.enterprise_a, caller_name="钱甲援助")
    aid_b = make_legal_aid(enterprise=city.enterprise_b, caller_name="赵乙援助")
    lawyer_a = make_lawyer(city.union_a, name="钱甲律师")
    lawyer_b = make_lawyer(city.union_b, name="赵乙律师")
    dispute_a = make_dispute(org=city.union_a, enterprise=city.enterprise_a, workers="钱甲调解")
    dispute_b = make_dispute(org=city.union_b, enterprise=city.enterprise_b, workers="赵乙调解")
    return {
        Ticket: (ticket_a, ticket_b, "钱甲欠薪工单", "赵乙欠薪工单"),
        LegalAidCase: (aid_a, aid_b, "钱甲援助", "赵乙援助"),
        Lawyer: (lawyer_a, lawyer_b, "钱甲律师", "赵乙律师"),
        DisputeCase: (dispute_a, dispute_b, "钱甲调解", "赵乙调解"),
    }
