"""Which uploaded images and documents readers may see: those a live, public page uses.

Coordinators upload into their initiative's collection while they write; what they upload is theirs and the
editors' to see until a page that uses it is published, which takes an editor's approval. So an upload is public
exactly when a live page without view restrictions refers to it, as Wagtail's reference index records it (rich
text links and choosers alike). The public API v2 lists only those, and the document serve view refuses the others
to anyone who may not choose them in the admin.
"""

from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex


def public_media(queryset):
    """The images or documents of ``queryset`` that a live, public page refers to."""
    pages = Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    references = ReferenceIndex.objects.filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page),
        object_id__in=pages,
        to_content_type=ReferenceIndex._get_base_content_type(queryset.model),
    ).values_list("to_object_id", flat=True)
    # Ids, not a subquery: the search backends (API v2's ?search=) cannot filter on a cast annotation.
    return queryset.filter(pk__in=[int(key) for key in references.distinct() if key.isdigit()])


def is_public(item):
    return public_media(type(item).objects.filter(pk=item.pk)).exists()


def chosen_by(user, queryset, permission_policy):
    """What ``user`` may choose or change in the admin: their own collections' files (an editor's: all)."""
    allowed = permission_policy.instances_user_has_any_permission_for(user, ["choose", "change"])
    return queryset.filter(pk__in=allowed.values("pk"))
