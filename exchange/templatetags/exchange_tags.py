from django import template
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction

from exchange.models import ExchangeLesson, ExchangeRequest
from exchange.who_can_help import site_url_of, url_prefix_of
from network.models import InitiativePage

register = template.Library()


@register.simple_tag
def exchange_counts(initiative):
    """What an initiative profile says about its exchanges, in one query: never who asked.

    ``requests``: held exchanges the initiative was asked for; ``regions``: from how many distinct known regions;
    ``partners``: with whom it held exchanges on either side (initiatives with their region, or else a region).
    """
    # A lesson behind a view restriction is no public lesson; as a subquery this stays one query.
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("lessons__page__path"), 1, Length(F("page__path")))
    )
    rows = (
        ExchangeRequest.objects.held()
        .involving(initiative)
        .annotate(lesson_restricted=Exists(restricted))
        .values_list(
            "initiative_id",
            "initiative__title",
            "initiative_region__title",
            "sender_initiative__title",
            "sender_region_id",
            "sender_region__title",
            "pk",
            "lessons__page__title",
            "lessons__page__url_path",
            "lessons__page__live",
            "lesson_restricted",
        )
    )
    asked = set()
    regions = set()
    partners = set()
    lessons = set()
    prefix = url_prefix_of(initiative)
    for asked_id, title, asked_region, sender, sender_region_id, sender_region, pk, lesson, path, live, hidden in rows:
        if lesson and live and not hidden:
            lessons.add((lesson, site_url_of(path, prefix)))
        if asked_id == initiative.pk:
            asked.add(pk)
            if sender_region_id:
                regions.add(sender_region_id)
            other = f"{sender} ({sender_region})" if sender else sender_region
        else:
            other = f"{title} ({asked_region})" if asked_region else title
        if other:
            partners.add(other)
    return {"requests": len(asked), "regions": len(regions), "partners": sorted(partners), "lessons": sorted(lessons)}


@register.simple_tag
def exchange_origin(page):
    """The exchange a practice came from, for its line "uit een uitwisseling tussen X en Y (datum)": one query."""
    return (
        ExchangeLesson.objects.filter(page_id=page.pk)
        .select_related(
            "exchange",
            "exchange__initiative",
            "exchange__initiative_region",
            "exchange__sender_initiative",
            "exchange__sender_region",
        )
        .first()
    )


@register.simple_tag
def who_can_help(initiatives):
    """The "Wie kan u helpen?" helpers for an initiative or a list of initiatives, in two queries."""
    from exchange.who_can_help import who_can_help as compute

    if isinstance(initiatives, InitiativePage):
        initiatives = [initiatives]
    initiatives = list(initiatives or [])
    if not initiatives:
        return []
    return compute(initiatives, url_prefix_of(initiatives[0]))
