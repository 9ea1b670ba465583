"""Rebuild every search backend from the live pages.

Elasticsearch fills a fresh index and then swaps the alias in one step, so search keeps answering throughout.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from search.backends.base import SearchUnavailable
from search.indexing import all_documents
from search.service import search_service


class Command(BaseCommand):
    help = "Bouwt de zoekindexen opnieuw op uit de gepubliceerde pagina's."

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["all", "database", "elasticsearch"],
            default="all",
            help="Welke backend opnieuw op te bouwen (standaard: alle ingestelde).",
        )

    def handle(self, *args, backend, **options):
        service = search_service()
        backends = [b for b in service.backends() if backend in ("all", b.name)]
        if not backends:
            raise CommandError(f"Backend '{backend}' is niet ingesteld (zet ELASTICSEARCH_URL voor Elasticsearch).")
        started = time.perf_counter()
        documents = all_documents()
        self.stdout.write(f"{len(documents)} documenten opgebouwd in {time.perf_counter() - started:.1f} s")
        failed = []
        for search_backend in backends:
            started = time.perf_counter()
            try:
                search_backend.rebuild(documents)
            except SearchUnavailable as error:
                failed.append(search_backend.name)
                self.stderr.write(f"{search_backend.name}: niet gelukt: {error}")
                continue
            self.stdout.write(
                f"{search_backend.name}: {len(documents)} documenten in {time.perf_counter() - started:.1f} s"
            )
        if failed:
            raise CommandError(f"Opnieuw opbouwen mislukt voor: {', '.join(failed)}")
