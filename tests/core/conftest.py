import pytest


@pytest.fixture
def kept_pages(settings):
    """Pages and fragments kept as in production (the test settings keep nothing), in an empty cache."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()
