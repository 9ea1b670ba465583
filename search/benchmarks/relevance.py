"""The judged queries and the measures of the relevance benchmark (binary gains: relevant or not)."""

import csv
import math
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The development queries the search was tuned on, and reader questions written before any tuning for them.
QUERY_SETS = {"dev queries": HERE / "dev-queries.tsv", "reader questions": HERE / "reader-questions.tsv"}
K = 10


def load_judged_queries(path=QUERY_SETS["dev queries"]):
    rows = []
    with path.open(encoding="utf-8") as handle:
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
