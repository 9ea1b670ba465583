"""Build the POST data of a page's real admin form from the page as it is saved, so a test can change one field
and submit the rest unchanged (the way an editor's browser would)."""

import datetime

from django.db import models
from taggit.models import Tag
from taggit.utils import edit_string_for_tags
from wagtail.blocks import StreamValue, StructValue
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def page_form_data(page, user=None, **changes):
    """The edit form's data for ``page``, with ``changes`` applied (nested values allowed)."""
    page = page.get_latest_revision_as_object() if page.pk else page
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent() if page.pk else None)
    data, lists = {}, {}
    for name, field in form.fields.items():
        value = _value(form, name, field)
        if isinstance(value, list) and not isinstance(value, str):
            lists[name] = value
        else:
            data[name] = value
    for name, formset in form.formsets.items():
        rows = []
        for child in formset.forms:
            row = {"id": child.instance.pk}
            for child_name, child_field in child.fields.items():
                if child_name in ("id", "DELETE", "ORDER") or child_name == formset.fk.name:
                    continue
                row[child_name] = _value(child, child_name, child_field)
            rows.append(row)
        data[name] = inline_formset(rows, initial=len(rows))
    for name, value in changes.items():
        if isinstance(value, list):
            lists[name] = value
            data.pop(name, None)
        else:
            data[name] = value
    flat = nested_form_data(data)
    flat.update(lists)
    return flat


def _value(form, name, field):
    value = form[name].value()
    widget_name = type(field.widget).__name__
    if isinstance(value, StreamValue):
        return streamfield([(child.block_type, _block_value(child.value)) for child in value])
    if widget_name == "DraftailRichTextArea":
        return rich_text(value or "")
    if name == "tags":
        # What the tag widget shows: a name with a space or comma is quoted, or it would come back as several tags.
        return edit_string_for_tags([tag if hasattr(tag, "name") else Tag(name=str(tag)) for tag in value or []])
    if isinstance(value, (list, tuple)) or (hasattr(value, "__iter__") and not isinstance(value, (str, dict))):
        return [getattr(item, "pk", item) for item in value]
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if value is None:
        return ""
    return value


def _block_value(value):
    if isinstance(value, RichText):
        return rich_text(value.source)
    if isinstance(value, StructValue):
        return dict(value)
    return value
