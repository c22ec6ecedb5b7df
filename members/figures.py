"""Membership figures of the statistics layer (reports/figures.py).

Members are counted as they stand now, among those who joined by the period's end: a
member who has since left is not counted for an earlier period either (the record keeps
no status history beyond the 会籍变化 rows)."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.choices import NEW_EMPLOYMENT_FORMS, Gender, JoinStatus, MemberStatus, TransferStatus
from members.models import JoinApplication, Transfer
from members.selectors import members_of_subtree
from orgs.choices import OrgStatus
from reports.figures import Figure, Ratio, Section


def _active_by_end(period) -> Q:
    return Q(status=MemberStatus.ACTIVE, joined_on__lte=period.end)


def transfers_into_subtree(org):
    return Transfer.objects.filter(to_org__path__startswith=org.path)


def applications_of_subtree(org):
    return JoinApplication.objects.filter(org__path__startswith=org.path)


def register():
    from reports import figures

    people = _("people")
    figures.register(
        Figure(
            "members.total",
            _("Members"),
            people,
            Section.BUILDING,
            base=members_of_subtree,
            where=_active_by_end,
            stock=True,
            describe=_("active members who joined by the end of the period"),
            order=30,
            headline=True,
        ),
        Figure(
            "members.new",
            _("New members"),
            people,
            Section.BUILDING,
            base=members_of_subtree,
            where=lambda p: Q(joined_on__range=(p.start, p.end)),
            describe=_("members whose joining date falls in the period"),
            order=31,
            headline=True,
            trend_field="joined_on",
        ),
        Figure(
            "members.new_forms",
            _("Members in new forms of employment"),
            people,
            Section.BUILDING,
            base=members_of_subtree,
            where=lambda p: _active_by_end(p) & Q(employment_form__in=NEW_EMPLOYMENT_FORMS),
            stock=True,
            describe=_("couriers, delivery riders, ride-hailing and truck drivers among them"),
            order=32,
        ),
        Figure(
            "members.new_forms_joined",
            _("New members in new forms of employment"),
            people,
            Section.BUILDING,
            base=members_of_subtree,
            where=lambda p: Q(
                joined_on__range=(p.start, p.end), employment_form__in=NEW_EMPLOYMENT_FORMS
            ),
            order=33,
        ),
        Figure(
            "members.migrant_workers",
            _("Migrant worker members"),
            people,
            Section.BUILDING,
            base=members_of_subtree,
            where=lambda p: _active_by_end(p) & Q(is_migrant_worker=True),
            stock=True,
            order=34,
        ),
        Figure(
            "members.women",
            _("Women members"),
            people,
            Section.BUILDING,
            base=members_of_subtree,
            where=lambda p: _active_by_end(p) & Q(gender=Gender.FEMALE),
            stock=True,
            order=35,
        ),
        Figure(
            "members.in_covered_enterprises",
            _("Members in enterprises with a union"),
            people,
            Section.BUILDING,
            base=members_of_subtree,
            where=lambda p: (
                _active_by_end(p) & Q(enterprise__covering_union__status=OrgStatus.ACTIVE)
            ),
            stock=True,
            order=36,
        ),
        Ratio(
            "members.join_rate",
            _("Membership rate"),
            "members.in_covered_enterprises",
            "enterprises.employees_covered",
            Section.BUILDING,
            stock=True,
            describe=_("members in enterprises with a union / their employees"),
            order=37,
            headline=True,
        ),
        Figure(
            "members.online_approved",
            _("Online applications approved"),
            _("applications"),
            Section.BUILDING,
            base=applications_of_subtree,
            where=lambda p: Q(status=JoinStatus.APPROVED, decided_at__date__range=(p.start, p.end)),
            order=38,
        ),
        Figure(
            "members.transfers_in",
            _("Members transferred in"),
            people,
            Section.BUILDING,
            base=transfers_into_subtree,
            path="to_org__path",
            where=lambda p: Q(status=TransferStatus.ACCEPTED, decided_on__range=(p.start, p.end)),
            order=39,
        ),
    )
    register_narrative()
    register_dashboard()


def membership_paragraph(ctx):
    """会员发展: members now, their make-up, who joined in the period and how."""
    from reports.narrative import change_phrase, joined

    if not ctx.positive("members.total", "members.new"):
        return None
    sentences = []
    if ctx.positive("members.total"):
        parts = [_("The unions had %(members)s members") % {"members": ctx.text("members.total")}]
        makeup = [
            label % {"n": ctx.text(key)}
            for key, label in (
                ("members.new_forms", _("%(n)s in new forms of employment")),
                ("members.migrant_workers", _("%(n)s migrant workers")),
                ("members.women", _("%(n)s women")),
            )
            if ctx.positive(key)
        ]
        if makeup:
            parts.append(_("of whom %(makeup)s") % {"makeup": "、".join(makeup)})
        if ctx.value("members.join_rate") is not None:
            parts.append(
                _("the membership rate was %(rate)s") % {"rate": ctx.text("members.join_rate")}
            )
        sentences.append(joined(parts))
    if ctx.positive("members.new"):
        parts = [_("%(n)s new members joined in the period") % {"n": ctx.text("members.new")}]
        change = change_phrase(ctx, "members.new")
        if change:
            parts.append(change)
        if ctx.positive("members.new_forms_joined"):
            parts.append(
                _("%(n)s of them in new forms of employment")
                % {"n": ctx.text("members.new_forms_joined")}
            )
        if ctx.positive("members.online_approved"):
            parts.append(
                _("%(n)s online applications were approved")
                % {"n": ctx.text("members.online_approved")}
            )
        if ctx.positive("members.transfers_in"):
            parts.append(
                _("%(n)s members were received by transfer")
                % {"n": ctx.text("members.transfers_in")}
            )
        sentences.append(joined(parts))
    return "".join(sentences)


def falling_join_rate(ctx):
    from reports.narrative import Problem

    now, before = ctx.value("members.join_rate"), ctx.previous["members.join_rate"].value
    drop = settings.GONGHUI["REPORT_JOIN_RATE_DROP_POINTS"]
    if now is None or before is None or before - now < drop:
        return []
    return [
        Problem(
            _("The membership rate fell from %(before)s to %(now)s.")
            % {
                "before": ctx.previous["members.join_rate"].text(),
                "now": ctx.text("members.join_rate"),
            },
            _(
                "Find out why the membership rate fell and win members back, "
                "enterprise by enterprise."
            ),
        )
    ]


def fewer_new_members(ctx):
    from reports.narrative import Problem, change_phrase

    change = ctx.change("members.new")
    if change is None or change > -10:
        return []
    ctx.used.add("members.new")
    return [
        Problem(
            _("Fewer members joined than in the previous period (%(change)s).")
            % {"change": change_phrase(ctx, "members.new")},
            _(
                "Step up recruitment, above all of couriers, riders and drivers and of "
                "workers in enterprises without a union."
            ),
        )
    ]


def register_narrative():
    from reports import narrative

    narrative.register_paragraph(Section.BUILDING, membership_paragraph, order=20)
    narrative.register_problem(falling_join_rate, order=20)
    narrative.register_problem(fewer_new_members, order=30)


def join_applications_todo(user, org):
    from django.urls import reverse

    from members.selectors import pending_join_applications

    count = pending_join_applications(user).filter(org__path__startswith=org.path).count()
    return count, f"{reverse('members:join-list')}?status=submitted"


def register_dashboard():
    from reports import dashboard

    dashboard.register_todo(
        "join-applications",
        _("Join applications waiting for review"),
        join_applications_todo,
        order=10,
    )
