"""Index a synthetic corpus of practices and time a fixed mix of queries on every backend (figures printed).

Run it on a database of its own (`make bench-search-speed` uses var/bench.sqlite3, or BENCH_DATABASE_URL): it adds
placeholder pages for the synthetic practices. Elasticsearch gets an index of its own (`bench-kennisbank`).
"""

import gc
import statistics
import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from practices.models import Factor, Theme
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.benchmarks.corpus import synthetic_documents
from search.benchmarks.relevance import load_judged_queries
from search.indexing import DOCUMENT_FIELDS
from search.models import SearchDocument
from search.query import SearchQuery

BATCH = 2000
ROUNDS = 5


class Command(BaseCommand):
    help = "Meet indexeer- en zoeksnelheid op een synthetisch corpus van 10.000 en 100.000 praktijken."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
        parser.add_argument(
            "--backends",
            nargs="+",
            choices=["database", "elasticsearch"],
            default=["database", "elasticsearch"],
            help="Measure only these (the database backend takes most of the run's time at 100,000 practices).",
        )
        parser.add_argument(
            "--throwaway-database",
            action="store_true",
            help="Confirm that this database is for the benchmark only: it gets placeholder pages.",
        )

    def handle(self, *args, sizes, backends, throwaway_database, **options):
        if not throwaway_database:
            raise CommandError("Run this on a database of its own (`make bench-search-speed`): it adds pages.")
        elasticsearch = None
        if "elasticsearch" in backends and settings.ELASTICSEARCH_URL:
            elasticsearch = ElasticsearchBackend(settings.ELASTICSEARCH_URL, index_name="bench-kennisbank", timeout=60)
        elif "elasticsearch" in backends:
            self.stdout.write("ELASTICSEARCH_URL is not set: only the database backend is measured.")
        measured = {"database": DatabaseBackend()} if "database" in backends else {}
        if elasticsearch:
            measured["elasticsearch"] = elasticsearch
        queries = self.query_mix()
        self.stdout.write(
            f"Query mix: {len(queries)} queries, half with facet filters; one untimed round, then {ROUNDS} timed"
        )
        self.stdout.write(f"{'backend':<14} {'corpus':>8} {'docs/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        corpus = []
        for size in sorted(sizes):
            documents = list(synthetic_documents(size - len(corpus), first_id=self.first_free_id(), seed=size))
            corpus += documents
            # The placeholder pages are written either way: the next corpus size continues after their ids.
            rates = {"database": self.index_in_database(documents, search_index="database" in measured)}
            if elasticsearch:
                # A rebuild of the whole corpus, as `rebuild_search_index` does it (fill, merge, swap the alias).
                started = time.perf_counter()
                elasticsearch.rebuild(corpus)
                rates["elasticsearch"] = len(corpus) / (time.perf_counter() - started)
                # Every query is computed, never answered from the node's cache of earlier identical requests:
                # the mix repeats each query, and readers' first searches are what counts.
                elasticsearch.client.indices.put_settings(
                    index=elasticsearch.alias, settings={"index.requests.cache.enable": False}
                )
            for name, backend in measured.items():
                latencies = self.time_queries(backend, queries)
                p50, p95, p99 = (statistics.quantiles(latencies, n=100)[index] for index in (49, 94, 98))
                self.stdout.write(f"{name:<14} {size:>8} {rates[name]:>8.0f} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f}")

    @staticmethod
    def query_mix():
        texts = [text for text, _judgements in load_judged_queries()]
        mix = []
        for number, text in enumerate(texts):
            filters = {}
            if number % 2:
                filters = {
                    "type": ("practice",),
                    "region": ("zeeland", "twente"),
                    "theme": ("casusoverleg", "sociale-kaart"),
                }
            mix.append(SearchQuery(text=text, filters=filters, limit=10))
        mix.append(SearchQuery(text="", filters={"theme": ("echtscheidingsloket",)}, limit=10))
        return mix

    @staticmethod
    def time_queries(backend, queries):
        # The harness holds the whole corpus (up to 100,000 documents) in memory, which no search server does.
        # Python's full garbage collections rescanned it, 120-200 ms each, and one falling inside a timed search
        # made the p99; moved out of the collector's sight, only what the searches themselves allocate is scanned.
        gc.collect()
        gc.freeze()
        # One untimed round first: a node that has just started compiles its search code on the first queries
        # (a cold node showed p95 88 ms instead of 20 ms at 10,000 practices), which says nothing about the corpus.
        for query in queries:
            backend.search(query)
        latencies = []
        for _round in range(ROUNDS):
            for query in queries:
                started = time.perf_counter()
                backend.search(query)
                latencies.append((time.perf_counter() - started) * 1000)
        return latencies

    @staticmethod
    def first_free_id():
        return (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    def index_in_database(self, documents, search_index=True):
        """Placeholder pages, and (with ``search_index``) search documents and Wagtail's index entries, in bulk."""
        root = Page.get_first_root_node()
        page_type = ContentType.objects.get_for_model(Page)
        theme_ids = dict(Theme.objects.values_list("slug", "pk"))
        factor_ids = dict(Factor.objects.values_list("slug", "pk"))
        started = time.perf_counter()
        # Continue after the root's last child: tree paths are base-36 steps (Wagtail's treebeard alphabet).
        last_child = root.get_last_child()
        step = int(last_child.path[-Page.steplen :], 36) if last_child else 0
        for batch_start in range(0, len(documents), BATCH):
            batch = documents[batch_start : batch_start + BATCH]
            with transaction.atomic():
                pages = []
                for document in batch:
                    step += 1
                    pages.append(
                        Page(
                            id=document["id"],
                            path=Page._get_path(root.path, 2, step),
                            depth=2,
                            numchild=0,
                            title=document["title"][:255],
                            slug=f"bench-{document['id']}",
                            content_type=page_type,
                            live=True,
                            url_path=document["url"],
                            draft_title=document["title"][:255],
                            locale_id=root.locale_id,
                        )
                    )
                Page.objects.bulk_create(pages)
                if not search_index:
                    continue
                rows = SearchDocument.objects.bulk_create(
                    [SearchDocument(page_id=d["id"], **{name: d[name] for name in DOCUMENT_FIELDS}) for d in batch]
                )
                SearchDocument.themes.through.objects.bulk_create(
                    [
                        SearchDocument.themes.through(searchdocument_id=d["id"], theme_id=theme_ids[slug])
                        for d in batch
                        for slug in d["themes"]
                    ]
                )
                SearchDocument.factors.through.objects.bulk_create(
                    [
                        SearchDocument.factors.through(searchdocument_id=d["id"], factor_id=factor_ids[slug])
                        for d in batch
                        for slug in d["factors"]
                    ]
                )
                get_search_backend("default").get_index_for_model(SearchDocument).add_items(SearchDocument, rows)
        Page.objects.filter(pk=root.pk).update(numchild=root.get_children().count())
        return len(documents) / (time.perf_counter() - started)
