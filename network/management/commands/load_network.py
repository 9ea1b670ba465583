"""Create the network's starting content from the study, idempotently.

Reads ``network/data/taxonomy.json`` (the stable slugs) and ``network/data/study_content.json`` (the study's
facts, written in the platform's own words with their sections). What already exists is left as it is, so a
second run changes nothing and never overwrites what editors changed since.
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
    Municipality,
    NetworkIndexPage,
    NetworkSource,
    Organisation,
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
    help = "Laadt de regio's, initiatieven en praktijken uit de studie (idempotent)."

    def handle(self, *args, **options):
        taxonomy = json.loads((DATA_DIR / "taxonomy.json").read_text(encoding="utf-8"))
        content = json.loads((DATA_DIR / "study_content.json").read_text(encoding="utf-8"))
        loader = NetworkLoader(taxonomy, content)
        with transaction.atomic():
            loader.load()
        self.stdout.write(
            self.style.SUCCESS(f"Netwerk geladen: {loader.created} nieuw, {loader.kept} al aanwezig en ongewijzigd.")
        )
        load_editorial(self.stdout)  # the editorial roles (setup_roles) and the example theme dossier


class NetworkLoader:
    def __init__(self, taxonomy, content):
        self.taxonomy = taxonomy
        self.content = content
        self.citation = content["source"]["short"]
        self.created = 0
        self.kept = 0

    def load(self):
        home = self.home_page()
        self.load_vocabulary()
        network = self.child(
            home,
            NetworkIndexPage,
            "netwerk",
            title="Netwerk",
            intro=self.content.get("network_intro", ""),
            sources=self.sources(NetworkSource, self.content.get("network_sources", [])),
        )
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
        }
        for entry in self.content["practices"]:
            parent = initiatives.get(entry.get("initiative")) or regions.get(entry.get("region")) or network
            self.load_practice(parent, entry)
        for entry in self.content.get("updates", []):
            parent = initiatives.get(entry.get("initiative")) or regions.get(entry.get("region")) or network
            self.load_update(parent, entry)

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

    def load_vocabulary(self):
        # The first search terms of each concept (network/data/search_terms.json); editors keep them afterwards.
        terms = json.loads((DATA_DIR / "search_terms.json").read_text(encoding="utf-8"))
        for entry in self.taxonomy["themes"]:
            self.snippet(
                Theme,
                entry["slug"],
                label=entry["label_nl"],
                label_en=entry.get("label_en", ""),
                search_terms="\n".join(terms["themes"].get(entry["slug"], [])),
            )
        for entry in self.taxonomy["factors"]:
            self.snippet(
                Factor,
                entry["slug"],
                label=entry["label_nl"],
                label_en=entry.get("label_en", ""),
                kind=entry["kind"],
                search_terms="\n".join(terms["factors"].get(entry["slug"], [])),
            )

    def load_organisations(self):
        return {
            entry["slug"]: self.snippet(
                Organisation,
                entry["slug"],
                name=entry["name"],
                discipline=entry["discipline"],
                line=entry.get("line", ""),
                website=entry.get("website", ""),
            )
            for entry in self.content.get("organisations", [])
        }

    def snippet(self, model, slug, **values):
        instance, created = model.objects.get_or_create(slug=slug, defaults=values)
        self.count(created)
        return instance

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
            intro=text.get("intro", ""),
            sources=self.sources(RegionSource, text.get("sources", [])),
        )
        for name in entry["municipalities"]:
            municipality, created = Municipality.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "region": region}
            )
            self.count(created)
        return region

    def load_initiative(self, region, entry, organisations):
        text = self.content["initiatives"][entry["slug"]]
        existing = self.existing(region, entry["slug"])
        if existing:
            return existing
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
            body=self.prose(text.get("body", [])),
        )
        initiative.municipalities = list(Municipality.objects.filter(name__in=text.get("municipalities", [])))
        initiative.themes = list(Theme.objects.filter(slug__in=text.get("themes", [])))
        initiative.partners = [
            InitiativePartner(
                organisation=organisations[partner["organisation"]],
                shell=partner.get("shell", ""),
                note=partner.get("note", ""),
            )
            for partner in text.get("partners", [])
        ]
        factors = {factor.slug: factor for factor in Factor.objects.all()}
        initiative.factors = [
            InitiativeFactor(factor=factors[item["factor"]], note=item.get("note", ""))
            for item in text.get("factors", [])
        ]
        initiative.lessons = [
            InitiativeLesson(text=item["text"], section=item.get("section", "")) for item in text.get("lessons", [])
        ]
        initiative.sources = self.sources(InitiativeSource, text.get("sources", []))
        return self.publish(region, initiative)

    def load_practice(self, parent, entry):
        existing = self.existing(parent, entry["slug"])
        if existing:
            return existing
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
        return self.publish(parent, practice)

    def load_update(self, parent, entry):
        existing = self.existing(parent, entry["slug"])
        if existing:
            return existing
        update = UpdatePage(
            title=entry["title"],
            slug=entry["slug"],
            date=entry["date"],
            event_date=entry.get("event_date") or None,
            intro=entry["intro"],
            body=self.prose(entry.get("body", [])),
        )
        update.sources = self.sources(UpdateSource, entry.get("sources", []))
        return self.publish(parent, update)

    def child(self, parent, model, slug, sources=(), **values):
        existing = self.existing(parent, slug)
        if existing:
            return existing
        page = model(slug=slug, **values)
        if sources:
            page.sources = sources
        return self.publish(parent, page)

    def existing(self, parent, slug):
        page = parent.get_children().filter(slug=slug).specific().first()
        if page:
            self.kept += 1
        return page

    def publish(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    # --- values --------------------------------------------------------------------------------------------

    def sources(self, model, entries):
        return [model(citation=self.citation, section=item["section"], note=item.get("note", "")) for item in entries]

    @staticmethod
    def prose(paragraphs):
        return [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in paragraphs]

    def count(self, created):
        if created:
            self.created += 1
        else:
            self.kept += 1
