"""Template tags that say where a fact on a public page comes from: the study (with its section) or the initiative."""

from django import template
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

from network.models import STUDY_PERIOD, Publication

register = template.Library()


@register.simple_tag
def fact_source(page, field):
    """After a profile's value: "(studie, §3.2)" or "(bevestigd door het initiatief op 1 december 2026)".

    Nothing for a value that is neither the study's nor confirmed (an editor's own, shown without a claim).
    """
    fact = page.fact_source(field)
    if fact.kind == "confirmed":
        return format_html(
            ' <span class="fact-source fact-source--confirmed">({})</span>',
            _("bevestigd door het initiatief op %(date)s") % {"date": dateformat.format(fact.confirmed, "j F Y")},
        )
    if fact.kind == "study" and field == "status":
        # A status is the study's as of its interviews: dated, so no reader takes it for today's.
        return format_html(
            ' <span class="fact-source">({})</span>',
            _("%(period)s, volgens de studie, %(section)s") % {"period": STUDY_PERIOD, "section": fact.section},
        )
    if fact.kind == "study":
        return format_html(' <span class="fact-source">({}, {})</span>', _("studie 2018"), fact.section)
    if fact.kind == "inferred":
        return format_html(' <span class="fact-source">({}, {})</span>', _("afgeleid uit de studie 2018"), fact.section)
    return ""


@register.simple_tag
def cited_publications(sources):
    """The sources grouped by publication: ``[(publication or None, citation, [sources])]``, in order of first use.

    A page shows each publication's full reference once and then only the section per fact.
    """
    groups = {}
    for source in sources:
        groups.setdefault(source.citation, []).append(source)
    publications = {publication.short: publication for publication in Publication.objects.filter(short__in=groups)}
    return [(publications.get(citation), citation, items) for citation, items in groups.items()]
