"""The early-warning engine: signals → score, level and reasons → alert routed to the
covering union and its parents → disposal."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core import facts
from core.models import AuditEntry
from warning import actions, scoring, sources
from warning.choices import AlertStatus, AlertStep, SignalKind
from warning.models import Alert, RiskModel, RiskScore, RiskSignal
from warning.tests import helpers

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 16)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 16, 10, 0, tzinfo=datetime.UTC))


def feed_arrears_and_group_tickets(city, actor):
    helpers.feed_arrears_and_group_tickets(city.enterprise_a, actor, TODAY)


def test_arrears_and_group_tickets_reach_the_configured_level_and_alert_the_union_and_district(
    city, people
):
    feed_arrears_and_group_tickets(city, people.union_a_admin)
    config = actions.active_model().config
    score = RiskScore.objects.get(enterprise=city.enterprise_a)
    assert score.score == 65
    assert score.level == scoring.level_for(65, config) == "red"
    indicators = {r["indicator"]: r["points"] for r in score.reasons}
    assert indicators == {"wage_arrears": 40.0, "group_ticket": 25.0}
    arrears = next(r for r in score.reasons if r["indicator"] == "wage_arrears")
    assert "2" in arrears["detail"] and "40" in arrears["detail"] and "33.3" in arrears["detail"]

    alert = Alert.objects.get(enterprise=city.enterprise_a)
    assert (alert.level, alert.org, alert.status) == ("red", city.union_a, AlertStatus.NEW)
    for user in (people.union_a_admin, people.district_a_admin, people.city_admin):
        assert Alert.objects.visible_to(user).filter(pk=alert.pk).exists()
    assert not Alert.objects.visible_to(people.district_b_admin).exists()
    # The first signal (40 points → orange) opened the alert; the tickets raised it to red.
    steps = list(alert.events.values_list("step", flat=True))
    assert steps == [AlertStep.OPENED, AlertStep.RAISED, AlertStep.RAISED] or steps[0] == "opened"


def test_closing_the_alert_records_the_disposal(city, people):
    feed_arrears_and_group_tickets(city, people.union_a_admin)
    alert = Alert.objects.get(enterprise=city.enterprise_a)
    with pytest.raises(ValidationError):
        actions.alert_resolve(actor=people.union_a_admin, alert=alert, disposal="已协调")
    actions.alert_verify(actor=people.union_a_admin, alert=alert, finding="属实，40人欠薪两月")
    actions.alert_handle(actor=people.union_a_admin, alert=alert, measures="约谈企业负责人")
    with pytest.raises(ValidationError):
        actions.alert_resolve(actor=people.union_a_admin, alert=alert, disposal="  ")
    actions.alert_resolve(
        actor=people.district_a_admin, alert=alert, disposal="企业补发工资 48 万元，职工复工"
    )
    alert.refresh_from_db()
    assert alert.status == AlertStatus.RESOLVED and alert.closed_at
    assert alert.disposal == "企业补发工资 48 万元，职工复工"
    assert list(alert.events.values_list("step", flat=True))[-3:] == ["verify", "handle", "resolve"]
    assert alert.events.last().actor == people.district_a_admin
    assert AuditEntry.objects.filter(object_id=str(alert.pk), action="update").count() >= 3


def test_district_b_cannot_touch_the_alert(city, people):
    feed_arrears_and_group_tickets(city, people.union_a_admin)
    alert = Alert.objects.get(enterprise=city.enterprise_a)
    with pytest.raises(Exception):  # noqa: B017  (OutOfScope is a PermissionDenied)
        actions.alert_verify(actor=people.district_b_admin, alert=alert, finding="x")
    alert.refresh_from_db()
    assert alert.status == AlertStatus.NEW


def test_changing_a_weight_rescores_deterministically(
    city, people, django_capture_on_commit_callbacks
):
    feed_arrears_and_group_tickets(city, people.union_a_admin)
    config = actions.active_model().config
    config["indicators"]["wage_arrears"]["weight"] = 20
    with django_capture_on_commit_callbacks(execute=True):  # the re-score task is queued
        actions.model_update(actor=people.city_admin, config=config, note="试行调低")
    score = RiskScore.objects.get(enterprise=city.enterprise_a)
    assert (score.score, score.level, score.model_version) == (45, "orange", 2)
    config["indicators"]["wage_arrears"]["weight"] = 40
    with django_capture_on_commit_callbacks(execute=True):
        actions.model_update(actor=people.city_admin, config=config, note="恢复")
    first = RiskScore.objects.get(enterprise=city.enterprise_a)
    assert (first.score, first.level, first.model_version) == (65, "red", 3)
    actions.score_enterprises(None)
    again = RiskScore.objects.get(enterprise=city.enterprise_a)
    assert (again.score, again.level, again.reasons) == (first.score, first.level, first.reasons)
    assert RiskModel.objects.count() == 3


def test_only_a_city_admin_changes_the_model_and_bad_models_are_refused(people):
    config = actions.active_model().config
    config["indicators"]["wage_arrears"]["weight"] = 30
    with pytest.raises(ValidationError):
        actions.model_update(actor=people.district_a_admin, config=config, note="x")
    bad = actions.active_model().config
    bad["levels"]["orange"] = 90
    with pytest.raises(ValidationError):
        actions.model_update(actor=people.city_admin, config=bad, note="x")
    assert RiskModel.objects.count() == 1


def test_a_repeated_feed_updates_its_signal_and_a_resolved_signal_stops_counting(city, people):
    feed_arrears_and_group_tickets(city, people.union_a_admin)
    feed_arrears_and_group_tickets(city, people.union_a_admin)
    assert RiskSignal.objects.filter(kind=SignalKind.GROUP_TICKET).count() == 2
    arrears = RiskSignal.objects.filter(kind=SignalKind.WAGE_ARREARS)
    for signal in arrears:
        actions.resolve_signal(actor=people.union_a_admin, signal=signal, note="已补发")
    score = RiskScore.objects.get(enterprise=city.enterprise_a)
    assert (score.score, score.level) == (25, "yellow")


def test_bad_signals_are_refused_whole(city, people):
    with pytest.raises(ValidationError) as error:
        actions.record_signal(
            actor=people.union_a_admin,
            enterprise=city.enterprise_a,
            kind=SignalKind.WAGE_ARREARS,
            observed_on=TODAY + datetime.timedelta(days=1),
        )
    assert {"observed_on", "workers"} <= set(error.value.message_dict)
    with pytest.raises(Exception):  # noqa: B017
        actions.record_signal(
            actor=people.district_b_admin,
            enterprise=city.enterprise_a,
            kind=SignalKind.SHUTDOWN,
            observed_on=TODAY,
        )
    assert not RiskSignal.objects.exists() and not RiskScore.objects.exists()


def test_a_registered_source_contributes_to_the_score(city):
    def tickets(enterprise_ids, on):
        return [
            sources.Contribution(
                city.enterprise_b.pk, "ticket", count=10, detail="近90天工单 10 件"
            )
        ]

    sources.register("test.tickets", tickets)
    try:
        actions.score_enterprises([city.enterprise_b.pk])
    finally:
        sources.unregister("test.tickets")
    score = RiskScore.objects.get(enterprise=city.enterprise_b)
    assert (score.score, score.level) == (10, "blue")
    assert "近90天工单 10 件" in score.reasons[0]["detail"]
    assert not Alert.objects.exists()  # blue is watched, not alerted, by default


def test_escalation_hands_the_alert_to_the_next_union_up(city, people):
    feed_arrears_and_group_tickets(city, people.union_a_admin)
    alert = Alert.objects.get(enterprise=city.enterprise_a)
    actions.alert_escalate(actor=people.union_a_admin, alert=alert, reason="企业拒绝协商")
    alert.refresh_from_db()
    assert (alert.org, alert.status) == (city.street_a, AlertStatus.ESCALATED)
    assert Alert.objects.visible_to(people.union_a_admin).filter(pk=alert.pk).exists()


def test_facts_for_honours(city, people):
    feed_arrears_and_group_tickets(city, people.union_a_admin)
    ids = [city.enterprise_a.pk, city.enterprise_b.pk]
    arrears = facts.lookup(facts.WAGE_ARREARS, ids, on=TODAY)
    assert set(arrears) == {city.enterprise_a.pk}
    assert "40" in arrears[city.enterprise_a.pk].evidence
    level = facts.lookup(facts.RISK_LEVEL, ids, on=TODAY)
    assert level[city.enterprise_a.pk].value == "red"
    assert city.enterprise_b.pk not in level


def test_the_rescore_command_runs_the_task(city, people):
    from io import StringIO

    from django.core.management import call_command

    feed_arrears_and_group_tickets(city, people.union_a_admin)
    RiskScore.objects.all().delete()
    out = StringIO()
    call_command("rescore_risk", stdout=out)
    assert RiskScore.objects.get(enterprise=city.enterprise_a).level == "red"
