from django import forms
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


class StableSlugPageForm(WagtailAdminPageForm):
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
