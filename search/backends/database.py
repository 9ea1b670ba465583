"""Search with Wagtail's database backend: PostgreSQL full-text search (Dutch configuration) or SQLite FTS5.

Text relevance comes from Wagtail's database search over ``SearchDocument``; filters and facet counts are plain
SQL on the same rows. Query understanding happens before the database sees the words: the query is widened with
the project's synonyms and the parts of Dutch compounds (``search.analysis``), because neither database splits
compounds and SQLite does not stem.
"""

import itertools
import json
from collections import Counter

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Count, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, Phrase, PlainText

from core.fields import filter_has

from .. import analysis, spelling
from ..concepts import expansion_terms, match_concepts
from ..facets import CHOICES, COLUMN, FACETS_BY_NAME, RELATION, TYPE_WEIGHTS
from ..models import SearchDocument
from ..snippets import make_snippet
from .base import SearchBackend, SearchHit, SearchResults

# How alike a typed word and a word in a title or keywords must be (0-1) to count as a typo of it.
TRIGRAM_THRESHOLD = 0.5
# How many of the best text matches are re-ranked with the type weights; deeper pages keep the database's order.
RERANK_DEPTH = 200

# Iterating every hit (an export) reads the ranked match in batches of this many documents.
BATCH_SIZE = 500
# What carrying a concept the question names adds to a document's relevance, times how much of the question it
# accounts for: more than the best text match (1) and the reader's own words in place (up to 1.9) together, so
# the pages carrying it come first, in their text order.
CONCEPT_BONUS = 10.0
# SQLite's full-text parser fails (an error, not a slow query) at about 90 terms in one query. The typed words come
# first in the expansion, so the terms cut off are the farthest synonyms and compound parts.
MAX_TERMS = 64


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self, understand_query=True):
        # understand_query=False is Wagtail's plain database search: the relevance benchmark's baseline.
        self.understand_query = understand_query

    # --- answering ---------------------------------------------------------------------------------------

    def search(self, query):
        ranking = self.ranking(query)
        count, counts_by_facet = self.count_and_facets(ranking.documents, query)
        window = ranking.window(query.offset, query.limit)
        return SearchResults(
            query=query.text,
            backend=self.name,
            count=count,
            hits=[self.hit(document, ranking.terms) for document in window],
            facets=self.labelled_facets(counts_by_facet, query),
            approximate=ranking.approximate,
            concepts=ranking.concepts,
        )

    def all_hits(self, query):
        """Every hit in the order ``search`` pages through them (the rest of the matches read in batches)."""
        ranking = self.ranking(query)
        for document in itertools.chain(ranking.head, ranking.tail.iterator(chunk_size=BATCH_SIZE)):
            yield self.hit(document, ranking.terms)

    def ranking(self, query):
        """The question's matches in order: the best reranked (``head``), then the others (``tail``).

        Documents match by their text (the words, widened with synonyms, compound parts, corrections and the
        search terms of the concepts the question names) or by carrying such a concept. Each use of the text match
        is a pass over every index entry (on PostgreSQL: concatenating and matching each entry's vectors): it runs
        once for the ids, which the count and the facets use, and once for the ranking (per facet it cost a second
        each at 100,000 practices).
        """
        corrections = self.corrections(query.text) if self.understand_query and query.text else []
        concepts = match_concepts(" ".join([query.text, *corrections])) if self.understand_query else []
        terms = self.query_terms(query.text, corrections, expansion_terms(concepts))
        matched, approximate = self.text_matches(terms) if terms else (None, False)
        carried = Q()
        for match in concepts:
            for facet, slugs in match.concept.carried_by():
                carried |= self.condition(facet, slugs)
        if matched is None:
            everything = self.apply_filters(SearchDocument.objects.all(), query.filters)
            newest_first = everything.order_by("-published_at", "title").prefetch_related("themes", "factors", "tags")
            return Ranking(SearchDocument.objects.all(), [], newest_first)
        documents = SearchDocument.objects.filter(Q(pk__in=self.ids_of(matched)) | carried)
        text = self.apply_filters(matched, query.filters).prefetch_related("themes", "factors", "tags")
        candidates = {document.pk: document for document in text[:RERANK_DEPTH]}
        if concepts:
            carriers = self.apply_filters(SearchDocument.objects.filter(carried), query.filters)
            for document in carriers.prefetch_related("themes", "factors", "tags").order_by("-published_at")[
                :RERANK_DEPTH
            ]:
                candidates.setdefault(document.pk, document)
            # Past the reranked best, the other matches follow newest first: text and concept order do not mix.
            tail = self.apply_filters(documents, query.filters).order_by("-published_at", "title")
        else:
            tail = text
        head = self.reranked(list(candidates.values()), self.own_words(query.text), concepts)
        tail = tail.exclude(pk__in=[document.pk for document in head]).prefetch_related("themes", "factors", "tags")
        return Ranking(documents, head, tail, terms, approximate or bool(corrections), concepts)

    def own_words(self, text):
        """The words the reader typed (folded, without stop words): they count more than their expansions."""
        if not self.understand_query:
            return set()
        return {word for word in analysis.tokenize(text) if word not in analysis.DUTCH_STOPWORDS}

    @staticmethod
    def reranked(documents, own_words=frozenset(), concepts=()):
        """Re-rank the best matches: text relevance, the reader's own words in place, the concepts the question
        names carried, all weighed by page type.

        Neither database backend weighs the expanded terms (Wagtail's Boost is not supported there), so a synonym
        or a compound's part counts as much as the word typed; the bonus gives the typed words their due.
        SQLite's bm25 is negative and PostgreSQL's rank positive: only their sizes are compared. A document found
        only because it carries a concept has no text score.
        """
        if not documents:
            return documents
        best = max(abs(float(getattr(document, "score", 0.0) or 0.0)) for document in documents) or 1.0
        for document in documents:
            relevance = abs(float(getattr(document, "score", 0.0) or 0.0)) / best
            if own_words:
                relevance += sum(
                    weight * (len(own_words & set(analysis.tokenize(field))) / len(own_words))
                    for field, weight in ((document.title, 1.0), (document.keywords, 0.6), (document.summary, 0.3))
                )
            relevance += CONCEPT_BONUS * sum(match.weight for match in concepts if carries(document, match.concept))
            document.score = relevance * TYPE_WEIGHTS.get(document.type, 1.0)
        return sorted(documents, key=lambda document: -document.score)

    def query_terms(self, text, corrections=(), concept_terms=()):
        """The words to look for: the question widened with synonyms and compound parts, the words its typos
        stand for, and the terms of the concepts it names."""
        if not text:
            return []
        if not self.understand_query:
            return [text]
        terms = analysis.expand_query_terms(text)
        for correction in corrections:
            terms += [term for term in analysis.expand_query_terms(correction) if term not in terms]
        for term in concept_terms:
            folded = " ".join(analysis.tokenize(term))
            if folded and folded not in terms:
                terms.append(folded)
        return terms[:MAX_TERMS]

    def corrections(self, text):
        """The vocabulary words meant by the typed words that look like typos (Elasticsearch matches those fuzzily).

        A word outside the vocabulary that pages do contain is no typo ("office" is not "koffie").
        """
        found = []
        for word in analysis.tokenize(text):
            correction = spelling.closest_known_word(word)
            if correction and not self.indexed(word):
                found.append(correction)
        return found

    @staticmethod
    def indexed(word):
        """Whether any search document holds the word (one full-text query; asked only of likely typos)."""
        matches = get_search_backend("default").search(PlainText(word), SearchDocument.objects.all())
        return matches.get_queryset().exists()

    def text_matches(self, terms):
        """Documents matching any of the terms, best first, with their relevance as ``score``; and whether they
        only resemble the words (a typo) rather than contain them."""
        words = [Phrase(term) if " " in term else PlainText(term) for term in terms]
        wagtail_query = words[0] if len(words) == 1 else Or(words)
        results = get_search_backend("default").search(wagtail_query, SearchDocument.objects.all())
        # get_queryset() is the backend's own ranked queryset of every match: filters and facets are SQL on it.
        matched = results.annotate_score("score").get_queryset()
        if self.understand_query and connection.vendor == "postgresql" and not matched.exists():
            return self.similar_words(terms[0]), True
        return matched, False

    @staticmethod
    def similar_words(text):
        """On PostgreSQL, when no word matches: titles and keywords that contain a word like the one typed.

        Trigram similarity (pg_trgm) forgives typos that stemming cannot ("casusoverlg", "Zoetermer"). The
        service's own correction, which only knows the vocabulary, still runs when this finds nothing.
        """
        similarity = Greatest(TrigramWordSimilarity(text, "title"), TrigramWordSimilarity(text, "keywords"))
        return (
            SearchDocument.objects.annotate(score=similarity)
            .filter(score__gte=TRIGRAM_THRESHOLD)
            .order_by("-score", "-published_at")
        )

    def apply_filters(self, documents, filters):
        for facet, values in filters.items():
            documents = documents.filter(self.condition(facet, values))
        return documents

    @staticmethod
    def condition(facet, values):
        declared = FACETS_BY_NAME[facet]
        if declared.storage == COLUMN:
            return Q(**{f"{declared.field}__in": values})
        if declared.storage == CHOICES:
            condition = Q()
            for value in values:
                condition |= filter_has(declared.field, value)
            return condition
        through, column = _through(declared)
        # A subquery rather than a join, so a document with two chosen themes is still one result.
        return Q(pk__in=through.objects.filter(**{f"{column}__slug__in": values}).values("searchdocument_id"))

    @staticmethod
    def ids_of(matched):
        """The ids of a text match, as a subquery that does not run the text match again.

        The ids go to the database as one parameter (an array on PostgreSQL, JSON on SQLite), not one placeholder
        per id, so a match of 100,000 documents stays one short statement.
        """
        ids = list(matched.order_by().values_list("pk", flat=True))
        if connection.vendor == "postgresql":
            return RawSQL("SELECT unnest(%s::integer[])", [ids])
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])

    def count_and_facets(self, documents, query):
        """The total under every filter, and per facet value → count under every filter but the facet's own.

        Column facets (region, initiative, type) are counted in one grouped query over their combinations (a few
        dozen rows), which gives the total too, each filter on a column applied in Python where it belongs.
        Facets kept in a relation (themes, factors) get a query each.
        """
        columns = tuple(name for name, declared in FACETS_BY_NAME.items() if declared.storage == COLUMN)
        fields = tuple(FACETS_BY_NAME[name].field for name in columns)
        column_filters = {facet: set(values) for facet, values in query.filters.items() if facet in columns}
        other_filters = {facet: values for facet, values in query.filters.items() if facet not in columns}
        combinations = list(
            self.apply_filters(documents, other_filters).values_list(*fields).annotate(count=Count("pk")).order_by()
        )

        def passes(combination, ignored_facet=None):
            return all(
                combination[position] in column_filters[facet]
                for position, facet in enumerate(columns)
                if facet in column_filters and facet != ignored_facet
            )

        total = sum(count for *combination, count in combinations if passes(combination))
        counts_by_facet = {}
        for declared in self.counted_facets:
            if declared.storage == COLUMN:
                position = columns.index(declared.name)
                counts = Counter()
                for *combination, count in combinations:
                    # "" is no value: the national findings have no region or initiative.
                    if combination[position] and passes(combination, ignored_facet=declared.name):
                        counts[combination[position]] += count
                counts_by_facet[declared.name] = dict(counts)
            else:
                counts_by_facet[declared.name] = self.related_facet_counts(declared, documents, query)
        return total, counts_by_facet

    def related_facet_counts(self, declared, documents, query):
        """value → count for a facet kept in a relation (themes, factors) under every filter but its own."""
        documents = self.apply_filters(documents, query.without_facet(declared.name).filters)
        through, column = _through(declared)
        rows = (
            through.objects.filter(searchdocument__in=documents.values("pk"))
            .values_list(f"{column}__slug")
            .annotate(count=Count("pk"))
            .order_by()
        )
        return dict(rows)

    def hit(self, document, terms):
        return SearchHit(
            id=document.pk,
            type=document.type,
            title=document.title,
            url=document.url,
            initiative=document.initiative or None,
            region=document.region or None,
            initiative_title=document.initiative_title,
            region_title=document.region_title,
            themes=[theme.slug for theme in document.themes.all()],
            factors=[factor.slug for factor in document.factors.all()],
            tags=[tag.name for tag in document.tags.all()],
            snippet=make_snippet([document.summary, document.text, document.keywords], terms),
            score=round(float(getattr(document, "score", 0.0) or 0.0), 4),
        )

    def suggest(self, prefix, limit=8):
        # Only the words: quotes and operators are syntax to SQLite's full-text engine (an unterminated string).
        words = " ".join(analysis.tokenize(prefix))
        if not words:
            return []
        results = get_search_backend("default").autocomplete(words, SearchDocument.objects.all())[:limit]
        return [{"title": document.title, "url": document.url, "type": document.type} for document in results]

    # --- keeping current ---------------------------------------------------------------------------------

    def index_documents(self, documents):
        from ..indexing import save_search_documents

        save_search_documents(documents)

    def remove_documents(self, page_ids):
        # Each row's entry in Wagtail's index goes with it (search/signals.py).
        SearchDocument.objects.filter(pk__in=page_ids).delete()

    def rebuild(self, documents):
        from ..indexing import save_search_documents

        keep = [document["id"] for document in documents]
        SearchDocument.objects.exclude(pk__in=keep).delete()
        save_search_documents(documents)


def _through(declared):
    """The through model of a facet kept in a relation, and its column pointing at the label model."""
    relation = SearchDocument._meta.get_field(declared.field)
    return relation.remote_field.through, relation.m2m_reverse_field_name()


class Ranking:
    """One question's matches: all ``documents`` (for the count and facets), in order ``head`` then ``tail``."""

    def __init__(self, documents, head, tail, terms=(), approximate=False, concepts=()):
        self.documents = documents
        self.head = head
        self.tail = tail
        self.terms = list(terms)
        self.approximate = approximate
        self.concepts = list(concepts)

    def window(self, offset, limit):
        window = self.head[offset : offset + limit]
        if len(window) < limit:
            start = max(0, offset - len(self.head))
            window += list(self.tail[start : start + limit - len(window)])
        return window


def carries(document, concept):
    """Whether a search document carries a concept (its relations prefetched)."""
    for facet, slugs in concept.carried_by():
        declared = FACETS_BY_NAME[facet]
        if declared.storage == RELATION:
            values = {item.slug for item in getattr(document, declared.field).all()}
        elif declared.storage == CHOICES:
            values = set(getattr(document, declared.field) or [])
        else:
            values = {getattr(document, declared.field)}
        if values & set(slugs):
            return True
    return False
