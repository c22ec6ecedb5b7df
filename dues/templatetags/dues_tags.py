from django import template

from dues.selectors import member_dues

register = template.Library()


@register.inclusion_tag("dues/_member_dues.html", takes_context=True)
def member_dues_tab(context, member):
    """The dues tab of a member page: the latest months the user may see (one query)."""
    return {"member": member, "records": list(member_dues(member, context["request"].user))}
