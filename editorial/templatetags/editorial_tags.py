from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, TaskState

register = template.Library()


@register.simple_tag
def approval_comment(page):
    """The comment the editor left when approving ``page`` last, or "".

    Wagtail's approval e-mail has no comment in its context (its rejection e-mail has); the coordinator should
    read what the editor wrote either way.
    """
    if page is None:
        return ""
    state = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_APPROVED,
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    return state.specific.get_comment() if state else ""
