"""Curation by the ministry's editors: theme dossiers that bring practices from several regions together.

``ThemeDossierPage`` sits directly under the home page (e.g. /het-echtscheidingsloket-wel-of-niet/); the home
page lists the live dossiers.
"""

from django import forms
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from network.places import attach_places
from practices.models import PracticePage


class ThemeDossierForm(WagtailAdminPageForm):
    """A dossier without practices is only an introduction: ask for at least one."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("dossier_practices")
        if formset is not None and formset.is_valid():
            chosen = [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
            if not chosen:
                raise forms.ValidationError(_("Kies ten minste één praktijk voor het dossier."))
        return cleaned_data


class ThemeDossierPage(Page):
    """A theme dossier ("thema-dossier"): an editor's introduction to a question plus chosen practices from
    several regions, each with an optional note on why it is worth reading.

    Written by the ministry's editors, directly under the home page; the home page lists the live dossiers.
    """

    intro = RichTextField(
        _("inleiding"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("Waar het dossier over gaat en wat de gekozen praktijken laten zien."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("dossier_practices", label=_("gekozen praktijken"), min_num=1),
    ]
    base_form_class = ThemeDossierForm
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("themadossier")
        verbose_name_plural = _("themadossiers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = SimpleLazyObject(self.live_entries)  # not read while the content is a kept fragment
        return context

    def live_entries(self):
        """The chosen practices that are live and public, in the editor's order, each with its place.

        Works on a preview or an old revision too, where the chosen practices are not in the database yet.
        """
        entries = list(self.dossier_practices.all())
        practices = (
            PracticePage.objects.live()
            .public()
            .filter(pk__in=[entry.practice_id for entry in entries])
            .prefetch_related("themes")
            .in_bulk()
        )
        entries = [entry for entry in entries if entry.practice_id in practices]
        for entry in entries:
            entry.practice = practices[entry.practice_id]
        attach_places([entry.practice for entry in entries])
        return entries


class DossierPractice(Orderable):
    """A practice chosen for a theme dossier, with the editor's note on what it adds to the question."""

    page = ParentalKey(ThemeDossierPage, on_delete=models.CASCADE, related_name="dossier_practices")
    practice = models.ForeignKey(PracticePage, verbose_name=_("praktijk"), on_delete=models.CASCADE, related_name="+")
    note = models.CharField(
        _("toelichting"),
        max_length=500,
        blank=True,
        help_text=_("Optioneel: wat deze praktijk aan het dossier toevoegt."),
    )

    panels = [FieldPanel("practice"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("gekozen praktijk")
        verbose_name_plural = _("gekozen praktijken")


class TagSlugRedirect(models.Model):
    """An old address of a free tag: its slug before a rename, or the slug of a tag merged into another.

    Shared links and feed subscriptions name a tag by its slug (``/praktijken/?tag=...``); after a rename or a
    merge ``editorial.middleware.TagSlugRedirectMiddleware`` sends them to the tag's current slug.
    """

    old_slug = models.SlugField(_("oude slug"), max_length=100, unique=True, allow_unicode=True)
    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="+", verbose_name=_("trefwoord"))

    class Meta:
        verbose_name = _("oud adres van een trefwoord")
        verbose_name_plural = _("oude adressen van trefwoorden")

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"

    @classmethod
    def remember(cls, old_slug, tag):
        """Send ``old_slug`` to ``tag`` from now on, and what pointed at ``old_slug``'s tag along with it."""
        if old_slug == tag.slug:
            return
        cls.objects.filter(tag__slug=old_slug).update(tag=tag)
        cls.objects.filter(old_slug=tag.slug).delete()  # the tag's own current slug is no old address
        cls.objects.update_or_create(old_slug=old_slug, defaults={"tag": tag})
