"""What readers ask, for the editors: every question in Wagtail's query log, best bets shown first, and a report.

The log keeps a question's words and how often it was asked per day (Wagtail's ``Query`` and ``QueryDailyHits``)
and, here, how many results it found when last asked; never who asked. Editors steer search with the results of
the report: a question that finds nothing becomes a search term of a concept, or gets a promoted page (Wagtail's
``SearchPromotion``, "best bets"), which is shown first and marked.
"""

import datetime

from django.db.models import Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

from .models import SearchOutcome

# The report looks back this far; questions with at most FEW_RESULTS results count as finding little.
REPORT_DAYS = 30
FEW_RESULTS = 2


def log_question(text, result_count):
    """Count one reader's question (its words only) and remember how many results it found."""
    words = normalise_query_string(text)[:MAX_QUERY_STRING_LENGTH].strip()
    if not words:
        return
    query = Query.get(words)
    query.add_hit()
    SearchOutcome.objects.update_or_create(
        query=query, defaults={"result_count": result_count, "last_asked": timezone.localdate()}
    )


def promoted_page_ids(text):
    """The pages editors promoted for this question, in their order."""
    words = normalise_query_string(text)[:MAX_QUERY_STRING_LENGTH].strip()
    if not words:
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=words, page__isnull=False)
        .order_by("sort_order")
        .values_list("page_id", flat=True)
    )


def asked_recently(few_only=False, today=None):
    """The questions of the last ``REPORT_DAYS`` days, most asked first, with their last result count."""
    since = (today or timezone.localdate()) - datetime.timedelta(days=REPORT_DAYS)
    questions = (
        Query.objects.filter(daily_hits__date__gte=since)
        .annotate(asked=Sum("daily_hits__hits"))
        .select_related("outcome")
        .order_by("-asked", "query_string")
    )
    if few_only:
        questions = questions.filter(outcome__result_count__lte=FEW_RESULTS)
    return questions
