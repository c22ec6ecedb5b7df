"""Vocabulary of rights protection (维权): 12351 tickets, legal aid and labour disputes.

The ticket types, difficulty tiers and channels follow the national 12351 standard
(DOMAIN §1: 问题咨询、服务帮扶、信访投诉、法律援助、意见建议; tiers 一般/难点/特别复杂)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TicketKind(models.TextChoices):
    CONSULTATION = "consultation", _("Consultation")
    ASSISTANCE = "assistance", _("Service and assistance")
    COMPLAINT = "complaint", _("Petition or complaint")
    LEGAL_AID = "legal_aid", _("Legal aid")
    SUGGESTION = "suggestion", _("Opinion or suggestion")


class TicketTier(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary")
    DIFFICULT = "difficult", _("Difficult")
    COMPLEX = "complex", _("Especially complex")


class TicketChannel(models.TextChoices):
    HOTLINE = "hotline", _("Hotline")
    ONLINE = "online", _("Online (web or app)")
    VISIT = "visit", _("Walk-in visit")
    REFERRAL = "referral", _("Referred by another body")


class Category(models.TextChoices):
    """What the matter is about; shared by tickets, legal aid and disputes."""

    WAGE_ARREARS = "wage_arrears", _("Wage arrears")
    CONTRACT = "contract", _("Labour contract")
    SOCIAL_INSURANCE = "social_insurance", _("Social insurance")
    WORK_INJURY = "work_injury", _("Work injury")
    HOURS_LEAVE = "hours_leave", _("Working hours and leave")
    DISMISSAL = "dismissal", _("Dismissal or lay-offs")
    OTHER = "other", _("Other")


class TicketStatus(models.TextChoices):
    RECEIVED = "received", _("Received and registered")
    ASSIGNED = "assigned", _("Assigned to a handler")
    HANDLING = "handling", pgettext_lazy("rights", "Being handled")
    REPLIED = "replied", _("Replied")
    CLOSED = "closed", _("Closed")
    TRANSFERRED = "transferred", _("Transferred out")


# Statuses in which the union still owes the caller an answer (the deadline runs).
OPEN_TICKET_STATUSES = (TicketStatus.RECEIVED, TicketStatus.ASSIGNED, TicketStatus.HANDLING)
# Statuses in which the caller has had an answer.
ANSWERED_TICKET_STATUSES = (TicketStatus.REPLIED, TicketStatus.CLOSED, TicketStatus.TRANSFERRED)


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    FAIRLY = "fairly", _("Fairly satisfied")
    DISSATISFIED = "dissatisfied", _("Dissatisfied")
    UNREACHABLE = "unreachable", _("Could not be reached")


class TicketEventKind(models.TextChoices):
    RECEIVED = "received", _("Received and registered")
    ASSIGNED = "assigned", _("Assigned to a handler")
    STARTED = "started", _("Handling started")
    REPLIED = "replied", _("Replied")
    CLOSED = "closed", _("Closed")
    REROUTED = "rerouted", _("Sent to another union")
    TRANSFERRED = "transferred", _("Transferred to a department")
    REMINDED = "reminded", _("Deadline reminder")
    ESCALATED = "escalated", _("Escalated to the parent union")
    CALLBACK = "callback", _("Satisfaction call-back")
    REOPENED = "reopened", _("Reopened")


class LegalAidStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")
    ASSIGNED = "assigned", _("Lawyer assigned")
    CONCLUDED = "concluded", _("Case concluded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_LEGAL_AID_STATUSES = (
    LegalAidStatus.SUBMITTED,
    LegalAidStatus.ACCEPTED,
    LegalAidStatus.ASSIGNED,
)


class LegalAidChannel(models.TextChoices):
    ONLINE = "online", _("Online (web or app)")
    VISIT = "visit", _("Walk-in visit")
    TICKET = "ticket", _("From a 12351 ticket")


class LegalAidOutcome(models.TextChoices):
    UPHELD = "upheld", _("Claims upheld")
    PARTLY = "partly", _("Claims partly upheld")
    SETTLED = "settled", _("Settled by agreement")
    DISMISSED = "dismissed", _("Claims dismissed")
    WITHDRAWN = "withdrawn", _("Withdrawn by the applicant")


class LawyerKind(models.TextChoices):
    LAWYER = "lawyer", _("Lawyer")
    ASSISTANT = "assistant", _("Legal aid worker")


class DisputeStatus(models.TextChoices):
    REGISTERED = "registered", _("Case registered")
    MEDIATING = "mediating", _("In mediation")
    CLOSED = "closed", _("Closed")


class DisputeOutcome(models.TextChoices):
    MEDIATED = "mediated", _("Mediated successfully")
    ARBITRATION = "arbitration", _("Referred to arbitration")
    LITIGATION = "litigation", _("Taken to court")
    WITHDRAWN = "withdrawn", _("Withdrawn")
