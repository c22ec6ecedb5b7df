import datetime

from reports import actions
from reports.periods import Period


def samples(city, people):
    period = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    draft_a, draft_b = (
        actions.report_request(actor=None, org=org, period=period)
        for org in (city.district_a, city.district_b)
    )
    from reports.models import ReportDraft

    return {ReportDraft: (draft_a, draft_b, "东湖区总工会", "西山区总工会")}
