from django.core.management.base import BaseCommand, CommandError

from exchange import conf
from exchange.models import ExchangeRequest


class Command(BaseCommand):
    help = "Verwijder uitwisselingsverzoeken die ouder zijn dan de bewaartermijn (EXCHANGE_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Bewaartermijn in dagen; standaard EXCHANGE_RETENTION_DAYS."
        )

    def handle(self, *args, days=None, **options):
        days = conf.retention_days() if days is None else days
        if days < 0:
            raise CommandError("De bewaartermijn kan niet negatief zijn.")
        deleted, _by_model = ExchangeRequest.objects.older_than(days).delete()
        self.stdout.write(f"{deleted} uitwisselingsverzoek(en) ouder dan {days} dagen verwijderd.")
