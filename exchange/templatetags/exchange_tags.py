from django import template

from exchange.models import ExchangeRequest

register = template.Library()


@register.simple_tag
def exchange_counts(initiative):
    """``{"requests": n, "regions": m}`` for an initiative profile: counts only, never who asked."""
    return ExchangeRequest.objects.counts_for(initiative)
