"""The home page: what the platform is for, the regions, the editors' choices and what is new."""

from django.db import models
from django.db.models.functions import TruncDate
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.routing import route_from
from editorial.models import ThemeDossierPage
from network.models import NetworkIndexPage, RegionPage, UpdatePage
from network.places import attach_places
from practices.models import PracticeIndexPage, PracticePage


class HomePageForm(WagtailAdminPageForm):
    """Refuses a practice featured twice: it would show twice on the home page."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("featured_practices")
        if formset is None or not formset.is_valid():
            return cleaned_data
        seen = set()
        for form in formset.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            practice = form.cleaned_data.get("practice")
            if practice is None:
                continue
            if practice.pk in seen:
                form.add_error("practice", _("Deze praktijk is hierboven al gekozen."))
            seen.add(practice.pk)
        return cleaned_data


class HomePage(Page):
    """The site's root page: says what the platform is for and shows regions, the practices the editors feature,
    their theme dossiers, recent practices and updates.

    One per site; the network overview, the practices overview and the theme dossiers are its children.
    """

    intro = models.TextField(_("inleiding"), help_text=_("Waarvoor het platform is en voor wie."))
    body = RichTextField(_("toelichting"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "featured_practices",
            label=_("uitgelichte praktijken"),
            help_text=_(
                "Deze praktijken staan bovenaan de startpagina, in deze volgorde, vóór de recente praktijken. "
                "Kies elke praktijk één keer; een praktijk die niet (meer) gepubliceerd is, wordt overgeslagen."
            ),
        ),
    ]
    base_form_class = HomePageForm

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["network.NetworkIndexPage", "practices.PracticeIndexPage", "editorial.ThemeDossierPage"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")

    def route(self, request, path_components):
        # Every address on the site is routed from here: in one query instead of two per level (core/routing.py).
        return route_from(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each list is read only when the template renders it: not at all while the page's content is a kept
        # fragment (core.page_cache).
        context["network_index"] = SimpleLazyObject(lambda: NetworkIndexPage.objects.child_of(self).live().first())
        context["practice_index"] = SimpleLazyObject(lambda: PracticeIndexPage.objects.child_of(self).live().first())
        context["regions"] = SimpleLazyObject(
            lambda: list(RegionPage.objects.descendant_of(self).live().public().order_by("title"))
        )
        featured = SimpleLazyObject(self.live_featured_practices)
        context["featured_practices"] = featured
        context["dossiers"] = SimpleLazyObject(
            lambda: list(ThemeDossierPage.objects.child_of(self).live().public().order_by("title"))
        )
        context["recent_practices"] = SimpleLazyObject(lambda: self.recent_practices(exclude=featured))
        context["recent_updates"] = SimpleLazyObject(
            lambda: attach_places(UpdatePage.objects.descendant_of(self).live().public().order_by("-date", "title")[:5])
        )
        return context

    def recent_practices(self, exclude):
        return attach_places(
            PracticePage.objects.descendant_of(self)
            .live()
            .public()
            .exclude(pk__in=[practice.pk for practice in exclude])
            .for_listing()
            # Newest day first; within a day the practice of a region or initiative (deeper in the tree) before the
            # national lessons, so a reader sees what a region does rather than six general findings.
            .order_by(TruncDate("first_published_at").desc(), "-depth", "-first_published_at", "title")[:6]
        )

    def live_featured_practices(self):
        """The practices the editors feature, in their order; drafts and private practices are left out.

        Works on a preview too, where the chosen practices are not in the database yet.
        """
        # dict.fromkeys: a practice chosen twice (before the form refused it) still shows once.
        chosen = list(dict.fromkeys(choice.practice_id for choice in self.featured_practices.all()))
        practices = PracticePage.objects.live().public().filter(pk__in=chosen).for_listing().in_bulk()
        return attach_places([practices[pk] for pk in chosen if pk in practices])


class HomeFeaturedPractice(Orderable):
    """A practice the editors feature on the home page, shown before the recent practices."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_practices")
    practice = models.ForeignKey(PracticePage, verbose_name=_("praktijk"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("practice")]

    class Meta(Orderable.Meta):
        verbose_name = _("uitgelichte praktijk")
        verbose_name_plural = _("uitgelichte praktijken")
