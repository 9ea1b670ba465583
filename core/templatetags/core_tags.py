from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")


@register.filter
def attr(obj, name):
    """Read an attribute named in the template, so one filter-group partial serves every vocabulary."""
    return getattr(obj, name, "")
