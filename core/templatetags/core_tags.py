from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from core.page_cache import fragment_key, keep, read_kept

register = template.Library()


@register.filter
def get_item(mapping, key):
    # A template without the mapping in its context passes "" (the missing-variable value): show nothing then.
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.simple_tag(takes_context=True)
def content_lang(context):
    """` lang="nl"` when the interface is not Dutch: the content editors write is Dutch in every interface.

    Put it on the elements that hold editors' text (titles, summaries, prose), so a screen reader reads them with
    a Dutch voice inside an English page (WCAG 3.1.2).
    """
    if translation.get_language() != settings.LANGUAGE_CODE:
        return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')  # noqa: S308 - a fixed language code from settings
    return ""


@register.tag
def published_fragment(parser, token):
    """``{% published_fragment "name" page.pk … %}…{% endpublished_fragment %}``: kept until content changes.

    For the parts of a page that show only published content (a profile's facts, its practices, a listing), so
    a page rendered for an editor, a filtered URL or the first reader after a publish costs the queries of
    finding the page and not those of its content. Never put anything personal or request-specific inside
    (a form's CSRF token, the current user, counts of requests): everyone with the same arguments gets the same
    HTML. Kept under the content version of ``core.page_cache``, so any publish or content change renews it.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endpublished_fragment",))
    parser.delete_first_token()
    return PublishedFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class PublishedFragmentNode(template.Node):
    def __init__(self, nodelist, vary_on):
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context):
        name, *vary_on = (expression.resolve(context) for expression in self.vary_on)
        key = fragment_key(context.get("request"), name, vary_on)
        if key is None:
            return self.nodelist.render(context)
        html = read_kept(key)
        if html is None:
            html = self.nodelist.render(context)
            keep(key, html)
        return html
