import datetime

from django.utils import timezone

from warning import actions
from warning.choices import SignalKind, SignalSource


def feed_arrears_and_group_tickets(enterprise, actor=None, today=None):
    """欠薪 of two months for 40 workers plus two group tickets, fed the way the rights app
    does (``record_signal`` with its origin and ticket id): red under the default model."""
    today = today or timezone.localdate()
    actions.record_signal(
        actor=actor,
        enterprise=enterprise,
        kind=SignalKind.WAGE_ARREARS,
        observed_on=today - datetime.timedelta(days=3),
        months=2,
        workers=40,
        amount="480000",
        note="两个月工资未发",
    )
    for ref in ("T-101", "T-102"):
        actions.record_signal(
            actor=None,
            enterprise=enterprise,
            kind=SignalKind.GROUP_TICKET,
            observed_on=today - datetime.timedelta(days=1),
            source=SignalSource.PLATFORM,
            origin="rights.ticket",
            external_ref=ref,
            workers=12,
            note="群体投诉欠薪",
        )
