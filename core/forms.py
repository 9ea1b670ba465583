from django import forms
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


class StableSlugSnippetForm(WagtailAdminModelForm):
    """Snippet form whose slug can be chosen once and never changed.

    Slugs of the curated vocabularies are identifiers that the search API, feeds and URLs rely on: editors may add
    entries and rename labels, never rename a slug.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "slug" in self.fields:
            self.fields["slug"].disabled = True
            self.fields["slug"].help_text = _("Een vaste sleutel: die kan niet meer worden gewijzigd.")


class EditorialPageForm(WagtailAdminPageForm):
    """The page form of the platform's pages: a formset marked for the editors only
    (``core.panels.EditorsOnlyInlinePanel``) leaves the form of anyone without that permission."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        for relation, permission in getattr(type(self).Meta, "formset_permissions", {}).items():
            if relation in self.formsets and not self.for_user.has_perm(permission):
                del self.formsets[relation]


class BlankRowIsNoRowForm(WagtailAdminModelForm):
    """A row of an inline panel (a contact person, a partner, a lesson) with every field left blank.

    Such a row is no contact or partner at all: it is left out whenever the page is saved (a draft, autosave,
    submitting), instead of being kept in a draft with empty required fields that then blocks the submission with
    "Dit is een verplicht veld" while the header says "Opgeslagen". A row with anything in it is checked as usual.
    """

    def is_blank(self):
        for name, field in self.fields.items():
            if name in ("id", DELETION_FIELD_NAME, ORDERING_FIELD_NAME) or field.widget.is_hidden:
                continue
            value = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if value not in (None, "", False, [], ()):
                return False
        return True

    def full_clean(self):
        blank = self.is_bound and self.is_blank()
        if blank:
            for field in self.fields.values():
                field.required = False
        super().full_clean()
        if blank:
            # The formset leaves a deleted row out (and removes it when it was saved before).
            self.cleaned_data[DELETION_FIELD_NAME] = True


class StableSlugPageForm(EditorialPageForm):
    """Page form that keeps the slug of a published page: regions and initiatives are addressed by it."""

    def clean(self):
        cleaned_data = super().clean()
        page = self.instance
        if page.pk and page.live and cleaned_data.get("slug") and cleaned_data["slug"] != page.slug:
            self.add_error(
                "slug",
                forms.ValidationError(
                    _("De slug van een gepubliceerde regio of initiatief is een vaste sleutel en blijft '%(slug)s'."),
                    params={"slug": page.slug},
                ),
            )
        return cleaned_data
