"""The network: regions with their municipalities, organisations, and the initiatives' profiles.

Page tree: ``HomePage`` → ``NetworkIndexPage`` (/netwerk/) → ``RegionPage`` → ``InitiativePage`` →
``PracticePage`` / ``UpdatePage``. Practices and updates that the study ties to no initiative sit directly under
their region or under the network index.
"""

from datetime import date
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.blocks import ProseBlock
from core.forms import EditorialPageForm, StableSlugPageForm, StableSlugSnippetForm
from core.models import SourceCitation
from core.panels import EDITORS_ONLY, BlankRowsDroppedInlinePanel, EditorsOnlyInlinePanel, TitlePanel, editors_only_slug

from . import reference
from .choices import DeskForm, Discipline, Intensity, Level, Line, Shell, Status
from .places import attach_places

# When the study's interviews took place (§3.4: March to May 2018): the date of every status the study gives.
STUDY_PERIOD = "voorjaar 2018"


class NetworkIndexPage(Page):
    """The network overview at /netwerk/: every region with its initiatives.

    One per site, directly under the home page. Findings of the study that it ties to no region or initiative
    are published here as practices and lessons of the whole network.
    """

    intro = models.TextField(_("inleiding"), blank=True)
    content_panels = [TitlePanel("title"), FieldPanel("intro"), EditorsOnlyInlinePanel("sources", label=_("bronnen"))]
    promote_panels = editors_only_slug()
    base_form_class = EditorialPageForm
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = ["intro", "sources"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.RegionPage", "practices.PracticePage", "network.UpdatePage"]
    max_count = 1

    class Meta:
        verbose_name = _("netwerkoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template renders them: not while the content is a kept fragment (core.page_cache).
        context["regions"] = SimpleLazyObject(self.regions_with_initiatives)
        context["national_practices"] = SimpleLazyObject(
            lambda: list(self.get_children().live().public().type(_practice_model()).specific().order_by("title"))
        )
        return context

    def regions_with_initiatives(self):
        regions = list(RegionPage.objects.child_of(self).live().public().order_by("title"))
        initiatives = InitiativePage.objects.descendant_of(self).live().public().for_listing().order_by("title")
        return attach_children(regions, initiatives, "live_initiatives")


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
    # What the region consists of, as CBS areas: every municipality in them belongs to the region (reference data
    # in network/data/places/, where the README names CBS's classification, its year and the copy used).
    cbs_areas = models.CharField(
        _("samenstelling (CBS-gebieden)"),
        max_length=255,
        blank=True,
        help_text=_(
            "De CBS-gebieden waaruit deze regio bestaat, met hun code, gescheiden door komma's: een jeugdregio "
            "(JZ14 is Twente), een landsdeel (LD01 is Noord-Nederland) of een provincie (PV29 is Zeeland). Alle "
            "gemeenten in die gebieden horen dan bij de regio, volgens CBS (gebiedsindelingen 2023). Vul alleen "
            "een gebied in waarvan een bron zegt dat de regio het is, en zeg hieronder welke."
        ),
    )
    cbs_areas_basis = models.CharField(
        _("grond voor de samenstelling"),
        max_length=255,
        blank=True,
        help_text=_(
            "Waarop de samenstelling rust, met de paragraaf: bijvoorbeeld ‘De studie noemt de regio Twente "
            "(§3.2); zo heet CBS-jeugdregio JZ14.’ Lezers zien deze zin op de regiopagina."
        ),
    )

    base_form_class = StableSlugPageForm

    content_panels = [
        TitlePanel("title"),
        FieldRowPanel([FieldPanel("label_en"), FieldPanel("provinces")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("cbs_areas"), FieldPanel("cbs_areas_basis")], heading=_("Samenstelling van de regio")
        ),
        EditorsOnlyInlinePanel("sources", label=_("bronnen")),
    ]
    promote_panels = editors_only_slug()
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("provinces")]
    api_fields = [
        "label_en",
        "provinces",
        "intro",
        APIField("municipalities", serializer=serializers.StringRelatedField(many=True)),
        "cbs_areas",
        "cbs_areas_basis",
        "sources",
    ]

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = ["network.InitiativePage", "practices.PracticePage", "network.UpdatePage"]

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def clean(self):
        super().clean()
        codes, unknown = parse_cbs_areas(self.cbs_areas)
        if unknown:
            raise ValidationError(
                {
                    "cbs_areas": _(
                        "Onbekend CBS-gebied: %(codes)s. Gebruik codes uit de CBS-indeling, gescheiden door "
                        "komma's, bijvoorbeeld JZ14 (jeugdregio Twente) of LD01 (landsdeel Noord-Nederland)."
                    )
                    % {"codes": ", ".join(unknown)}
                }
            )
        if codes and not self.cbs_areas_basis.strip():
            raise ValidationError(
                {"cbs_areas_basis": _("Zeg waarop de samenstelling rust, met de paragraaf van de bron.")}
            )
        self.cbs_areas = ", ".join(codes)

    def areas(self):
        """The CBS areas the region consists of (reference data; no query)."""
        codes, _unknown = parse_cbs_areas(self.cbs_areas)
        return [reference.area(code) for code in codes]

    def area_municipalities(self):
        """The municipalities of the region's CBS areas, each once, in the reference file's order (no query)."""
        return list({m.code: m for area in self.areas() for m in area.municipalities}.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template renders them: not while the content is a kept fragment (core.page_cache).
        context["initiatives"] = SimpleLazyObject(
            lambda: list(
                InitiativePage.objects.child_of(self).live().public().order_by("title").prefetch_related("themes")
            )
        )
        context["areas"] = self.areas()  # reference data, no query
        context["areas_source"] = reference.AREAS_SOURCE
        municipalities = self.municipalities.all()
        context["municipalities"] = municipalities
        context["study_municipalities"] = SimpleLazyObject(lambda: [m for m in municipalities if m.section])
        context["other_municipalities"] = SimpleLazyObject(lambda: [m for m in municipalities if not m.section])
        practice_model = _practice_model()
        context["practices"] = SimpleLazyObject(
            lambda: attach_places(
                practice_model.objects.descendant_of(self).live().public().for_listing().order_by("title")
            )
        )
        return context


def parse_cbs_areas(text):
    """``(codes, unknown)`` for a region's "JZ14, LD01": the known CBS area codes (normalised, each once, in the
    order given) and what is no known code."""
    codes, unknown = [], []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        found = reference.area(part)
        if found is None:
            unknown.append(part)
        elif found.code not in codes:
            codes.append(found.code)
    return codes, unknown


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

    # Where the study names this municipality. Empty for a municipality an editor added from another source: the
    # region page then lists it apart, so a reader never takes it for one of the study's findings.
    section = models.CharField(
        _("paragraaf in de studie"),
        max_length=40,
        blank=True,
        help_text=_(
            "Waar de studie deze gemeente noemt, bijvoorbeeld '§3.2'. Leeg als de gemeente niet uit de studie komt."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("region"), FieldPanel("section")]
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
    region_wide = models.BooleanField(
        _("werkt in de hele regio"),
        default=False,
        help_text=_("Aan als het initiatief zich op alle gemeenten van zijn regio richt, ook als die hier niet staan."),
    )
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

    # Where each structured value comes from. ``field_sections`` maps a field name to the section of the study
    # that supports it (a value without one is the initiative's or an editor's own); ``confirmed_fields`` maps a
    # field name to the ISO date on which the coordinator confirmed it. A value from the study that nobody has
    # confirmed is shown as the study's, dated spring 2018 (see ``fact_source``).
    field_sections = models.JSONField(_("paragrafen per kenmerk"), default=dict, blank=True)
    confirmed_fields = models.JSONField(_("bevestigde kenmerken"), default=dict, blank=True)

    objects = InitiativeManager()
    base_form_class = StableSlugPageForm

    content_panels = [
        TitlePanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("status")]),
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("region_wide"),
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
        # A row left blank is no partner, contact, factor or lesson: it is dropped, never saved half-empty.
        BlankRowsDroppedInlinePanel("partners", label=_("partners")),
        BlankRowsDroppedInlinePanel("contacts", label=_("contactpersonen")),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        BlankRowsDroppedInlinePanel("factors", label=_("faciliterende en belemmerende factoren")),
        BlankRowsDroppedInlinePanel("lessons", label=_("geleerde lessen")),
        FieldPanel("body"),
        # The date moves only through the coordinator's "still current" button on the dashboard.
        FieldPanel("last_confirmed", permission=EDITORS_ONLY),
        # The study's citations and where each fact comes from: the editors keep them; a coordinator's form has
        # none of them, and a coordinator's save keeps them as they are.
        MultiFieldPanel(
            [
                EditorsOnlyInlinePanel("sources", label=_("bronnen")),
                FieldPanel("field_sections", permission=EDITORS_ONLY),
                FieldPanel("confirmed_fields", permission=EDITORS_ONLY),
            ],
            heading=_("Bronnen (bijgehouden door de redactie)"),
            classname="collapsed",
            permission=EDITORS_ONLY,
        ),
    ]
    promote_panels = editors_only_slug()
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
        "region_wide",
        APIField("themes", serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")),
        "partners",
        "contacts",
        "factors",
        "lessons",
        "body",
        "last_confirmed",
        "field_sections",
        "confirmed_fields",
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

    # The structured fields a profile shows, in the order of the "Kenmerken" list; each one's value comes either
    # from the study (with a section), from the initiative (confirmed on a date) or from neither.
    FACT_FIELDS = (
        "level",
        "status",
        "municipalities",
        "region_wide",
        "coordinator",
        "meeting_rhythm",
        "steering_group",
        "sub_working_groups",
        "desk_form",
        "intensity",
        "website",
    )

    def fact_source(self, field):
        """Where the value of ``field`` comes from: ``Fact(kind, section, confirmed)``.

        ``kind`` is "confirmed" (the initiative confirmed it on ``confirmed``), "study" (the study's, in
        ``section``, as of spring 2018), "inferred" (read from what ``section`` says, not said there in so many
        words: listed under ``field_sections["inferred"]``) or "" (neither: an editor's value, or an empty field).
        """
        confirmed = (self.confirmed_fields or {}).get(field)
        section = (self.field_sections or {}).get(field, "")
        if confirmed:
            try:
                return Fact("confirmed", section, date.fromisoformat(confirmed))
            except (TypeError, ValueError):
                pass  # a hand-edited value that is no date counts as not confirmed
        if section and field in (self.field_sections or {}).get("inferred", ()):
            return Fact("inferred", section, None)
        return Fact("study" if section else "", section, None)

    def clean(self):
        super().clean()
        self.forget_provenance_of_changed_values()

    def forget_provenance_of_changed_values(self):
        """Drop the section and the confirmation of every value that differs from the stored (live) page.

        A value an editor or coordinator changed is no longer what the study said in 2018, nor what the
        initiative confirmed: left in place, the profile would pin the new value on the study. It then shows
        without a claim until the initiative confirms it ("Profiel is nog actueel").
        """
        if not self.pk or not (self.field_sections or self.confirmed_fields):
            return
        stored = InitiativePage.objects.filter(pk=self.pk).first()
        if stored is None:
            return
        sections = dict(self.field_sections or {})
        confirmed = dict(self.confirmed_fields or {})
        inferred = list(sections.get("inferred", []))
        for field in self.FACT_FIELDS:
            if self._fact_value(field) != stored._fact_value(field):
                sections.pop(field, None)
                confirmed.pop(field, None)
                if field in inferred:
                    inferred.remove(field)
        if "inferred" in sections:
            sections["inferred"] = inferred
        self.field_sections, self.confirmed_fields = sections, confirmed

    def _fact_value(self, field):
        if field == "municipalities":
            return sorted(municipality.pk for municipality in self.municipalities.all())
        return getattr(self, field)

    @property
    def status_label(self):
        """The status as a reader should take it: the study's status is dated until the initiative confirms it."""
        label = self.get_status_display()
        if self.status == Status.UNKNOWN:
            return label
        if self.fact_source("status").kind == "study":
            return _("%(status)s (%(period)s, volgens de studie)") % {"status": label, "period": STUDY_PERIOD}
        return label

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        practice_model = _practice_model()
        # Lazy, like the querysets below: read only when the page's fragment is not kept (core.page_cache).
        context["practices"] = SimpleLazyObject(
            lambda: attach_places(practice_model.objects.child_of(self).live().public().for_listing().order_by("title"))
        )
        # .public() reads the view restrictions as soon as it is called.
        context["updates"] = SimpleLazyObject(
            lambda: list(UpdatePage.objects.child_of(self).live().public().order_by("-date")[:10])
        )
        context["partners"] = self.partners.select_related("organisation")
        context["factors"] = self.factors.select_related("factor").order_by("factor__kind", "sort_order")
        return context


class Fact(NamedTuple):
    kind: str  # "study", "inferred", "confirmed" or ""
    section: str
    confirmed: date | None


class InitiativePartner(Orderable):
    """A partner organisation of an initiative, with its shell in the shell model where known."""

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="partnerships"
    )
    shell = models.CharField(_("schil"), max_length=1, choices=Shell.choices, blank=True)
    note = models.CharField(_("toelichting"), max_length=255, blank=True)
    section = models.CharField(_("paragraaf"), max_length=40, blank=True, help_text=_("Bijvoorbeeld '§4.1.1'."))

    panels = [FieldPanel("organisation"), FieldPanel("shell"), FieldPanel("note"), FieldPanel("section")]
    api_fields = [
        APIField("organisation", serializer=serializers.StringRelatedField()),
        "shell",
        "note",
        "section",
    ]

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
    section = models.CharField(_("paragraaf"), max_length=40, blank=True, help_text=_("Bijvoorbeeld '§4.5'."))

    panels = [FieldPanel("factor"), FieldPanel("note"), FieldPanel("section")]
    api_fields = [
        APIField("factor", serializer=serializers.SlugRelatedField(read_only=True, slug_field="slug")),
        "note",
        "section",
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
        TitlePanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("event_date")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        EditorsOnlyInlinePanel("sources", label=_("bronnen")),
    ]
    promote_panels = editors_only_slug()
    base_form_class = EditorialPageForm
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


class Publication(models.Model):
    """A publication that pages cite, with its full reference, shown once on every page that cites it.

    Citations (``SourceCitation.citation``) name a publication by its short title; the sources list looks the
    full reference up by that title, so the author, year, title, institution and commissioner appear once and
    each fact keeps only its section.
    """

    short = models.CharField(
        _("korte titel"),
        max_length=255,
        unique=True,
        help_text=_(
            "Zoals bronvermeldingen haar noemen, bijvoorbeeld 'Scriptie Betere samenwerking bij "
            "vechtscheidingen (2018)'."
        ),
    )
    reference = models.TextField(
        _("volledige bronvermelding"), help_text=_("Auteur, jaar, titel, instelling, opdrachtgever.")
    )
    fieldwork = models.CharField(
        _("periode van het onderzoek"), max_length=100, blank=True, help_text=_("Bijvoorbeeld 'voorjaar 2018'.")
    )
    url = models.URLField(_("link"), blank=True)

    panels = [FieldPanel("short"), FieldPanel("reference"), FieldPanel("fieldwork"), FieldPanel("url")]

    class Meta:
        ordering = ["short"]
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")

    def __str__(self):
        return self.short


class LoadRecord(models.Model):
    """What ``load_network`` once created, so that a later run never re-creates what an editor removed.

    ``key`` is the item's slug in the data files (its kind says which file entry); ``object_id`` is the page or
    snippet it became. A page an editor deleted, moved or renamed keeps its record, and the loader leaves it be.
    """

    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=255)
    object_id = models.PositiveIntegerField()
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_load_record")]

    def __str__(self):
        return f"{self.kind}:{self.key}"


def _practice_model():
    # The practices app builds on this one; look its page model up lazily instead of importing it in a cycle.
    from practices.models import PracticePage

    return PracticePage
