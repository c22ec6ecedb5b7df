"""12351 tickets feed the early-warning engine (``warning.sources``, way 1): a group ticket or
a 欠薪 ticket about an enterprise writes one ``rights.ticket`` signal and re-scores at once."""

import datetime

import pytest
from django.utils import timezone

from rights import actions
from rights.tests.factories import make_ticket
from warning import actions as warning_actions
from warning.choices import AlertStatus, SignalKind, SignalStatus
from warning.models import Alert, RiskScore, RiskSignal

pytestmark = pytest.mark.django_db


def _level_for(score: int, config: dict) -> str:
    reached = [level for level, at in config["levels"].items() if score >= at]
    return max(reached, key=lambda level: config["levels"][level]) if reached else "none"


def test_group_tickets_and_arrears_raise_the_enterprise_at_once(city, people):
    admin = people.district_a_admin
    enterprise = city.enterprise_a
    first = make_ticket(admin, enterprise=enterprise, workers_involved=12)
    assert first.is_group
    score = RiskScore.objects.get(enterprise=enterprise)
    assert score.score > 0  # at once, no batch run
    make_ticket(admin, enterprise=enterprise, workers_involved=15, subject="集体讨薪")
    warning_actions.record_signal(
        actor=admin,
        enterprise=enterprise,
        kind=SignalKind.WAGE_ARREARS,
        observed_on=timezone.localdate() - datetime.timedelta(days=2),
        months=3,
        workers=40,
        amount="480000",
        note="三个月工资未发",
    )
    config = warning_actions.active_model().config
    indicators = config["indicators"]
    expected = indicators["group_ticket"]["weight"] + indicators["wage_arrears"]["weight"]
    score.refresh_from_db()
    assert score.score == min(expected, 100)
    assert score.level == _level_for(score.score, config)
    assert score.level in config["alert_levels"]
    alert = Alert.objects.get(enterprise=enterprise)
    assert alert.status == AlertStatus.NEW
    assert alert.level == score.level
    signals = RiskSignal.objects.filter(origin=actions.WARNING_ORIGIN, enterprise=enterprise)
    assert signals.filter(kind=SignalKind.GROUP_TICKET).count() == 2
    # Another district's enterprise is not touched.
    make_ticket(people.district_b_admin, enterprise=city.enterprise_b, workers_involved=30)
    score.refresh_from_db()
    assert score.score == min(expected, 100)
    assert Alert.objects.filter(enterprise=enterprise).count() == 1
    assert not Alert.objects.filter(enterprise=city.enterprise_b).exists()


def test_the_link_is_idempotent_and_follows_the_ticket(city, people):
    admin = people.district_a_admin
    ticket = make_ticket(admin, enterprise=city.enterprise_a, workers_involved=2)
    signal = RiskSignal.objects.get(origin=actions.WARNING_ORIGIN, external_ref=str(ticket.pk))
    assert signal.kind == SignalKind.TICKET  # a 欠薪 ticket, not a group one
    actions.ticket_reclassify(
        actor=admin, ticket=ticket, tier="ordinary", category="wage_arrears", workers_involved=20
    )
    signal.refresh_from_db()
    assert signal.kind == SignalKind.GROUP_TICKET
    assert RiskSignal.objects.filter(origin=actions.WARNING_ORIGIN).count() == 1
    actions.ticket_reclassify(
        actor=admin, ticket=ticket, tier="ordinary", category="contract", workers_involved=1
    )
    signal.refresh_from_db()
    assert signal.status == SignalStatus.RESOLVED
    # A consultation about contracts writes nothing.
    make_ticket(admin, enterprise=city.enterprise_a, category="contract", workers_involved=1)
    assert RiskSignal.objects.filter(origin=actions.WARNING_ORIGIN).count() == 1
