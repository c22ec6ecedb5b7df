from django import template

from activities.selectors import member_participation

register = template.Library()


@register.inclusion_tag("activities/_member_activities.html", takes_context=True)
def member_activities_tab(context, member):
    """The activities tab of a member page: the member's registrations the user may see."""
    return {
        "member": member,
        "registrations": list(member_participation(member, context["request"].user)),
    }
