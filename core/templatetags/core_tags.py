from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

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
