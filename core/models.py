"""Abstract building blocks that several apps share. No concrete domain models live here."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class SourceCitation(Orderable):
    """Where a fact on a page comes from: the publication and the section in it.

    Every profile, practice and update lists its sources, so a reader can trace each fact to the study.
    Concrete subclasses add the ``ParentalKey`` to their page.
    """

    citation = models.CharField(
        _("bron"),
        max_length=255,
        help_text=_("De publicatie, bijvoorbeeld 'Betere samenwerking bij vechtscheidingen (2018)'."),
    )
    section = models.CharField(_("paragraaf"), max_length=40, blank=True, help_text=_("Bijvoorbeeld '§4.1.2.3'."))
    note = models.CharField(_("onderbouwt"), max_length=255, blank=True, help_text=_("Welk feit deze bron staaft."))
    url = models.URLField(_("link"), blank=True)

    panels = [FieldPanel("citation"), FieldPanel("section"), FieldPanel("note"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.citation} {self.section}".strip()
