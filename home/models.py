"""The home page: what the platform is for, the regions, and what is new."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from network.models import NetworkIndexPage, RegionPage, UpdatePage
from network.places import attach_places
from practices.models import PracticeIndexPage, PracticePage


class HomePage(Page):
    """The site's root page: says what the platform is for and shows regions, recent practices and updates.

    One per site; the network overview and the practices overview are its children.
    """

    intro = models.TextField(_("inleiding"), help_text=_("Waarvoor het platform is en voor wie."))
    body = RichTextField(_("toelichting"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["network.NetworkIndexPage", "practices.PracticeIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network_index"] = NetworkIndexPage.objects.child_of(self).live().first()
        context["practice_index"] = PracticeIndexPage.objects.child_of(self).live().first()
        context["regions"] = RegionPage.objects.descendant_of(self).live().public().order_by("title")
        context["recent_practices"] = attach_places(
            PracticePage.objects.descendant_of(self)
            .live()
            .public()
            .for_listing()
            .order_by("-first_published_at", "title")[:6]
        )
        context["recent_updates"] = attach_places(
            UpdatePage.objects.descendant_of(self).live().public().order_by("-date", "title")[:5]
        )
        return context
