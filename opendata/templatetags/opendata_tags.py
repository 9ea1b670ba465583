"""The query string of the feed or export that matches what a page shows."""

from django import template
from django.http import QueryDict

from opendata.results import FEED_PARAMETERS

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_query(context, from_request=False, **fixed):
    """The feed parameters of the current request (when ``from_request``), with ``fixed`` values on top.

    Only the feed's own parameters are kept: a page number or a backend choice would make the feed refuse the query.
    """
    params = QueryDict(mutable=True)
    request = context.get("request")
    if from_request and request is not None:
        for name in FEED_PARAMETERS:
            values = [value for value in request.GET.getlist(name) if value]
            if values:
                params.setlist(name, values)
    for name, value in fixed.items():
        if value:
            params.setlist(name, [value])
    return params.urlencode()
