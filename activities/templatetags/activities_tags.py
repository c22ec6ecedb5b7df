from django import template

from activities.models import QuizAttempt
from activities.selectors import member_participation

register = template.Library()


@register.inclusion_tag("activities/_member_activities.html", takes_context=True)
def member_activities_tab(context, member):
    """The activities tab of a member page: the member's registrations and quiz papers
    the user may see (two queries)."""
    user = context["request"].user
    attempts = (
        QuizAttempt.objects.visible_to(user)
        .filter(member=member)
        .select_related("quiz")
        .order_by("-started_at")[:50]
    )
    return {
        "member": member,
        "registrations": list(member_participation(member, user)),
        "attempts": list(attempts),
    }
