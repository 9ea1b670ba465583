"""What search derives from editors' data (the typo vocabulary, the concepts), built once per process and rebuilt
after an editor changes that data.

The version lives in Django's cache, which every worker shares in production: a change made through one worker
is seen by all of them at their next search, at the cost of one cache read per search.
"""

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "search:vocabulary-version"


class Derived:
    """A value built by ``build()`` and kept until the vocabulary's version changes."""

    def __init__(self, build):
        self.build = build
        self.version = None
        self.value = None

    def get(self):
        version = cache.get(VERSION_KEY, 0)
        if self.version != version:
            self.value = self.build()
            self.version = version
        return self.value


def vocabulary_changed():
    """A label, term or name readers search for changed: every process rebuilds once the change is committed."""
    transaction.on_commit(_next_version)


def _next_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache yet (or evicted)
        cache.set(VERSION_KEY, 1, timeout=None)
