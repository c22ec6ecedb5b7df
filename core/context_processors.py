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
    ("join", _("Join applications"), "members:join-list"),
    ("elections", _("Elections due"), "orgs:elections-due"),
    ("activities", _("Activities"), "activities:list"),
    ("notices", _("Notices and news"), "activities:notice-list"),
    ("quizzes", _("Quizzes"), "activities:quiz-list"),
    ("reports", _("Work reports"), "reports:draft-list"),
    ("imports", _("Imports"), "import-list"),
    ("audit", _("Audit log"), "audit-log"),
]


def shell(request):
    """What every page of the cadre UI needs: the menu and the user's scope."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from orgs.selectors import user_scope_roots

    menu = [
        {"key": key, "label": label, "url": reverse(name)}
        for key, label, name in MENU
        if key == "home" or has_any_role(user)
    ]
    # The longest menu URL that prefixes the path is the active entry ("/" only for itself).
    matches = [i for i in menu if request.path.startswith(i["url"]) and i["url"] != "/"]
    active = max(matches, key=lambda i: len(i["url"]))["key"] if matches else "home"
    return {
        "menu": menu,
        "active_menu": active,
        "scope_roots": user_scope_roots(user),
    }
