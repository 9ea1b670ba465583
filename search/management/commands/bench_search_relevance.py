"""Score the judged queries on every backend: nDCG@10, recall@10 and MRR, printed, never asserted.

Each query of ``search/benchmarks/dev-queries.tsv`` (the queries search was tuned on) and of
``search/benchmarks/reader-questions.tsv`` (questions written before any tuning for them) lists what makes a result
relevant: a theme or factor it
carries, or the initiative it belongs to. The database and Elasticsearch backends are asked through the search API;
the baseline is Wagtail's plain database search, without the project's synonyms, compounds and ranking.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client

from search.backends.database import DatabaseBackend
from search.benchmarks.relevance import QUERY_SETS, K, is_relevant, load_judged_queries, score
from search.models import SearchDocument
from search.query import SearchQuery


def path_name(set_name):
    return f"search/benchmarks/{QUERY_SETS[set_name].name}"


class Command(BaseCommand):
    help = "Meet de relevantie van de zoekresultaten op de beoordeelde zoekvragen (nDCG@10, recall@10, MRR)."

    def handle(self, *args, **options):
        documents = {
            document.url: document for document in SearchDocument.objects.prefetch_related("themes", "factors")
        }
        runs = {"baseline (Wagtail database)": self.baseline, "database": self.via_api("database")}
        if settings.ELASTICSEARCH_URL:
            runs["elasticsearch"] = self.via_api("elasticsearch")
        else:
            self.stdout.write("ELASTICSEARCH_URL is not set: Elasticsearch is left out of this run.")
        for set_name, path in QUERY_SETS.items():
            self.score_set(set_name, load_judged_queries(path), documents, runs)

    def score_set(self, set_name, judged, documents, runs):
        self.stdout.write(f"\n{set_name} ({path_name(set_name)}): {len(judged)} judged, {len(documents)} documents")
        header = f"{'backend':<30} {'nDCG@10':>8} {'recall@10':>10} {'MRR':>7} {'ms/query':>9}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        worst = {}
        for name, run in runs.items():
            scores = []
            started = time.perf_counter()
            for text, judgements in judged:
                urls = run(text)
                relevant = {url for url, document in documents.items() if is_relevant(document, judgements)}
                scores.append((text, *score(urls, relevant)))
            elapsed = (time.perf_counter() - started) * 1000 / len(judged)
            ndcg, recall, mrr = (sum(row[i] for row in scores) / len(scores) for i in (1, 2, 3))
            self.stdout.write(f"{name:<30} {ndcg:>8.3f} {recall:>10.3f} {mrr:>7.3f} {elapsed:>9.1f}")
            worst[name] = sorted(scores, key=lambda row: row[1])[:5]
        self.stdout.write("Weakest queries (nDCG@10) per backend:")
        for name, rows in worst.items():
            self.stdout.write(f"  {name}: " + "; ".join(f"{text!r} {ndcg:.2f}" for text, ndcg, *_ in rows))

    @staticmethod
    def baseline(text):
        results = DatabaseBackend(understand_query=False).search(SearchQuery(text=text, limit=K))
        return [hit.url for hit in results.hits]

    @staticmethod
    def via_api(backend):
        client = Client(HTTP_HOST="localhost")  # an allowed host under the development settings

        def run(text):
            response = client.get("/api/v1/search/", {"q": text, "limit": K, "backend": backend})
            body = response.json()
            if body["backend"] != backend:
                raise SystemExit(f"The {backend} backend did not answer: {body.get('fallback', '')}")
            return [result["url"] for result in body["results"]]

        return run
