from django import template

from exchange.models import ExchangeRequest
from network.models import InitiativePage

register = template.Library()


@register.simple_tag
def exchange_counts(initiative):
    """What an initiative profile says about its exchanges, in one query: never who asked.

    ``requests``: held exchanges the initiative was asked for; ``regions``: from how many distinct known regions;
    ``partners``: with whom it held exchanges on either side (initiatives with their region, or else a region).
    """
    rows = (
        ExchangeRequest.objects.held()
        .involving(initiative)
        .values_list(
            "initiative_id",
            "initiative__title",
            "initiative_region__title",
            "sender_initiative__title",
            "sender_region_id",
            "sender_region__title",
        )
    )
    asked = 0
    regions = set()
    partners = set()
    for asked_id, title, asked_region, sender, sender_region_id, sender_region in rows:
        if asked_id == initiative.pk:
            asked += 1
            if sender_region_id:
                regions.add(sender_region_id)
            other = f"{sender} ({sender_region})" if sender else sender_region
        else:
            other = f"{title} ({asked_region})" if asked_region else title
        if other:
            partners.add(other)
    return {"requests": asked, "regions": len(regions), "partners": sorted(partners)}


@register.simple_tag
def who_can_help(initiatives):
    """The "Wie kan u helpen?" helpers for an initiative or a list of initiatives, in two queries."""
    from exchange.who_can_help import url_prefix_of
    from exchange.who_can_help import who_can_help as compute

    if isinstance(initiatives, InitiativePage):
        initiatives = [initiatives]
    initiatives = list(initiatives or [])
    if not initiatives:
        return []
    return compute(initiatives, url_prefix_of(initiatives[0]))
