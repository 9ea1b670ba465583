from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from exchange import conf, process
from exchange.models import ExchangeRequest


class Command(BaseCommand):
    help = (
        "Herinner de kant die aan de beurt is aan een uitwisseling die EXCHANGE_REMINDER_WORKING_DAYS werkdagen "
        "(standaard 10) stilstaat. Dagelijks te draaien (cron); herinnert hoogstens eens per termijn."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        due = conf.reminder_working_days()
        sent = 0
        open_states = list(process.OPEN)
        exchanges = ExchangeRequest.objects.filter(state__in=open_states, personal_data_removed=False).select_related(
            "initiative"
        )
        for exchange in exchanges:
            side = process.whose_turn(exchange)
            if side is None:
                continue
            waiting_since = timezone.localtime(exchange.state_since).date()
            if exchange.state == ExchangeRequest.State.PLANNED and exchange.planned_for:
                waiting_since = max(waiting_since, exchange.planned_for)  # the meeting itself is not a delay
            if exchange.reminded_at is not None:
                waiting_since = max(waiting_since, timezone.localtime(exchange.reminded_at).date())
            if process.working_days_between(waiting_since, today) < due:
                continue
            self._remind(exchange, side, due)
            ExchangeRequest.objects.filter(pk=exchange.pk).update(reminded_at=timezone.now())
            sent += 1
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")

    def _remind(self, exchange, side, due):
        context = {"exchange": exchange, "initiative": exchange.initiative, "days": due}
        if side == process.REQUESTER:
            to = [exchange.email]
            context["link"] = process.link_for(exchange)
            template = "exchange/email_reminder_to_requester.txt"
        else:
            to = process.initiative_addresses(exchange.initiative)
            context["admin_url"] = conf.site_url() + reverse("exchange_requests:inspect", args=[exchange.pk])
            template = "exchange/email_reminder_to_initiative.txt"
        subject = _("Herinnering: de uitwisseling met %(initiative)s wacht op u") % {
            "initiative": exchange.initiative.title
        }
        EmailMessage(subject=subject, body=render_to_string(template, context), to=to).send(fail_silently=True)
