"""The network: regions with their municipalities, organisations, and the initiatives' profiles.

Page tree: ``HomePage`` → ``NetworkIndexPage`` (/netwerk/) → ``RegionPage`` → ``InitiativePage`` →
``PracticePage`` / ``UpdatePage``. Practices and updates that the study ties to no initiative sit directly under
their region or under the network index.
"""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.blocks import ProseBlock
from core.forms import StableSlugPageForm, StableSlugSnippetForm
from core.models import SourceCitation
from core.panels import EDITORS_ONLY

from .choices import DeskForm, Discipline, Intensity, Level, Line, Shell, Status
from .places import attach_places


class NetworkIndexPage(Page):
    """The network overview at /netwerk/: every region with its initiatives.

    One per site, directly under the home page. Findings of the study that it ties to no region or initiative
    are published here as practices and lessons of the whole network.
    """

    intro = models.TextField(_("inleiding"), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro"), InlinePanel("sources", label=_("bronnen"))]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = ["intro", "sources"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.RegionPage", "practices.PracticePage", "network.UpdatePage"]
    max_count = 1

    class Meta:
        verbose_name = _("netwerkoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        regions = list(RegionPage.objects.child_of(self).live().public().order_by("title"))
        initiatives = InitiativePage.objects.descendant_of(self).live().public().for_listing().order_by("title")
        context["regions"] = attach_children(regions, initiatives, "live_initiatives")
        context["national_practices"] = (
            self.get_children().live().public().type(_practice_model()).specific().order_by("title")
        )
        return context


class NetworkSource(SourceCitation):
    page = ParentalKey(NetworkIndexPage, on_delete=models.CASCADE, related_name="sources")
    api_fields = ["citation", "section", "note", "url"]


def attach_children(parents, children, attribute):
    """Set ``parent.<attribute>`` to the list of its children among ``children``, without a query per parent.

    Wagtail pages form a materialised-path tree rather than a foreign key, so ``prefetch_related`` cannot do this.
    """
    by_path = {parent.path: parent for parent in parents}
    for parent in parents:
        setattr(parent, attribute, [])
    for child in children:
        parent = by_path.get(child.path[: -Page.steplen])
        if parent is not None:
            getattr(parent, attribute).append(child)
    return parents


class RegionPage(Page):
    """A region of the network (slug from taxonomy.json), with its municipalities and initiatives.

    Sits under the network overview; initiatives of the region, and region-level practices, are its children.
    """

    label_en = models.CharField(_("naam in het Engels"), max_length=100, blank=True)
    provinces = models.CharField(_("provincie(s)"), max_length=255, blank=True)
    intro = models.TextField(_("inleiding"), blank=True)

    base_form_class = StableSlugPageForm

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("label_en"), FieldPanel("provinces")]),
        FieldPanel("intro"),
        InlinePanel("sources", label=_("bronnen")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("provinces")]
    api_fields = [
        "label_en",
        "provinces",
        "intro",
        APIField("municipalities", serializer=serializers.StringRelatedField(many=True)),
        "sources",
    ]

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = ["network.InitiativePage", "practices.PracticePage", "network.UpdatePage"]

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["initiatives"] = (
            InitiativePage.objects.child_of(self).live().public().order_by("title").prefetch_related("themes")
        )
        context["municipalities"] = self.municipalities.all()
        practice_model = _practice_model()
        context["practices"] = attach_places(
            practice_model.objects.descendant_of(self).live().public().for_listing().order_by("title")
        )
        return context


class RegionSource(SourceCitation):
    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="sources")
    api_fields = ["citation", "section", "note", "url"]


class Municipality(models.Model):
    """A municipality (gemeente) in a region. Initiatives say which municipalities they cover."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # SET_NULL, not PROTECT: a region deleted by some route (the admin API, a subtree) must not fail half-way
    # with a server error, and its municipalities stay, waiting to be assigned again. The admin's delete view
    # refuses to delete a region with municipalities in the first place (editorial/wagtail_hooks.py).
    region = models.ForeignKey(
        RegionPage,
        verbose_name=_("regio"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="municipalities",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("region")]
    base_form_class = StableSlugSnippetForm

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A partner organisation (or kind of organisation) in an initiative, with its discipline and line."""

    name = models.CharField(_("naam"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    discipline = models.CharField(_("discipline"), max_length=20, choices=Discipline.choices)
    line = models.CharField(_("lijn"), max_length=20, choices=Line.choices, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("discipline"), FieldPanel("line")]),
        FieldPanel("website"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name


class InitiativeQuerySet(PageQuerySet):
    def for_listing(self):
        return self.select_related("coordinating_organisation").prefetch_related("themes", "municipalities")


InitiativeManager = PageManager.from_queryset(InitiativeQuerySet)


class InitiativePage(Page):
    """The profile of a collaboration initiative, on the dimensions that the study compares.

    Sits under its region. Coordinators keep it current; its practices and updates are its children.
    """

    summary = models.TextField(_("samenvatting"), help_text=_("Eén of twee zinnen voor overzichten."))
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    municipalities = ParentalManyToManyField(
        Municipality,
        verbose_name=_("gemeenten"),
        blank=True,
        related_name="initiatives",
        help_text=_("De gemeenten waar het initiatief werkt. Leeg als dat niet bekend is."),
    )
    coordinator = models.CharField(
        _("coördinatie"), max_length=255, blank=True, help_text=_("Wie het initiatief coördineert.")
    )
    coordinating_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("coördinerende organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting_rhythm = models.CharField(_("overlegritme"), max_length=255, blank=True)
    steering_group = models.TextField(_("stuurgroep"), blank=True)
    sub_working_groups = models.TextField(_("subwerkgroepen"), blank=True)
    desk_form = models.CharField(
        _("vorm van het scheidingsloket"),
        max_length=40,
        choices=DeskForm.choices,
        blank=True,
        help_text=_("Leeg als de vorm niet bekend is."),
    )
    intensity = models.CharField(
        _("intensiteit van samenwerking"),
        max_length=40,
        choices=Intensity.choices,
        blank=True,
        help_text=_("De stap op het continuüm van de studie (§2.2.2). Leeg als die niet bekend is."),
    )
    website = models.URLField(_("website"), blank=True)
    themes = ParentalManyToManyField(
        "practices.Theme", verbose_name=_("thema's"), blank=True, related_name="initiatives"
    )
    body = StreamField(ProseBlock(), verbose_name=_("beschrijving"), blank=True)
    last_confirmed = models.DateField(
        _("laatst bevestigd"),
        null=True,
        blank=True,
        help_text=_("Wanneer de coördinator voor het laatst bevestigde dat het profiel klopt."),
    )

    objects = InitiativeManager()
    base_form_class = StableSlugPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("status")]),
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("desk_form"), FieldPanel("intensity")]),
                FieldPanel("website"),
            ],
            heading=_("Kenmerken en werkgebied"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("coordinator"), FieldPanel("coordinating_organisation")]),
                FieldPanel("meeting_rhythm"),
                FieldPanel("steering_group"),
                FieldPanel("sub_working_groups"),
            ],
            heading=_("Organisatie"),
        ),
        InlinePanel("partners", label=_("partners")),
        InlinePanel("contacts", label=_("contactpersonen")),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("factors", label=_("faciliterende en belemmerende factoren")),
        InlinePanel("lessons", label=_("geleerde lessen")),
        FieldPanel("body"),
        # The date moves only through the coordinator's "still current" button on the dashboard.
        FieldPanel("last_confirmed", permission=EDITORS_ONLY),
        # The study's citations: the editors keep them; folded, so they do not lengthen a coordinator's form.
        MultiFieldPanel(
            [InlinePanel("sources", label=_("bronnen"))],
            heading=_("Bronnen (bijgehouden door de redactie)"),
            classname="collapsed",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("coordinator"),
        index.RelatedFields("themes", [index.SearchField("label")]),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
        index.FilterField("level"),
        index.FilterField("status"),
    ]
    # Public fields only: contacts are listed by name, role and organisation, never with their e-mail address.
    api_fields = [
        "summary",
        "level",
        "status",
        APIField("municipalities", serializer=serializers.StringRelatedField(many=True)),
        "coordinator",
        APIField("coordinating_organisation", serializer=serializers.StringRelatedField()),
        "meeting_rhythm",
        "steering_group",
        "sub_working_groups",
        "desk_form",
        "intensity",
        "website",
        APIField("themes", serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")),
        "partners",
        "contacts",
        "factors",
        "lessons",
        "body",
        "last_confirmed",
        "sources",
    ]

    parent_page_types = ["network.RegionPage"]
    subpage_types = ["practices.PracticePage", "network.UpdatePage"]

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")

    @cached_property
    def region(self):
        return self.get_parent().specific

    @property
    def intensity_step(self):
        return Intensity.step(self.intensity)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        practice_model = _practice_model()
        context["practices"] = attach_places(
            practice_model.objects.child_of(self).live().public().for_listing().order_by("title")
        )
        context["updates"] = UpdatePage.objects.child_of(self).live().public().order_by("-date")[:10]
        context["partners"] = self.partners.select_related("organisation")
        context["factors"] = self.factors.select_related("factor").order_by("factor__kind", "sort_order")
        return context


class InitiativePartner(Orderable):
    """A partner organisation of an initiative, with its shell in the shell model where known."""

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="partnerships"
    )
    shell = models.CharField(_("schil"), max_length=1, choices=Shell.choices, blank=True)
    note = models.CharField(_("toelichting"), max_length=255, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("shell"), FieldPanel("note")]
    api_fields = [APIField("organisation", serializer=serializers.StringRelatedField()), "shell", "note"]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")


class InitiativeContact(Orderable):
    """A contact person. The e-mail address is for the platform's contact form only: never shown publicly."""

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("naam"), max_length=255)
    role = models.CharField(_("rol"), max_length=255, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=255, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True, help_text=_("Wordt nooit op de website getoond."))

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("email")]
    api_fields = ["name", "role", "organisation"]  # never "email"

    class Meta(Orderable.Meta):
        verbose_name = _("contactpersoon")


class InitiativeFactor(Orderable):
    """A facilitating or limiting factor as it plays out in this initiative, with a short note."""

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="factors")
    factor = models.ForeignKey(
        "practices.Factor", verbose_name=_("factor"), on_delete=models.PROTECT, related_name="initiative_factors"
    )
    note = models.CharField(_("toelichting"), max_length=500, blank=True)

    panels = [FieldPanel("factor"), FieldPanel("note")]
    api_fields = [
        APIField("factor", serializer=serializers.SlugRelatedField(read_only=True, slug_field="slug")),
        "note",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("factor")


class InitiativeLesson(Orderable):
    """A lesson the initiative learned, with the section of the source it comes from."""

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="lessons")
    text = models.TextField(_("les"))
    section = models.CharField(_("paragraaf"), max_length=40, blank=True)

    panels = [FieldPanel("text"), FieldPanel("section")]
    api_fields = ["text", "section"]

    class Meta(Orderable.Meta):
        verbose_name = _("geleerde les")


class InitiativeSource(SourceCitation):
    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="sources")
    api_fields = ["citation", "section", "note", "url"]


class UpdatePage(Page):
    """News from an initiative (or the whole network): a development, a result, an event with its date.

    Sits under its initiative; network-wide news sits under a region or the network overview.
    """

    date = models.DateField(_("datum"), help_text=_("De datum van het bericht."))
    event_date = models.DateField(
        _("datum van de bijeenkomst"),
        null=True,
        blank=True,
        help_text=_("Alleen als het bericht over een bijeenkomst gaat."),
    )
    intro = models.TextField(_("inleiding"))
    body = StreamField(ProseBlock(), verbose_name=_("tekst"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("event_date")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("sources", label=_("bronnen")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2), index.SearchField("body")]
    api_fields = ["date", "event_date", "intro", "body", "sources"]

    parent_page_types = ["network.InitiativePage", "network.RegionPage", "network.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")


class UpdateSource(SourceCitation):
    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="sources")
    api_fields = ["citation", "section", "note", "url"]


def _practice_model():
    # The practices app builds on this one; look its page model up lazily instead of importing it in a cycle.
    from practices.models import PracticePage

    return PracticePage
