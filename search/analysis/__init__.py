"""Dutch text analysis shared by both search backends.

One vocabulary, two consumers:

* Elasticsearch gets :func:`index_analysis_settings` — the ``analysis`` section of
  the index settings, with the synonyms (``synonyms.txt``) and the decompounding
  dictionary (``compound_words.txt``) inline, so the node needs no files.
* The database backend (PostgreSQL full text with the ``dutch`` configuration, or
  SQLite FTS5) cannot decompound or expand synonyms itself, so it widens the query
  in Python with :func:`expand_query_terms`, using the same two files.

The modules, by concern:

* ``text`` — folding, tokenising, stop words (what the ``standard`` tokenizer,
  ``lowercase``, ``asciifolding`` and ``stop`` do);
* ``synonyms`` — reading ``synonyms.txt`` and shaping it for each backend;
* ``compounds`` — base forms, segmentation, the decompounding dictionary;
* ``expansion`` — query expansion for the database backend;
* ``elasticsearch`` — the index analysis settings;
* ``build_compound_words`` — derives ``compound_words.txt`` from wdutch (run by hand).

Pure Python on purpose: importing this package needs neither Django nor an
Elasticsearch client, so the unit tests and the build script run anywhere.
"""

from pathlib import Path

from .compounds import (
    COMPOUND_WORDS_FILE,
    MAX_SUBWORD_SIZE,
    MIN_SUBWORD_SIZE,
    MIN_WORD_SIZE,
    compound_word_list,
    decompounder_finds_parts,
    load_compound_words,
    split_compound,
)
from .elasticsearch import PROTECTED_WORDS, STEMMER_OVERRIDES, index_analysis_settings
from .expansion import expand_query_terms
from .synonyms import (
    SYNONYMS_FILE,
    SynonymRule,
    load_synonym_groups,
    load_synonym_mappings,
    load_synonym_rules,
    synonym_rules,
)
from .text import DUTCH_STOPWORDS, fold, tokenize

HERE = Path(__file__).resolve().parent

__all__ = [
    "COMPOUND_WORDS_FILE",
    "DUTCH_STOPWORDS",
    "HERE",
    "MAX_SUBWORD_SIZE",
    "MIN_SUBWORD_SIZE",
    "MIN_WORD_SIZE",
    "PROTECTED_WORDS",
    "STEMMER_OVERRIDES",
    "SYNONYMS_FILE",
    "SynonymRule",
    "compound_word_list",
    "decompounder_finds_parts",
    "expand_query_terms",
    "fold",
    "index_analysis_settings",
    "load_compound_words",
    "load_synonym_groups",
    "load_synonym_mappings",
    "load_synonym_rules",
    "split_compound",
    "synonym_rules",
    "tokenize",
]
