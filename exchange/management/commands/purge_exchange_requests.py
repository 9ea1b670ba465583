from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from exchange import conf
from exchange.models import ExchangeRequest


class Command(BaseCommand):
    help = (
        "Verwijder uitwisselingsverzoeken waarvan de laatste stap ouder is dan de bewaartermijn "
        "(EXCHANGE_RETENTION_DAYS). Een gehouden uitwisseling blijft zonder persoonsgegevens meetellen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Bewaartermijn in dagen; standaard EXCHANGE_RETENTION_DAYS."
        )

    @transaction.atomic
    def handle(self, *args, days=None, **options):
        days = conf.retention_days() if days is None else days
        if days < 0:
            raise CommandError("De bewaartermijn kan niet negatief zijn.")
        # The term runs from the exchange's last step (its arrival, for a request without steps).
        expired = ExchangeRequest.objects.annotate(last=Coalesce(Max("steps__at"), "created_at")).filter(
            last__lt=timezone.now() - timedelta(days=days)
        )
        never_held = ExchangeRequest.objects.filter(pk__in=expired.filter(held_on__isnull=True).values("pk"))
        deleted = never_held.count()
        never_held.delete()
        anonymised = 0
        for exchange in expired.filter(held_on__isnull=False, personal_data_removed=False):
            exchange.remove_personal_data()
            exchange.save()
            exchange.steps.update(note="")
            anonymised += 1
        self.stdout.write(f"{deleted} uitwisselingsverzoek(en) ouder dan {days} dagen verwijderd.")
        self.stdout.write(f"{anonymised} gehouden uitwisseling(en) zonder persoonsgegevens bewaard voor de tellingen.")
