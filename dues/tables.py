from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core.tables import Column
from dues.months import month_label
from dues.selectors import rate


def _money(value) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def _percent(value) -> str:
    return "" if value is None else f"{value:.1f}%"


DUES_COLUMNS = [
    Column(
        "member",
        _("Member"),
        sort="member__name_pinyin",
        link=True,
        accessor=lambda r: r.member.name,
    ),
    Column("member__card_number", _("Card number")),
    Column("member__id_number_masked", _("ID number")),
    Column("month", _("Month"), sort="month", accessor=lambda r: month_label(r.month)),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("wage_base", _("Wage base"), sort="wage_base", css="text-end"),
    Column("amount", _("Dues"), sort="amount", css="text-end"),
    Column("status", _("Status"), sort="status"),
    Column("paid_on", _("Paid on"), sort="paid_on"),
    Column("source", _("Source"), sort="source"),
]

REVIEW_COLUMNS = [
    Column("name", _("Name"), sort="name_pinyin", link=True),
    Column("card_number", _("Card number"), sort="card_number"),
    Column("id_number_masked", _("ID number")),
    Column("phone_masked", _("Phone")),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("joined_on", _("Joined on"), sort="joined_on"),
    Column(
        "last_paid_month",
        _("Last paid month"),
        sort="last_paid_month",
        accessor=lambda m: month_label(m.last_paid_month),
    ),
]

SUMMARY_COLUMNS = [
    Column("name", _("Union"), sort="name", link=True, wrap=True),
    Column("members_due", _("Members due"), sort="members_due", css="text-end"),
    Column("members_paid", _("Members paid"), sort="members_paid", css="text-end"),
    Column(
        "payment_rate",
        _("Payment rate"),
        accessor=lambda o: _percent(rate(o.members_paid, o.members_due)),
        css="text-end",
    ),
    Column("members_exempt", _("Exempt"), sort="members_exempt", css="text-end"),
    Column(
        "amount_due",
        _("Amount due"),
        sort="amount_due",
        accessor=lambda o: _money(o.amount_due),
        css="text-end",
    ),
    Column(
        "amount_paid",
        _("Amount paid"),
        sort="amount_paid",
        accessor=lambda o: _money(o.amount_paid),
        css="text-end",
    ),
]
