"""The one search service that views, the API and the admin use: they never ask which backend answers.

Elasticsearch answers when ``ELASTICSEARCH_URL`` is set and it is reachable; otherwise, or when it fails, the
database backend answers and the results say so (``fallback_reason``), with a warning in the log. Index updates
go to both, so the database can take over at any moment.
"""

import logging
from dataclasses import replace
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext as _

from .backends.base import SearchUnavailable
from .backends.database import DatabaseBackend
from .spelling import suggest_correction

logger = logging.getLogger(__name__)


class SearchService:
    def __init__(self, database, elasticsearch=None):
        self.database = database
        self.elasticsearch = elasticsearch

    def search(self, query):
        wants_elasticsearch = query.backend in ("auto", "elasticsearch")
        fallback_reason = ""
        if wants_elasticsearch and self.elasticsearch is not None:
            try:
                return self._with_suggestions(self.elasticsearch, query)
            except SearchUnavailable as error:
                logger.warning("Elasticsearch could not answer, the database answers instead: %s", error)
                fallback_reason = _("Elasticsearch is niet bereikbaar; de zoekresultaten komen uit de database.")
        elif query.backend == "elasticsearch":
            fallback_reason = _("Elasticsearch is niet ingesteld; de zoekresultaten komen uit de database.")
        results = self._with_suggestions(self.database, query)
        results.fallback_reason = fallback_reason
        return results

    def _with_suggestions(self, backend, query):
        """Search; when nothing matches, try the closest known words once (typo tolerance on every backend)."""
        results = backend.search(query)
        if not query.text:
            return results
        if results.count:
            if results.approximate:
                # The hits only resemble the words typed: still say which word we think was meant.
                corrected = suggest_correction(query.text)
                results.suggestions = [corrected] if corrected else []
            return results
        corrected = suggest_correction(query.text)
        if corrected and corrected.lower() != query.text.lower():
            retry = backend.search(replace(query, text=corrected))
            retry.query = query.text
            retry.suggestions = [corrected]
            if retry.count:
                return retry
            results.suggestions = [corrected]
        return results

    def all_hits(self, query):
        """Every hit of ``query``, for exports: from Elasticsearch when it answers the first page, else the database."""
        if query.backend in ("auto", "elasticsearch") and self.elasticsearch is not None:
            hits = self.elasticsearch.all_hits(query)
            try:
                first = next(hits, None)
            except SearchUnavailable as error:
                logger.warning("Elasticsearch could not export, the database does: %s", error)
            else:
                if first is not None:
                    yield first
                yield from hits
                return
        yield from self.database.all_hits(query)

    def suggest(self, prefix, limit=8):
        """Titles for search-as-you-type, from Elasticsearch when it answers, else from the database."""
        if self.elasticsearch is not None:
            try:
                return self.elasticsearch.suggest(prefix, limit)
            except SearchUnavailable as error:
                logger.warning("Elasticsearch could not suggest, the database does: %s", error)
        return self.database.suggest(prefix, limit)

    def update(self, documents, removed_ids=()):
        """Index new versions of documents and remove others, in every backend. Never stops a publication."""
        for backend in self.backends():
            try:
                if documents:
                    backend.index_documents(documents)
                if removed_ids:
                    backend.remove_documents(list(removed_ids))
            except SearchUnavailable as error:
                logger.warning("Could not update the %s index (a rebuild will catch up): %s", backend.name, error)

    def backends(self):
        return [self.database] + ([self.elasticsearch] if self.elasticsearch is not None else [])


@lru_cache(maxsize=1)
def search_service():
    elasticsearch = None
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from .backends.elasticsearch import ElasticsearchBackend

        elasticsearch = ElasticsearchBackend(settings.ELASTICSEARCH_URL, index_name=settings.ELASTICSEARCH_INDEX)
    return SearchService(DatabaseBackend(), elasticsearch)
