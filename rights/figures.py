"""Rights-protection figures of the statistics layer (reports/figures.py): 12351 tickets
received in the period by type and group tickets, answered on time (按期办结率) and resolved
(化解率); legal-aid cases and the amount recovered; disputes closed and mediated. One
aggregate query per model (tickets, legal aid, disputes). Also the report paragraph of
section RIGHTS for rights and for services, and the problem finder for rising tickets."""

from django.conf import settings
from django.db.models import F, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from reports.figures import Figure, Ratio, Section
from rights.choices import ANSWERED_TICKET_STATUSES, DisputeOutcome, TicketKind
from rights.models import DisputeCase, LegalAidCase, Ticket

TICKET_KEYS = {kind: f"rights.tickets_{kind}" for kind in TicketKind.values}


def tickets_of_subtree(org):
    return Ticket.objects.filter(org__path__startswith=org.path)


def legal_aid_of_subtree(org):
    return LegalAidCase.objects.filter(org__path__startswith=org.path)


def disputes_of_subtree(org):
    return DisputeCase.objects.filter(org__path__startswith=org.path)


def _received(period) -> Q:
    return Q(received_on__range=(period.start, period.end))


def _answered(period) -> Q:
    return Q(status__in=ANSWERED_TICKET_STATUSES, answered_on__range=(period.start, period.end))


def _concluded(period) -> Q:
    return Q(concluded_on__range=(period.start, period.end))


def _disputes_closed(period) -> Q:
    return Q(closed_on__range=(period.start, period.end))


def register():
    from reports import figures

    tickets = pgettext_lazy("rights unit", "tickets")
    cases = pgettext_lazy("rights unit", "cases")
    by_kind = [
        Figure(
            TICKET_KEYS[kind],
            label,
            tickets,
            Section.RIGHTS,
            base=tickets_of_subtree,
            where=lambda p, kind=kind: _received(p) & Q(kind=kind),
            describe=gettext_lazy("12351 tickets of this type received in the period"),
            order=11 + i,
        )
        for i, (kind, label) in enumerate(TicketKind.choices)
    ]
    figures.register(
        Figure(
            "rights.tickets",
            gettext_lazy("12351 tickets received"),
            tickets,
            Section.RIGHTS,
            base=tickets_of_subtree,
            where=_received,
            describe=gettext_lazy("12351 tickets received in the period"),
            order=10,
            trend_field="received_at",
        ),
        *by_kind,
        Figure(
            "rights.group_tickets",
            gettext_lazy("Group tickets received"),
            tickets,
            Section.RIGHTS,
            base=tickets_of_subtree,
            where=lambda p: _received(p) & Q(is_group=True),
            describe=gettext_lazy("group tickets (many workers) received in the period"),
            order=20,
        ),
        Figure(
            "rights.answered",
            gettext_lazy("12351 tickets answered"),
            tickets,
            Section.RIGHTS,
            base=tickets_of_subtree,
            where=_answered,
            describe=gettext_lazy("tickets answered in the period"),
            order=21,
        ),
        Figure(
            "rights.answered_on_time",
            gettext_lazy("12351 tickets answered by the deadline"),
            tickets,
            Section.RIGHTS,
            base=tickets_of_subtree,
            where=lambda p: _answered(p) & Q(answered_on__lte=F("due_on")),
            describe=gettext_lazy("tickets answered in the period by their working-day deadline"),
            order=22,
        ),
        Ratio(
            "rights.on_time_rate",
            gettext_lazy("12351 tickets closed on time"),
            "rights.answered_on_time",
            "rights.answered",
            Section.RIGHTS,
            describe=gettext_lazy("answered by the deadline / answered"),
            order=23,
        ),
        Figure(
            "rights.with_outcome",
            gettext_lazy("12351 tickets answered with an outcome"),
            tickets,
            Section.RIGHTS,
            base=tickets_of_subtree,
            where=lambda p: _answered(p) & Q(resolved__isnull=False),
            describe=gettext_lazy("tickets answered in the period saying whether it was resolved"),
            order=24,
        ),
        Figure(
            "rights.resolved",
            gettext_lazy("12351 tickets resolved"),
            tickets,
            Section.RIGHTS,
            base=tickets_of_subtree,
            where=lambda p: _answered(p) & Q(resolved=True),
            describe=gettext_lazy("tickets answered in the period with the matter resolved"),
            order=25,
        ),
        Ratio(
            "rights.resolution_rate",
            gettext_lazy("12351 ticket resolution rate"),
            "rights.resolved",
            "rights.with_outcome",
            Section.RIGHTS,
            describe=gettext_lazy("resolved / answered with an outcome"),
            order=26,
        ),
        Figure(
            "rights.legal_aid",
            gettext_lazy("Legal-aid applications"),
            cases,
            Section.RIGHTS,
            base=legal_aid_of_subtree,
            where=lambda p: Q(submitted_on__range=(p.start, p.end)),
            describe=gettext_lazy("legal-aid applications submitted in the period"),
            order=30,
        ),
        Figure(
            "rights.legal_aid_concluded",
            gettext_lazy("Legal-aid cases concluded"),
            cases,
            Section.RIGHTS,
            base=legal_aid_of_subtree,
            where=_concluded,
            describe=gettext_lazy("legal-aid cases concluded in the period"),
            order=31,
        ),
        Figure(
            "rights.legal_aid_recovered",
            gettext_lazy("Amount recovered through legal aid"),
            gettext_lazy("yuan"),
            Section.RIGHTS,
            base=legal_aid_of_subtree,
            where=_concluded,
            measure=Sum("amount_recovered"),
            money=True,
            describe=gettext_lazy(
                "amount recovered by the legal-aid cases concluded in the period"
            ),
            order=32,
        ),
        Figure(
            "rights.disputes_closed",
            gettext_lazy("Labour disputes concluded"),
            cases,
            Section.RIGHTS,
            base=disputes_of_subtree,
            where=_disputes_closed,
            describe=gettext_lazy("labour dispute cases closed in the period"),
            order=40,
        ),
        Figure(
            "rights.disputes_mediated",
            gettext_lazy("Labour disputes mediated successfully"),
            cases,
            Section.RIGHTS,
            base=disputes_of_subtree,
            where=lambda p: _disputes_closed(p) & Q(outcome=DisputeOutcome.MEDIATED),
            describe=gettext_lazy("dispute cases closed in the period by a mediated agreement"),
            order=41,
        ),
        Ratio(
            "rights.mediation_rate",
            gettext_lazy("Dispute mediation success rate"),
            "rights.disputes_mediated",
            "rights.disputes_closed",
            Section.RIGHTS,
            describe=gettext_lazy("mediated successfully / closed"),
            order=42,
        ),
    )
    register_narrative()


# --- the report -------------------------------------------------------------------------------


def rights_paragraph(ctx):
    """12351 tickets, legal aid and dispute mediation of the period."""
    from reports.narrative import change_phrase, joined

    if not ctx.positive(
        "rights.tickets", "rights.answered", "rights.legal_aid", "rights.legal_aid_concluded",
        "rights.disputes_closed",
    ):  # fmt: skip
        return None
    sentences = []
    if ctx.positive("rights.tickets"):
        parts = [
            _("The 12351 hotline received %(n)s tickets in the period")
            % {"n": ctx.text("rights.tickets")}
        ]
        change = change_phrase(ctx, "rights.tickets")
        if change:
            parts.append(change)
        kinds = [
            _("%(kind)s tickets: %(n)s") % {"kind": label, "n": ctx.text(TICKET_KEYS[kind])}
            for kind, label in TicketKind.choices
            if ctx.positive(TICKET_KEYS[kind])
        ]
        if kinds:
            parts.append(_("of which %(kinds)s") % {"kinds": "、".join(kinds)})
        if ctx.positive("rights.group_tickets"):
            parts.append(
                _("%(n)s group tickets among them") % {"n": ctx.text("rights.group_tickets")}
            )
        sentences.append(joined(parts))
    if ctx.positive("rights.answered"):
        parts = [_("%(n)s tickets were answered") % {"n": ctx.text("rights.answered")}]
        parts.append(
            _("the on-time closing rate was %(rate)s") % {"rate": ctx.text("rights.on_time_rate")}
        )
        if ctx.value("rights.resolution_rate") is not None:
            parts.append(
                _("the ticket resolution rate was %(rate)s")
                % {"rate": ctx.text("rights.resolution_rate")}
            )
        sentences.append(joined(parts))
    if ctx.positive("rights.legal_aid", "rights.legal_aid_concluded"):
        parts = []
        if ctx.positive("rights.legal_aid"):
            parts.append(
                _("%(n)s legal-aid applications were received")
                % {"n": ctx.text("rights.legal_aid")}
            )
        if ctx.positive("rights.legal_aid_concluded"):
            parts.append(
                _("%(n)s legal-aid cases were concluded")
                % {"n": ctx.text("rights.legal_aid_concluded")}
            )
        if ctx.positive("rights.legal_aid_recovered"):
            parts.append(
                _("recovering %(amount)s for workers")
                % {"amount": ctx.text("rights.legal_aid_recovered")}
            )
        sentences.append(joined(parts))
    if ctx.positive("rights.disputes_closed"):
        sentences.append(
            joined(
                [
                    _("%(n)s labour disputes were concluded")
                    % {"n": ctx.text("rights.disputes_closed")},
                    _("%(n)s of them mediated successfully, a success rate of %(rate)s")
                    % {
                        "n": ctx.text("rights.disputes_mediated"),
                        "rate": ctx.text("rights.mediation_rate"),
                    },
                ]
            )
        )
    return "".join(sentences)


def services_paragraph(ctx):
    """Service requests and practical projects (figures of services/figures.py)."""
    from reports.narrative import joined

    if not ctx.positive("services.requests", "services.done", "projects.total"):
        return None
    sentences = []
    if ctx.positive("services.requests", "services.done"):
        parts = [
            _("Members made %(n)s requests for union services")
            % {"n": ctx.text("services.requests")}
        ]
        if ctx.positive("services.done"):
            parts.append(
                _("%(n)s service requests were completed, %(rate)s of them within the deadline")
                % {"n": ctx.text("services.done"), "rate": ctx.text("services.in_time_rate")}
            )
        if ctx.value("services.satisfaction") is not None:
            parts.append(
                _("member satisfaction with services was %(rate)s")
                % {"rate": ctx.text("services.satisfaction")}
            )
        sentences.append(joined(parts))
    if ctx.positive("projects.total"):
        sentences.append(
            joined(
                [
                    _("%(n)s practical projects for workers were run, %(done)s of them at target")
                    % {"n": ctx.text("projects.total"), "done": ctx.text("projects.at_target")}
                ]
            )
        )
    return "".join(sentences)


def rising_tickets(ctx):
    """More 12351 tickets than in the previous period by at least the configured share."""
    from reports.narrative import Problem, change_phrase

    change = ctx.change("rights.tickets")
    threshold = settings.GONGHUI["REPORT_TICKET_RISE_PERCENT"]
    if change is None or change < threshold:
        return []
    return [
        Problem(
            _("12351 tickets rose to %(n)s, %(change)s.")
            % {"n": ctx.text("rights.tickets"), "change": change_phrase(ctx, "rights.tickets")},
            _(
                "Look into the enterprises behind the rising 12351 tickets and deal with "
                "wage arrears and group cases at the source."
            ),
        )
    ]


def overdue_tickets_todo(user, org):
    from django.urls import reverse
    from django.utils import timezone

    from core.choices import Action
    from rights.selectors import overdue_q

    count = (
        Ticket.objects.visible_to(user, Action.VIEW)
        .filter(overdue_q(timezone.localdate()), org__path__startswith=org.path)
        .count()
    )
    return count, reverse("rights:ticket-todo")


def register_narrative():
    from reports import narrative

    narrative.register_paragraph(Section.RIGHTS, rights_paragraph, order=10)
    narrative.register_paragraph(Section.RIGHTS, services_paragraph, order=50)
    narrative.register_problem(rising_tickets, order=50)

    from reports import dashboard

    dashboard.register_todo(
        "rights-overdue-tickets",
        gettext_lazy("Overdue 12351 tickets"),
        overdue_tickets_todo,
        order=30,
    )
