from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column


def _review_state(file) -> str:
    from assistance.actions import temporary_expiry_limit

    today = timezone.localdate()
    if file.is_temporary and file.approved_on and file.approved_on <= temporary_expiry_limit(today):
        return str(_("Temporary file expired"))
    if file.review_due_on and file.review_due_on < today:
        return str(_("Review overdue"))
    return str(_("Review due soon"))


FILE_COLUMNS = [
    Column("head_name", _("Household head"), sort="head_name", link=True),
    Column("head_id_masked", _("ID number")),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("category", _("Hardship category"), sort="category"),
    Column("causes", _("Causes"), accessor=lambda f: f.cause_labels(), wrap=True),
    Column("status", _("Status"), sort="status"),
    Column("applied_on", _("Applied on"), sort="applied_on"),
    Column("approved_on", _("Filed on"), sort="approved_on"),
    Column("review_due_on", _("Review due on"), sort="review_due_on"),
]

REVIEW_COLUMNS = [
    Column("head_name", _("Household head"), sort="head_name", link=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("category", _("Hardship category"), sort="category"),
    Column(
        "is_temporary", _("Temporary file"), accessor=lambda f: _("Yes") if f.is_temporary else ""
    ),
    Column("approved_on", _("Filed on"), sort="approved_on"),
    Column("last_reviewed_on", _("Last reviewed on"), sort="last_reviewed_on"),
    Column("review_due_on", _("Review due on"), sort="review_due_on"),
    Column("due", _("What is due"), accessor=_review_state),
]

RECORD_COLUMNS = [
    Column("delivered_on", _("Delivered on"), sort="delivered_on"),
    Column(
        "member",
        _("Member"),
        sort="member__name_pinyin",
        link=True,
        accessor=lambda r: r.member.name,
    ),
    Column("member__card_number", _("Card number")),
    Column("kind", _("Kind of aid"), sort="kind"),
    Column("amount", _("Amount (yuan)"), sort="amount", css="text-end"),
    Column("fund_source", _("Fund source"), sort="fund_source"),
    Column("campaign", _("Campaign"), wrap=True),
    Column("org", _("Paid by"), sort="org__name", wrap=True),
    Column("delivered_by", _("Delivered by"), wrap=True),
]

CAMPAIGN_COLUMNS = [
    Column("title", pgettext_lazy("assistance", "Title"), sort="title", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("year", _("Year"), sort="year"),
    Column("org", _("Run by"), sort="org__name", wrap=True),
    Column("budget", _("Fund (yuan)"), sort="budget", css="text-end"),
    Column("fund_source", _("Fund source")),
    Column("status", _("Status"), sort="status"),
    Column("starts_on", _("Starts on"), sort="starts_on"),
    Column("ends_on", _("Ends on"), sort="ends_on"),
]

FUND_COLUMNS = [
    Column(
        "campaign",
        _("Campaign"),
        sort="campaign__title",
        link=True,
        wrap=True,
        accessor=lambda a: a.campaign.title,
    ),
    Column("campaign__year", _("Year"), sort="campaign__year"),
    Column("org", _("Organisation"), sort="org__name", wrap=True),
    Column(
        "parent",
        _("Allocated by"),
        accessor=lambda a: a.parent.org.name if a.parent else "",
        wrap=True,
    ),
    Column("amount", _("Allocated (yuan)"), sort="amount", css="text-end"),
    Column("sub_allocated", _("Passed down (yuan)"), sort="sub_allocated", css="text-end"),
    Column("spent", _("Paid out (yuan)"), sort="spent", css="text-end"),
    Column("balance", _("Balance (yuan)"), accessor=lambda a: a.balance, css="text-end"),
]
