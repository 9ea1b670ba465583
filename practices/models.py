"""Good practices and the curated vocabulary they are tagged with.

``PracticePage`` sits under an initiative (or, for findings the study ties to no initiative, under a region or
the network overview). ``Theme`` and ``Factor`` are snippets with the stable slugs of taxonomy.json.
``PracticeIndexPage`` is the filterable overview at /praktijken/.
"""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.blocks import ProseBlock
from core.fields import MultipleChoiceField
from core.forms import EditorialPageForm, StableSlugSnippetForm
from core.models import SourceCitation
from core.panels import EDITORS_ONLY, EditorsOnlyInlinePanel, TitlePanel, editors_only_slug
from network.choices import Discipline, TargetGroup


class Concept(index.Indexed, models.Model):
    """What themes and factors share: a curated concept with a fixed slug that readers search for.

    Editors add concepts and may improve their labels and search terms; the slug is fixed once created. Search
    matches a question against the Dutch and English labels and the search terms (search/concepts.py).
    """

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    label = models.CharField(_("naam"), max_length=255)
    label_en = models.CharField(_("naam in het Engels"), max_length=255, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    search_terms = models.TextField(
        _("zoektermen"),
        blank=True,
        help_text=_(
            "Woorden en woordgroepen waarmee lezers dit begrip zoeken, één per regel, in het Nederlands of het "
            "Engels (bijvoorbeeld een werkwoord, een vakterm of een andere naam). Een zoekvraag met een van deze "
            "termen of met de naam zet de pagina's met dit begrip bovenaan en biedt het aan als filter. Geen namen "
            "van initiatieven of plaatsen."
        ),
    )

    base_form_class = StableSlugSnippetForm
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    def search_term_list(self):
        return [line.strip() for line in self.search_terms.splitlines() if line.strip()]


class Theme(Concept):
    """A curated theme (e.g. "Echtscheidingsloket en aanspreekpunt") that practices and initiatives are about."""

    panels = [
        FieldPanel("label"),
        FieldPanel("slug"),
        FieldPanel("label_en"),
        FieldPanel("description"),
        FieldPanel("search_terms"),
    ]

    class Meta:
        ordering = ["label"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


class Factor(Concept):
    """A facilitating or limiting factor for collaboration (§4.4, §4.5), e.g. "Gebrek aan tijd"."""

    class Kind(models.TextChoices):
        FACILITATING = "faciliterend", _("Faciliterend")
        LIMITING = "belemmerend", _("Belemmerend")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    # Which facilitating factors answer a limiting one is the editors' judgement, not the study's (it lists the two
    # kinds apart, §4.4 and §4.5): empty until an editor links them. "Wie kan u helpen?" reads it.
    answered_by = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="answers",
        limit_choices_to={"kind": "faciliterend"},
        verbose_name=_("helpt hiertegen"),
        help_text=_(
            "Alleen bij een belemmerende factor: de faciliterende factoren die er een antwoord op zijn. Een "
            "initiatief dat zo'n factor noemt, komt dan bij ‘Wie kan u helpen?’ van initiatieven die deze "
            "belemmerende factor noemen."
        ),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("label_en"),
        FieldPanel("description"),
        FieldPanel("search_terms"),
        FieldPanel("answered_by", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["kind", "label"]
        verbose_name = _("factor")
        verbose_name_plural = _("factoren")


class PracticePageTag(TaggedItemBase):
    content_object = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_items")


class PracticeQuerySet(PageQuerySet):
    def for_listing(self):
        """What a practice card shows, in a fixed number of queries however many practices are listed."""
        return self.prefetch_related("themes", "factors", "tags")


PracticeManager = PageManager.from_queryset(PracticeQuerySet)


class PracticePage(Page):
    """A good practice, intervention, instrument or lesson that other regions can learn from.

    Sits under the initiative it belongs to; a finding the study attributes only to a region sits under that
    region, and one it attributes to no region under the network overview.
    """

    class Kind(models.TextChoices):
        PRACTICE = "praktijk", _("Werkwijze")
        INTERVENTION = "interventie", _("Interventie")
        INSTRUMENT = "instrument", _("Instrument")
        LESSON = "les", _("Geleerde les")

    class Maturity(models.TextChoices):
        IDEA = "idee", _("Idee")
        PLAN = "plan", _("Plan")
        PILOT = "pilot", _("Pilot")
        IN_USE = "in-gebruik", _("In gebruik")
        EVALUATED = "geevalueerd", _("Geëvalueerd")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.PRACTICE)
    summary = models.TextField(_("samenvatting"), help_text=_("Eén of twee zinnen voor overzichten en zoekresultaten."))
    body = StreamField(ProseBlock(), verbose_name=_("beschrijving"), blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("thema's"), blank=True, related_name="practices")
    factors = ParentalManyToManyField(Factor, verbose_name=_("factoren"), blank=True, related_name="practices")
    tags = ClusterTaggableManager(through=PracticePageTag, blank=True, verbose_name=_("trefwoorden"))
    target_groups = MultipleChoiceField(_("doelgroep"), choices=TargetGroup.choices)
    disciplines = MultipleChoiceField(_("betrokken disciplines"), choices=Discipline.choices)
    maturity = models.CharField(
        _("ontwikkelstadium"),
        max_length=20,
        choices=Maturity.choices,
        blank=True,
        help_text=_("Leeg als het stadium niet bekend is."),
    )
    results = models.TextField(_("resultaten"), blank=True)
    lessons = models.TextField(_("geleerde lessen"), blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=255,
        blank=True,
        help_text=_("Een rol of organisatie om contact mee op te nemen; geen e-mailadres."),
    )

    objects = PracticeManager()

    content_panels = [
        TitlePanel("title"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("factors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Trefwoorden"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("target_groups"), FieldPanel("disciplines")]),
                FieldPanel("maturity"),
            ],
            heading=_("Kenmerken"),
        ),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("contact"),
        # The study's citations: the editors keep them; a coordinator's form has none, and their save keeps them.
        MultiFieldPanel(
            [EditorsOnlyInlinePanel("sources", label=_("bronnen"))],
            heading=_("Bronnen (bijgehouden door de redactie)"),
            classname="collapsed",
            permission=EDITORS_ONLY,
        ),
    ]
    promote_panels = editors_only_slug()
    base_form_class = EditorialPageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.RelatedFields("themes", [index.SearchField("label")]),
        index.RelatedFields("factors", [index.SearchField("label")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("maturity"),
    ]
    api_fields = [
        "kind",
        "summary",
        "body",
        APIField("themes", serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")),
        APIField("factors", serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")),
        "tags",
        APIField("target_groups", serializer=serializers.ListField(child=serializers.CharField(), read_only=True)),
        APIField("disciplines", serializer=serializers.ListField(child=serializers.CharField(), read_only=True)),
        "maturity",
        "results",
        "lessons",
        "contact",
        "sources",
    ]

    parent_page_types = ["network.InitiativePage", "network.RegionPage", "network.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("praktijk")
        verbose_name_plural = _("praktijken")

    @cached_property
    def place(self):
        """The practice's initiative and region, as far as the page tree says (either may be ``None``)."""
        from network.places import place_of

        return place_of(self)

    @property
    def target_group_labels(self):
        return self._meta.get_field("target_groups").labels(self.target_groups)

    @property
    def discipline_labels(self):
        return self._meta.get_field("disciplines").labels(self.disciplines)


class PracticeSource(SourceCitation):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="sources")
    api_fields = ["citation", "section", "note", "url"]


class PracticeIndexPage(Page):
    """The overview of all practices at /praktijken/, filterable by region, initiative, theme, factor and tag.

    One per site, directly under the home page.
    """

    intro = models.TextField(_("inleiding"), blank=True)
    paginate_by = 12

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("praktijkenoverzicht")

    def serve(self, request, *args, **kwargs):
        from .views import serve_practice_index

        return serve_practice_index(self, request)


def public_tags():
    """The free tags that live, public practices carry.

    Saving a draft of a page that was never published writes its tags to the tag tables at once (Wagtail keeps
    such a page's fields in its row), so any list of tags that readers see starts here, never at ``Tag``.
    """
    return Tag.objects.filter(
        practices_practicepagetag_items__content_object__in=PracticePage.objects.live().public()
    ).distinct()


def unpublished_tags(slugs):
    """Which of these tag slugs no live, public practice carries (unknown ones included)."""
    slugs = set(slugs)
    return sorted(slugs - set(public_tags().filter(slug__in=slugs).values_list("slug", flat=True)))
