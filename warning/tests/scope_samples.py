"""Rows of early warning in district A and district B for the scope test."""

import datetime

from django.utils import timezone

from warning import actions
from warning.choices import SignalKind
from warning.models import Alert, AlertEvent, Campaign, Inspection, RiskScore, RiskSignal


def _signal(enterprise, note):
    return actions.record_signal(
        actor=None,
        enterprise=enterprise,
        kind=SignalKind.SHUTDOWN,
        observed_on=timezone.localdate() - datetime.timedelta(days=2),
        note=note,
    )


def _campaign(org, enterprise, title):
    today = timezone.localdate()
    return actions.campaign_create(
        actor=None,
        org=org,
        title=title,
        starts_on=today,
        due_on=today,
        enterprises=[enterprise],
    )


def samples(city, people):
    signal_a = _signal(city.enterprise_a, "甲停产")
    signal_b = _signal(city.enterprise_b, "乙停产")
    alert_a = Alert.objects.get(enterprise=city.enterprise_a)
    alert_b = Alert.objects.get(enterprise=city.enterprise_b)
    campaign_a = _campaign(city.district_a, city.enterprise_a, "甲区改制企业排查")
    campaign_b = _campaign(city.district_b, city.enterprise_b, "乙区改制企业排查")
    return {
        RiskSignal: (signal_a, signal_b, "甲科技有限公司", "乙物流有限公司"),
        RiskScore: (
            RiskScore.objects.get(enterprise=city.enterprise_a),
            RiskScore.objects.get(enterprise=city.enterprise_b),
            "甲科技有限公司",
            "乙物流有限公司",
        ),
        Alert: (alert_a, alert_b, "甲科技有限公司", "乙物流有限公司"),
        AlertEvent: (
            alert_a.events.first(),
            alert_b.events.first(),
            "甲科技有限公司",
            "乙物流有限公司",
        ),
        Campaign: (campaign_a, campaign_b, "甲区改制企业排查", "乙区改制企业排查"),
        Inspection: (
            campaign_a.inspections.get(),
            campaign_b.inspections.get(),
            "甲科技有限公司",
            "乙物流有限公司",
        ),
    }
