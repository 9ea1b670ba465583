"""Score the judged queries on every backend: nDCG@10, recall@10 and MRR, printed, never asserted.

Each query of ``search/benchmarks/dev-queries.tsv`` lists what makes a result relevant: a theme or factor it
carries, or the initiative it belongs to. The database and Elasticsearch backends are asked through the search API;
the baseline is Wagtail's plain database search, without the project's synonyms, compounds and ranking.
"""

import csv
import math
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client

from search.backends.database import DatabaseBackend
from search.models import SearchDocument
from search.query import SearchQuery

QUERIES_FILE = Path(__file__).resolve().parents[2] / "benchmarks" / "dev-queries.tsv"
K = 10


class Command(BaseCommand):
    help = "Meet de relevantie van de zoekresultaten op de beoordeelde zoekvragen (nDCG@10, recall@10, MRR)."

    def handle(self, *args, **options):
        judged = load_judged_queries()
        documents = {
            document.url: document for document in SearchDocument.objects.prefetch_related("themes", "factors")
        }
        runs = {"baseline (Wagtail database)": self.baseline, "database": self.via_api("database")}
        if settings.ELASTICSEARCH_URL:
            runs["elasticsearch"] = self.via_api("elasticsearch")
        else:
            self.stdout.write("ELASTICSEARCH_URL is not set: Elasticsearch is left out of this run.")

        self.stdout.write(f"{len(judged)} judged queries, {len(documents)} documents\n")
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
            worst[name] = sorted(scores, key=lambda row: row[1])[:3]
        self.stdout.write("\nWeakest queries (nDCG@10) per backend:")
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


def load_judged_queries():
    rows = []
    with QUERIES_FILE.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            rows.append((row[0], [tuple(item.split(":", 1)) for item in row[1].split()]))
    return rows


def is_relevant(document, judgements):
    for kind, slug in judgements:
        if kind == "theme" and any(theme.slug == slug for theme in document.themes.all()):
            return True
        if kind == "factor" and any(factor.slug == slug for factor in document.factors.all()):
            return True
        if kind == "initiative" and document.initiative == slug:
            return True
    return False


def score(urls, relevant):
    """nDCG@K, recall@K and reciprocal rank of one ranked list against a set of relevant URLs (binary gains)."""
    gains = [1 if url in relevant else 0 for url in urls[:K]]
    dcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(K, len(relevant))))
    ndcg = dcg / ideal if ideal else 0.0
    recall = sum(gains) / len(relevant) if relevant else 0.0
    reciprocal_rank = next((1 / (rank + 1) for rank, gain in enumerate(gains) if gain), 0.0)
    return ndcg, recall, reciprocal_rank
