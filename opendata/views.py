"""The CSV export of the practices overview, and robots.txt."""

import csv

from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from practices.views import refuse_unpublished_tags
from search.query import SearchInputError

from .results import EXPORT_PARAMETERS, all_hits, fetch_documents, parse

CSV_COLUMNS = ("titel", "url", "initiatief", "regio", "thema's", "factoren", "trefwoorden", "samenvatting")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): quote it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Hits completed from the database at a time: the file streams, and the queries do not grow with every row.
EXPORT_BATCH_SIZE = 500


@require_GET
def practices_csv(request):
    """The practices overview with its current filters, as a spreadsheet (/praktijken/export.csv?theme=...).

    UTF-8 with a byte-order mark and semicolons: what Excel with Dutch regional settings opens as columns.
    """
    params = request.GET.copy()
    params.setlist("type", ["practice"])
    try:
        query = parse(params, allowed=EXPORT_PARAMETERS, limit=100)
        refuse_unpublished_tags(query)
    except SearchInputError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    response = StreamingHttpResponse(_csv_lines(request, all_hits(query)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="praktijken.csv"'
    return response


def _csv_lines(request, hits):
    """The CSV file line by line: hits are read and completed from the database one batch at a time."""
    line = _Line()
    writer = csv.writer(line, delimiter=";")
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for batch in _batches(hits, EXPORT_BATCH_SIZE):
        documents = fetch_documents(hit.id for hit in batch)
        for hit in batch:
            document = documents.get(hit.id)
            if document is None:  # unpublished between the search and this query
                continue
            yield writer.writerow(
                safe_cell(value)
                for value in (
                    hit.title,
                    request.build_absolute_uri(hit.url),
                    hit.initiative_title,
                    hit.region_title,
                    "; ".join(theme.label for theme in document.themes.all()),
                    "; ".join(factor.label for factor in document.factors.all()),
                    "; ".join(tag.name for tag in document.tags.all()),
                    document.summary,
                )
            )


def _batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Line:
    """A file the csv writer writes one row into, handing the row back instead of keeping it."""

    def write(self, text):
        return text


def safe_cell(value):
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class RobotsView(TemplateView):
    """robots.txt: everything may be indexed except the admin; points to the sitemap."""

    template_name = "opendata/robots.txt"
    content_type = "text/plain; charset=utf-8"
