"""Concepts in a question: the themes, factors, initiatives and places a reader names, in Dutch or English.

A concept is something pages carry: a theme or factor (its Dutch and English labels and the search terms editors
keep on the snippet), an initiative or a region (its name). A question that names a concept ranks the pages
carrying it first and offers the concept as a filter; both backends take the same matches from here.

Matching compares stems (search/analysis/stems.py), so "kartrekker" finds "Leiderschap en kartrekkers" and
"neighbourhood teams" finds "Role of neighbourhood teams". A term matches when all its words are in the question,
or two thirds of them (at least two); a question of fewer words matches a label that holds all of them, provided one
of those words names this concept alone ("echtscheidingsloket" matches "Echtscheidingsloket en aanspreekpunt",
"ouders" matches no label, because two themes speak of parents).

Places are concepts too: a municipality or province of the network (by its official, everyday or Frisian name,
from the CBS reference data in network/data/places/) is carried by the initiatives that serve it.
"""

from collections import Counter
from dataclasses import dataclass

from .analysis.stems import content_words, stems
from .facets import FACETS_BY_NAME
from .versioned import Derived

# A question inside a label (rather than a label inside the question) is a little less certain, and a label
# whose words are mostly (two thirds, at least two) but not all in the question less so.
WITHIN_LABEL = 0.8
PARTLY = 0.8


@dataclass(frozen=True)
class Concept:
    facet: str  # the facet whose filter the concept is: theme, factor, initiative, region
    slug: str
    label: str
    terms: tuple  # labels and search terms, as written
    # The facet values whose pages carry the concept (a place is carried by the initiatives that serve it).
    carriers: tuple = ()  # ((facet, (slug, ...)), ...)
    # Terms that the database backend adds to the question's words (the search terms of themes and factors).
    expansions: tuple = ()

    @property
    def filter_label(self):
        return f"{FACETS_BY_NAME[self.facet].label}: {self.label}"

    def carried_by(self):
        return self.carriers or ((self.facet, (self.slug,)),)


@dataclass(frozen=True)
class ConceptMatch:
    concept: Concept
    weight: float  # how much of the question the concept accounts for, 0 to 1


def match_concepts(text):
    """The concepts ``text`` names, the strongest first."""
    question = [stems(word) for word in content_words(text)]
    if not question:
        return []
    index = _index.get()
    matches = {}
    for concept, term in index.terms:
        weight = _term_weight(question, term, concept, index.concepts_of_stem)
        if weight and weight > matches.get(concept, 0):
            matches[concept] = weight
    return [
        ConceptMatch(concept, round(weight, 3))
        for concept, weight in sorted(matches.items(), key=lambda item: (-item[1], item[0].label))
    ]


def expansion_terms(matches):
    """Words to look for besides the question's own: the search terms of the concepts it names."""
    return list(dict.fromkeys(term for match in matches for term in match.concept.expansions))


def _term_weight(question, term, concept, concepts_of_stem):
    """How strongly one term of a concept matches the question (0 when it does not)."""
    if not term:
        return 0
    found = [any(word & part for word in question) for part in term]
    covered = [word for word in question if any(word & part for part in term)]
    if all(found):
        return len(covered) / len(question)
    if len(covered) == len(question) and any(concepts_of_stem[stem] == 1 for word in covered for stem in word):
        return WITHIN_LABEL
    if sum(found) >= 2 and sum(found) * 3 >= 2 * len(term):
        # Most of a longer label in other words ("information sharing and privacy").
        return PARTLY * len(covered) / len(question)
    return 0


class _Index:
    """Every concept's terms as stem sets, and how many concepts use each stem."""

    def __init__(self, concepts):
        self.terms = []
        users = {}
        for concept in concepts:
            for text in concept.terms:
                term = tuple(stems(word) for word in content_words(text))
                if term:
                    self.terms.append((concept, term))
                    for part in term:
                        for stem in part:
                            users.setdefault(stem, set()).add(concept)
        self.concepts_of_stem = Counter({stem: len(concepts) for stem, concepts in users.items()})


def all_concepts():
    """The concepts of the platform's vocabulary, read from the database."""
    from network.models import InitiativePage, RegionPage
    from practices.models import Factor, Theme

    concepts = []
    for facet, model in (("theme", Theme), ("factor", Factor)):
        for item in model.objects.all():
            terms = item.search_term_list()
            concepts.append(
                Concept(
                    facet, item.slug, item.label, (item.label, item.label_en, *terms), expansions=(item.label, *terms)
                )
            )
    initiatives = list(
        InitiativePage.objects.live().only("slug", "title", "region_wide", "path").prefetch_related("municipalities")
    )
    for initiative in initiatives:
        concepts.append(Concept("initiative", initiative.slug, initiative.title, (initiative.title,)))
    regions = list(RegionPage.objects.live().only("slug", "title", "label_en", "provinces", "cbs_areas", "path"))
    for region in regions:
        concepts.append(Concept("region", region.slug, region.title, (region.title, region.label_en)))
    return concepts + place_concepts(regions, initiatives)


def place_concepts(regions, initiatives):
    """Municipalities and provinces of the network as concepts: carried by the initiatives that serve them.

    A municipality of the network is served by the initiatives that work there (network/places.py: those that
    name it or aim at its whole region, else all of its region's). The municipalities of the network are those an
    editor or the study placed in a region (Snippets → Gemeenten) and those of the CBS areas a region consists of
    (the region's "samenstelling", network/data/places/). A province is served by the initiatives of the network
    regions that have a municipality in it, or that an editor placed in it (the region's provinces). Names come
    from the network and the CBS reference data (official, everyday and Frisian names). The filter offered is the
    region: "Regio: Zeeland".
    """
    from network import reference
    from network.models import Municipality
    from network.places import initiatives_serving, initiatives_serving_region_member

    concepts = []
    regions_in_province = {}
    named = set()  # (region, municipality code) of the snippets
    for region in regions:
        for province in _provinces_of(region):
            regions_in_province.setdefault(province, []).append(region)
    for municipality in Municipality.objects.filter(region__in=regions).select_related("region"):
        region = next(item for item in regions if item.pk == municipality.region_id)
        serving, _stated = initiatives_serving(municipality, initiatives)
        known = reference.municipality(municipality.name)
        names = (municipality.name, *((known.name, *known.other_names) if known else ()))
        if serving:
            concepts.append(place_concept(region, names, [item.slug for item in serving]))
        if known is not None and region not in regions_in_province.setdefault(known.province, []):
            regions_in_province[known.province].append(region)
        if known is not None:
            named.add((region.pk, known.code))
    for region in regions:
        serving, _stated = initiatives_serving_region_member(region, initiatives)
        for known in region.area_municipalities():
            if (region.pk, known.code) in named:
                continue  # a snippet of the region says more: the initiatives that name it
            if serving:
                concepts.append(place_concept(region, (known.name, *known.other_names), [i.slug for i in serving]))
            if region not in regions_in_province.setdefault(known.province, []):
                regions_in_province[known.province].append(region)
    for province, inside in regions_in_province.items():
        serving = [item.slug for item in initiatives if any(item.path.startswith(region.path) for region in inside)]
        if serving:
            names = (province.name, *((province.frisian_name,) if province.frisian_name else ()), *province.other_names)
            concepts.append(place_concept(inside[0], names, serving, also=inside[1:]))
    return concepts


def place_concept(region, names, serving, also=()):
    regions = [region, *also]
    return Concept(
        "region",
        ",".join(item.slug for item in regions),
        " / ".join(item.title for item in regions),
        tuple(dict.fromkeys(names)),
        carriers=(("initiative", tuple(dict.fromkeys(serving))),),
    )


def _provinces_of(region):
    from network import reference

    return {reference.province(name.strip()) for name in region.provinces.split(",") if name.strip()} - {None}


_index = Derived(lambda: _Index(all_concepts()))
