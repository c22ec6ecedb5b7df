from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.scoping import has_any_role

# The side menu, by capability. Each app adds its entries here as it lands.
MENU = [
    ("home", _("Workbench"), "home"),
    ("dashboard", _("Dashboard"), "reports:dashboard"),
    ("orgs", _("Organisation tree"), "orgs:list"),
    ("enterprises", _("Enterprises"), "orgs:enterprise-list"),
    ("members", _("Members"), "members:list"),
    ("transfers", _("Transfers"), "members:transfer-list"),
    ("dues", _("Dues"), "dues:list"),
    ("hardship-files", _("Hardship files"), "assistance:file-list"),
    ("assistance", _("Assistance records"), "assistance:record-list"),
    ("campaign-funds", _("Campaign funds"), "assistance:fund-list"),
    ("join", _("Join applications"), "members:join-list"),
    ("contracts", _("Collective contracts"), "labour:contract-list"),
    ("congresses", _("Workers' congresses"), "labour:congress-list"),
    ("risk", _("Risk list"), "warning:risk-list"),
    ("alerts", _("Alerts"), "warning:alert-list"),
    ("campaigns", _("Inspection campaigns"), "warning:campaign-list"),
    ("stations", _("Stations"), "stations:list"),
    ("jobs", _("Employment"), "employment:job-list"),
    ("contests", _("Contests"), "contests:list"),
    ("judging", _("My judging"), "contests:judging"),
    ("innovations", _("Innovations"), "innovation:list"),
    ("studios", _("Innovation studios"), "innovation:studio-list"),
    ("trainings", _("Trainings"), "skills:list"),
    ("skill_awards", _("Skills awards"), "skills:award-list"),
    ("services", _("Service catalogue"), "services:list"),
    ("service-requests", _("Service requests"), "services:request-list"),
    ("practical-projects", _("Practical projects"), "services:project-list"),
    ("tickets", _("12351 tickets"), "rights:ticket-list"),
    ("legal-aid", _("Legal aid"), "rights:legal-aid-list"),
    ("lawyers", _("Lawyers"), "rights:lawyer-list"),
    ("disputes", _("Labour disputes"), "rights:dispute-list"),
    ("elections", _("Elections due"), "orgs:elections-due"),
    ("activities", _("Activities"), "activities:list"),
    ("notices", _("Notices and news"), "activities:notice-list"),
    ("quizzes", _("Quizzes"), "activities:quiz-list"),
    ("reports", _("Work reports"), "reports:draft-list"),
    ("honours", _("Honour programmes"), "honours:programme-list"),
    ("nominations", _("Nominations"), "honours:nomination-list"),
    ("model_workers", _("Model-worker registry"), "honours:model-worker-list"),
    ("venues", _("Venues"), "grassroots:venue-list"),
    ("homes", _("Workers' homes"), "grassroots:evaluation-list"),
    ("tasks", _("Tasks"), "grassroots:task-list"),
    ("petitions", _("Letters and visits"), "petitions:list"),
    ("imports", _("Imports"), "import-list"),
    ("audit", _("Audit log"), "audit-log"),
]


def _has_judge_seat(user) -> bool:
    from contests.models import JudgeAssignment

    return JudgeAssignment.objects.of_user(user).exists()


# Entries of the menu an account without a cadre role is offered when it has work behind
# them: a contest judge is a plain user account seated on a panel, and the judges' pages go
# by the seat, not by an org role. Each names a predicate ``fn(user) -> bool``.
ROLELESS_ENTRIES = {"judging": _has_judge_seat}


def roleless_entries(user) -> set[str]:
    """The menu keys of ``ROLELESS_ENTRIES`` that ``user`` has work behind (asked once per
    request: the answer is kept on the user object)."""
    found = getattr(user, "_gh_roleless_entries", None)
    if found is None:
        found = {key for key, has_work in ROLELESS_ENTRIES.items() if has_work(user)}
        user._gh_roleless_entries = found
    return found


def roleless_landing(user) -> str | None:
    """Where an account without a cadre role but with such work starts: its first entry in
    menu order (``None`` when it has none, and the workbench points members to their
    sign-in)."""
    keys = roleless_entries(user)
    return next((reverse(name) for key, _label, name in MENU if key in keys), None)


# Drop-down groups of the menu: an entry joins a group by its key or by its URL's namespace
# (so a new app's entries land in their group without editing this list). A group stands
# where its first entry would.
MENU_GROUPS = [
    ("organising", _("Organisation building"), {"enterprises", "elections", "imports"}, set()),
    ("membership", _("Membership"), {"members", "join", "transfers", "dues"}, set()),
    ("serving", _("Serving workers"), set(), {"services", "assistance", "stations", "employment"}),
    ("protecting", _("Protecting rights"), set(), {"rights", "labour", "warning"}),
    (
        "workforce",
        _("Building the workforce"),
        set(),
        {"contests", "innovation", "skills", "honours"},
    ),
    ("guiding", _("Guiding and grassroots"), set(), {"activities", "grassroots", "petitions"}),
]


def _grouped(entries: list[dict], active: str) -> list[dict]:
    menu, groups = [], {}
    for entry in entries:
        namespace = entry["name"].split(":")[0] if ":" in entry["name"] else ""
        group = next((g for g in MENU_GROUPS if entry["key"] in g[2] or namespace in g[3]), None)
        if group is None:
            menu.append(entry)
            continue
        if group[0] not in groups:
            groups[group[0]] = {"key": group[0], "label": group[1], "children": []}
            menu.append(groups[group[0]])
        groups[group[0]]["children"].append(entry)
    for item in menu:
        item["active"] = item["key"] == active or any(
            child["key"] == active for child in item.get("children", ())
        )
    return menu


def shell(request):
    """What every page of the cadre UI needs: the menu and the user's scope."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from orgs.selectors import user_scope_roots

    allowed = None if has_any_role(user) else {"home"} | roleless_entries(user)
    entries = [
        {"key": key, "label": label, "url": reverse(name), "name": name}
        for key, label, name in MENU
        if allowed is None or key in allowed
    ]
    # The longest menu URL that prefixes the path is the active entry ("/" only for itself).
    matches = [i for i in entries if request.path.startswith(i["url"]) and i["url"] != "/"]
    active = max(matches, key=lambda i: len(i["url"]))["key"] if matches else "home"
    return {
        "menu": _grouped(entries, active),
        "active_entry": next((i for i in entries if i["key"] == active), None),
        "active_menu": active,
        "scope_roots": user_scope_roots(user),
    }
