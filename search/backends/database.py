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
from ..facets import CHOICES, COLUMN, FACETS_BY_NAME, TYPE_WEIGHTS
from ..models import SearchDocument
from ..snippets import make_snippet
from .base import SearchBackend, SearchHit, SearchResults

# How alike a typed word and a word in a title or keywords must be (0-1) to count as a typo of it.
TRIGRAM_THRESHOLD = 0.5
# How many of the best text matches are re-ranked with the type weights; deeper pages keep the database's order.
RERANK_DEPTH = 200

# Iterating every hit (an export) reads the ranked match in batches of this many documents.
BATCH_SIZE = 500
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
        terms, corrected = self.query_terms(query.text)
        matched, approximate = self.text_matches(terms) if terms else (None, False)
        # Each use of the text match is a pass over every index entry (on PostgreSQL: concatenating and matching
        # each entry's vectors). It runs once for the ids, which the count and the facets use, and once more for
        # the ranking; per facet it cost a second each at 100,000 practices.
        documents = self.documents_among(matched) if matched is not None else SearchDocument.objects.all()
        count, counts_by_facet = self.count_and_facets(documents, query)
        results = self.apply_filters(matched if matched is not None else SearchDocument.objects.all(), query.filters)
        if matched is None:
            results = results.order_by("-published_at", "title")
        results = results.prefetch_related("themes", "factors", "tags")
        if matched is not None and query.offset + query.limit <= RERANK_DEPTH:
            candidates = list(results[:RERANK_DEPTH])
            window = self.reranked(candidates, self.own_words(query.text))[query.offset : query.offset + query.limit]
        else:
            window = list(results[query.offset : query.offset + query.limit])
        hits = [self.hit(document, terms) for document in window]
        facets = self.labelled_facets(counts_by_facet, query)
        return SearchResults(
            query=query.text,
            backend=self.name,
            count=count,
            hits=hits,
            facets=facets,
            approximate=approximate or corrected,
        )

    def all_hits(self, query):
        """Every hit in the order ``search`` pages through them, read in batches (one ranked query)."""
        terms, _corrected = self.query_terms(query.text)
        matched, _approximate = self.text_matches(terms) if terms else (None, False)
        results = self.apply_filters(matched if matched is not None else SearchDocument.objects.all(), query.filters)
        if matched is None:
            results = results.order_by("-published_at", "title")
        documents = results.prefetch_related("themes", "factors", "tags").iterator(chunk_size=BATCH_SIZE)
        if matched is not None:
            documents = itertools.chain(
                self.reranked(list(itertools.islice(documents, RERANK_DEPTH)), self.own_words(query.text)), documents
            )
        for document in documents:
            yield self.hit(document, terms)

    def own_words(self, text):
        """The words the reader typed (folded, without stop words): they count more than their expansions."""
        if not self.understand_query:
            return set()
        return {word for word in analysis.tokenize(text) if word not in analysis.DUTCH_STOPWORDS}

    @staticmethod
    def reranked(documents, own_words=frozenset()):
        """Re-rank the best matches: text relevance, weighed by page type, plus the reader's own words in place.

        Neither database backend weighs the expanded terms (Wagtail's Boost is not supported there), so a synonym
        or a compound's part counts as much as the word typed; the bonus gives the typed words their due.
        SQLite's bm25 is negative and PostgreSQL's rank positive: only their sizes are compared.
        """
        if not documents:
            return documents
        best = max(abs(float(document.score or 0.0)) for document in documents) or 1.0
        for document in documents:
            relevance = abs(float(document.score or 0.0)) / best
            if own_words:
                relevance += sum(
                    weight * (len(own_words & set(analysis.tokenize(field))) / len(own_words))
                    for field, weight in ((document.title, 1.0), (document.keywords, 0.6), (document.summary, 0.3))
                )
            document.score = relevance * TYPE_WEIGHTS.get(document.type, 1.0)
        return sorted(documents, key=lambda document: -document.score)

    def query_terms(self, text):
        """The words to look for, and whether a typed word was taken for a typo.

        The query is widened with synonyms and compound parts; a word that looks like a typo of the platform's
        vocabulary brings that word too (Elasticsearch matches such words fuzzily).
        """
        if not text:
            return [], False
        if not self.understand_query:
            return [text], False
        terms = analysis.expand_query_terms(text)
        corrected = False
        for word in analysis.tokenize(text):
            correction = spelling.closest_known_word(word)
            if correction:
                terms += [term for term in analysis.expand_query_terms(correction) if term not in terms]
                corrected = True
        return terms[:MAX_TERMS], corrected

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
    def documents_among(matched):
        """The documents of a text match, as a queryset that does not run the text match again.

        The ids go to the database as one parameter (an array on PostgreSQL, JSON on SQLite), not one placeholder
        per id, so a match of 100,000 documents stays one short statement.
        """
        ids = list(matched.order_by().values_list("pk", flat=True))
        if connection.vendor == "postgresql":
            id_list = RawSQL("SELECT unnest(%s::integer[])", [ids])
        else:
            id_list = RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])
        return SearchDocument.objects.filter(pk__in=id_list)

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
