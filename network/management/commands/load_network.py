"""Create the network's starting content from the study, without ever overriding editors.

Reads ``network/data/taxonomy.json`` (the stable slugs) and ``network/data/study_content.json`` (the study's
facts, written in the platform's own words with their sections).

Every page and snippet it creates is recorded (``network.LoadRecord``: the item's slug in the data and the id it
became). A later run looks items up by that record, not by slug or place, so a page an editor moved or renamed is
found where it is now and never duplicated, and one an editor deleted stays deleted: the run lists it as skipped.
Only items the data has and no record knows are created. ``--force`` re-creates the deleted ones, naming each;
``--dry-run`` says what a run would do and changes nothing.

A site loaded before records were kept has content but no records: there the run records what it finds (by slug
under the same parent) and creates nothing else unless ``--force`` is given, since it cannot tell a page an editor
deleted from one that was never loaded.
"""

import json
from html import escape
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from editorial.loading import load_editorial
from home.models import HomePage
from network.models import (
    InitiativeFactor,
    InitiativeLesson,
    InitiativePage,
    InitiativePartner,
    InitiativeSource,
    LoadRecord,
    Municipality,
    NetworkIndexPage,
    NetworkSource,
    Organisation,
    Publication,
    RegionPage,
    RegionSource,
    UpdatePage,
    UpdateSource,
)
from practices.models import (
    Factor,
    PracticeIndexPage,
    PracticePage,
    PracticeSource,
    Theme,
)

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"


class Command(BaseCommand):
    help = (
        "Laadt de regio's, initiatieven en praktijken uit de studie. Wat een redacteur heeft verwijderd, verplaatst "
        "of hernoemd, blijft zoals het is; --force maakt verwijderde onderdelen opnieuw aan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Maak ook onderdelen opnieuw aan die een redacteur heeft verwijderd (elk wordt genoemd).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Toon wat er zou gebeuren, zonder iets te veranderen."
        )

    def handle(self, *args, force=False, dry_run=False, **options):
        taxonomy = json.loads((DATA_DIR / "taxonomy.json").read_text(encoding="utf-8"))
        content = json.loads((DATA_DIR / "study_content.json").read_text(encoding="utf-8"))
        loader = NetworkLoader(taxonomy, content, force=force)
        with transaction.atomic():
            loader.load()
            for line in loader.report():
                self.stdout.write(line)
            if dry_run:
                self.stdout.write("Proefdraai (--dry-run): er is niets veranderd.")
                transaction.set_rollback(True)
                return
        self.stdout.write(
            self.style.SUCCESS(f"Netwerk geladen: {loader.created} nieuw, {loader.kept} al aanwezig en ongewijzigd.")
        )
        load_editorial(self.stdout, force=force)  # the editorial roles (setup_roles) and the example theme dossier


class NetworkLoader:
    def __init__(self, taxonomy, content, force=False):
        self.taxonomy = taxonomy
        self.content = content
        self.citation = content["source"]["short"]
        self.force = force
        self.created = 0
        self.kept = 0
        self.recreated = []  # (kind, key): deleted by an editor, created again because of --force
        self.skipped = []  # (kind, key): deleted by an editor (or never recorded on an older site), left out
        self.records = {(record.kind, record.key): record for record in LoadRecord.objects.all()}
        # Content without records: loaded before records were kept (see the module's docstring).
        self.unrecorded_site = not self.records and HomePage.objects.exists()

    def report(self):
        """Lines for the operator: what was re-created and what was left out, and why."""
        lines = []
        for kind, key in self.recreated:
            lines.append(f"Opnieuw aangemaakt (--force): {KIND_LABELS.get(kind, kind)} '{key}'.")
        if self.skipped:
            reason = (
                "deze site is geladen voordat bijgehouden werd wat er geladen is"
                if self.unrecorded_site
                else "een redacteur heeft ze verwijderd"
            )
            lines.append(f"Niet aangemaakt ({reason}); --force maakt ze aan:")
            lines += [f"  - {KIND_LABELS.get(kind, kind)} '{key}'" for kind, key in self.skipped]
        return lines

    def load(self):
        home = self.home_page()
        self.load_publication()
        self.load_vocabulary()
        network = self.child(
            home,
            NetworkIndexPage,
            "netwerk",
            title="Netwerk",
            intro=self.content.get("network_intro", ""),
            sources=self.sources(NetworkSource, self.content.get("network_sources", [])),
        )
        if network is None:
            return  # an editor deleted the network overview: everything below it stays away too
        self.child(
            home,
            PracticeIndexPage,
            "praktijken",
            title="Praktijken",
            intro="Werkwijzen, interventies, instrumenten en lessen uit alle regio's, te filteren op regio, "
            "initiatief, thema, factor en trefwoord.",
        )
        regions = {entry["slug"]: self.load_region(network, entry) for entry in self.taxonomy["regions"]}
        organisations = self.load_organisations()
        initiatives = {
            entry["slug"]: self.load_initiative(regions[entry["region"]], entry, organisations)
            for entry in self.taxonomy["initiatives"]
            if regions[entry["region"]] is not None
        }
        for entry in self.content["practices"]:
            parent = self.parent_of(entry, network, regions, initiatives)
            if parent is not None:
                self.load_practice(parent, entry)
        for entry in self.content.get("updates", []):
            parent = self.parent_of(entry, network, regions, initiatives)
            if parent is not None:
                self.load_update(parent, entry)

    @staticmethod
    def parent_of(entry, network, regions, initiatives):
        """The page an entry belongs under, or None when that page was deleted (the entry then stays away too)."""
        if entry.get("initiative"):
            return initiatives.get(entry["initiative"])
        if entry.get("region"):
            return regions.get(entry["region"])
        return network

    # --- the site root -------------------------------------------------------------------------------------

    def home_page(self):
        home = HomePage.objects.first()
        if home:
            self.kept += 1
            return home
        root = Page.get_first_root_node()
        home = HomePage(
            title="Netwerk Complexe Scheidingen",
            slug="start",
            intro="Een platform waarop regio's en gemeenten die werken aan complexe scheidingen hun initiatieven, "
            "werkwijzen en lessen delen, zodat ze van elkaar kunnen leren.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        # Wagtail's installation makes a placeholder welcome page; the platform's home page takes over the site.
        site = Site.objects.filter(is_default_site=True).first()
        placeholder = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = home.title
            site.save()
        else:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name=home.title)
        if placeholder and type(placeholder.specific) is Page:
            placeholder.delete()
        self.created += 1
        return home

    # --- snippets ------------------------------------------------------------------------------------------

    def load_publication(self):
        source = self.content["source"]
        self.snippet(
            Publication,
            "short",
            source["short"],
            reference=source["citation"],
            fieldwork=source.get("fieldwork", ""),
            url=source.get("url", ""),
        )

    def load_vocabulary(self):
        # The first search terms of each concept (network/data/search_terms.json); editors keep them afterwards.
        terms = json.loads((DATA_DIR / "search_terms.json").read_text(encoding="utf-8"))
        for model, key in ((Theme, "themes"), (Factor, "factors")):
            for entry in self.taxonomy[key]:
                values = {"kind": entry["kind"]} if "kind" in entry else {}
                self.snippet(
                    model,
                    "slug",
                    entry["slug"],
                    label=entry["label_nl"],
                    label_en=entry.get("label_en", ""),
                    search_terms="\n".join(terms[key].get(entry["slug"], [])),
                    **values,
                )

    def load_organisations(self):
        return {
            entry["slug"]: self.snippet(
                Organisation,
                "slug",
                entry["slug"],
                name=entry["name"],
                discipline=entry["discipline"],
                line=entry.get("line", ""),
                website=entry.get("website", ""),
            )
            for entry in self.content.get("organisations", [])
        }

    def snippet(self, model, field, key, **values):
        """The snippet the data calls ``key`` (its ``field``): the recorded one, or a new one; None if deleted."""
        kind = model._meta.model_name
        record = self.records.get((kind, key))
        if record is not None:
            instance = model.objects.filter(pk=record.object_id).first()
            if instance is not None:
                self.kept += 1
                return instance
        else:
            instance = model.objects.filter(**{field: key}).first()
            if instance is not None:
                self.remember(kind, key, instance)
                self.kept += 1
                return instance
        if not self.may_create(kind, key, record):
            return None
        instance = model.objects.create(**{field: key}, **values)
        self.remember(kind, key, instance)
        self.created += 1
        return instance

    def may_create(self, kind, key, record):
        """Whether an item that is not on the site may be created: yes if never loaded, else only with --force."""
        if record is None and not self.unrecorded_site:
            return True
        if self.force:
            if record is not None or self.unrecorded_site:
                self.recreated.append((kind, key))
            return True
        self.skipped.append((kind, key))
        return False

    def remember(self, kind, key, instance):
        record, _ = LoadRecord.objects.update_or_create(kind=kind, key=key, defaults={"object_id": instance.pk})
        self.records[(kind, key)] = record

    # --- pages ---------------------------------------------------------------------------------------------

    def load_region(self, network, entry):
        text = self.content["regions"].get(entry["slug"], {})
        region = self.child(
            network,
            RegionPage,
            entry["slug"],
            title=entry["label_nl"],
            label_en=entry.get("label_en", ""),
            provinces=", ".join(entry.get("provinces", [])),
            # What the region consists of, only where the study names it by a CBS area's name (places README).
            cbs_areas=", ".join(entry.get("cbs_areas", [])),
            cbs_areas_basis=text.get("cbs_areas_basis", ""),
            intro=text.get("intro", ""),
            sources=self.sources(RegionSource, text.get("sources", [])),
        )
        if region is None:
            return None
        sections = text.get("municipality_sections", {})
        for name in entry["municipalities"]:
            self.snippet(Municipality, "slug", slugify(name), name=name, region=region, section=sections.get(name, ""))
        return region

    def load_initiative(self, region, entry, organisations):
        text = self.content["initiatives"][entry["slug"]]
        found, record = self.find_page(InitiativePage, region, entry["slug"])
        if found or not self.may_create("initiativepage", entry["slug"], record):
            return found
        initiative = InitiativePage(
            title=entry["name"],
            slug=entry["slug"],
            summary=text["summary"],
            level=entry["level"],
            status=text.get("status") or "onbekend",
            coordinator=text.get("coordinator", ""),
            meeting_rhythm=text.get("meeting_rhythm", ""),
            steering_group=text.get("steering_group", ""),
            sub_working_groups=text.get("sub_working_groups", ""),
            desk_form=text.get("desk_form", ""),
            intensity=text.get("intensity", ""),
            website=text.get("website", ""),
            region_wide=bool(text.get("region_wide")),
            field_sections=text.get("field_sections", {}),
            body=self.prose(text.get("body", [])),
        )
        initiative.municipalities = list(Municipality.objects.filter(name__in=text.get("municipalities", [])))
        initiative.themes = list(Theme.objects.filter(slug__in=text.get("themes", [])))
        # A partner or factor whose organisation or factor an editor deleted is left out, like the snippet itself.
        initiative.partners = [
            InitiativePartner(
                organisation=organisations[partner["organisation"]],
                shell=partner.get("shell", ""),
                note=partner.get("note", ""),
                section=partner.get("section", ""),
            )
            for partner in text.get("partners", [])
            if organisations.get(partner["organisation"])
        ]
        factors = {factor.slug: factor for factor in Factor.objects.all()}
        initiative.factors = [
            InitiativeFactor(factor=factors[item["factor"]], note=item.get("note", ""), section=item.get("section", ""))
            for item in text.get("factors", [])
            if item["factor"] in factors
        ]
        initiative.lessons = [
            InitiativeLesson(text=item["text"], section=item.get("section", "")) for item in text.get("lessons", [])
        ]
        initiative.sources = self.sources(InitiativeSource, text.get("sources", []))
        return self.publish(region, initiative, "initiativepage", entry["slug"])

    def load_practice(self, parent, entry):
        found, record = self.find_page(PracticePage, parent, entry["slug"])
        if found or not self.may_create("practicepage", entry["slug"], record):
            return found
        practice = PracticePage(
            title=entry["title"],
            slug=entry["slug"],
            kind=entry.get("kind") or PracticePage.Kind.PRACTICE,
            summary=entry["summary"],
            body=self.prose(entry.get("body", [])),
            target_groups=entry.get("target_groups", []),
            disciplines=entry.get("disciplines", []),
            maturity=entry.get("maturity", ""),
            results=entry.get("results", ""),
            lessons=entry.get("lessons", ""),
        )
        practice.themes = list(Theme.objects.filter(slug__in=entry.get("themes", [])))
        practice.factors = list(Factor.objects.filter(slug__in=entry.get("factors", [])))
        practice.tags.set(entry.get("tags", []))
        practice.sources = self.sources(PracticeSource, entry.get("sources", []))
        return self.publish(parent, practice, "practicepage", entry["slug"])

    def load_update(self, parent, entry):
        found, record = self.find_page(UpdatePage, parent, entry["slug"])
        if found or not self.may_create("updatepage", entry["slug"], record):
            return found
        update = UpdatePage(
            title=entry["title"],
            slug=entry["slug"],
            date=entry["date"],
            event_date=entry.get("event_date") or None,
            intro=entry["intro"],
            body=self.prose(entry.get("body", [])),
        )
        update.sources = self.sources(UpdateSource, entry.get("sources", []))
        return self.publish(parent, update, "updatepage", entry["slug"])

    def child(self, parent, model, slug, sources=(), **values):
        kind = model._meta.model_name
        found, record = self.find_page(model, parent, slug)
        if found or not self.may_create(kind, slug, record):
            return found
        page = model(slug=slug, **values)
        if sources:
            page.sources = sources
        return self.publish(parent, page, kind, slug)

    def find_page(self, model, parent, slug):
        """The page the data calls ``slug``, wherever an editor has moved or renamed it, and its load record.

        Without a record (a site loaded before records were kept), the page of that slug under ``parent`` is
        taken for it and recorded.
        """
        kind = model._meta.model_name
        record = self.records.get((kind, slug))
        if record is not None:
            page = model.objects.filter(pk=record.object_id).first()
        else:
            page = parent.get_children().filter(slug=slug).type(model).specific().first()
            if page is not None:
                self.remember(kind, slug, page)
        if page is not None:
            self.kept += 1
        return page, record

    def publish(self, parent, page, kind, key):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.remember(kind, key, page)
        self.created += 1
        return page

    # --- values --------------------------------------------------------------------------------------------

    def sources(self, model, entries):
        return [model(citation=self.citation, section=item["section"], note=item.get("note", "")) for item in entries]

    @staticmethod
    def prose(paragraphs):
        return [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in paragraphs]


# How the report names each kind of record (a kind is the model's name: stored, so keep it stable).
KIND_LABELS = {
    "networkindexpage": "netwerkoverzicht",
    "practiceindexpage": "praktijkenoverzicht",
    "regionpage": "regio",
    "initiativepage": "initiatief",
    "practicepage": "praktijk",
    "updatepage": "nieuwsbericht",
    "theme": "thema",
    "factor": "factor",
    "organisation": "organisatie",
    "municipality": "gemeente",
    "publication": "publicatie",
    "themedossierpage": "themadossier",
}
