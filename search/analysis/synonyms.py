"""The synonyms of ``synonyms.txt``: read, checked, and shaped for each backend.

Elasticsearch gets them as the inline rules of a ``synonym_graph`` filter
(:func:`synonym_rules`); the database backend looks them up in Python
(:func:`synonym_index`, used by query expansion).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import normalize_term

SYNONYMS_FILE = Path(__file__).resolve().with_name("synonyms.txt")


@dataclass(frozen=True)
class SynonymRule:
    """One line of ``synonyms.txt``: an equivalence group, or with ``=>`` a
    one-way mapping from ``inputs`` to ``outputs``."""

    inputs: tuple[str, ...]
    outputs: tuple[str, ...] | None = None

    @property
    def is_mapping(self) -> bool:
        return self.outputs is not None


def _split_terms(text: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in text.split(",") if term.strip())


@lru_cache(maxsize=1)
def load_synonym_rules() -> tuple[SynonymRule, ...]:
    rules = []
    for number, raw in enumerate(SYNONYMS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line != line.lower():
            raise ValueError(f"{SYNONYMS_FILE.name}:{number}: synonyms must be lowercase")
        if "=>" in line:
            left, _, right = line.partition("=>")
            rule = SynonymRule(_split_terms(left), _split_terms(right))
            if not rule.inputs or not rule.outputs:
                raise ValueError(f"{SYNONYMS_FILE.name}:{number}: empty side of '=>'")
        else:
            rule = SynonymRule(_split_terms(line))
            if len(rule.inputs) < 2:
                raise ValueError(f"{SYNONYMS_FILE.name}:{number}: a group needs two terms")
        rules.append(rule)
    return tuple(rules)


@lru_cache(maxsize=1)
def load_synonym_groups() -> list[list[str]]:
    """The equivalence groups of ``synonyms.txt``, terms as written (lowercase).

    One-way ``=>`` rules are not groups; see :func:`load_synonym_mappings`.
    The result is cached: treat it as read-only.
    """
    return [list(rule.inputs) for rule in load_synonym_rules() if not rule.is_mapping]


@lru_cache(maxsize=1)
def load_synonym_mappings() -> list[tuple[list[str], list[str]]]:
    """The one-way ``inputs => outputs`` rules of ``synonyms.txt``."""
    return [(list(rule.inputs), list(rule.outputs)) for rule in load_synonym_rules() if rule.is_mapping]


@lru_cache(maxsize=1)
def _synonym_rule_lines() -> tuple[str, ...]:
    lines = []
    for rule in load_synonym_rules():
        # Write the rules in the form the search analyzer sees its tokens
        # (lowercased, folded, hyphens as word breaks). Stock Elasticsearch
        # would run the rules through the filters before synonym_graph anyway;
        # doing it here keeps the rules right for any parser of the Solr format.
        inputs = list(dict.fromkeys(filter(None, map(normalize_term, rule.inputs))))
        if rule.is_mapping:
            outputs = list(dict.fromkeys(filter(None, map(normalize_term, rule.outputs))))
            lines.append(f"{', '.join(inputs)} => {', '.join(outputs)}")
        elif len(inputs) > 1:
            lines.append(", ".join(inputs))
    return tuple(lines)


def synonym_rules() -> list[str]:
    """Lines for the inline ``synonyms`` of an Elasticsearch ``synonym_graph`` filter."""
    return list(_synonym_rule_lines())


@lru_cache(maxsize=1)
def synonym_index() -> dict[str, tuple[str, ...]]:
    """Normalized term -> the terms a query for it should also look for."""
    index: dict[str, list[str]] = {}
    for rule in load_synonym_rules():
        inputs = [normalize_term(t) for t in rule.inputs]
        outputs = [normalize_term(t) for t in rule.outputs] if rule.is_mapping else inputs
        for term in inputs:
            expansions = index.setdefault(term, [])
            expansions += [t for t in outputs if t != term and t not in expansions]
    return {term: tuple(expansions) for term, expansions in index.items()}
