"""Requests for contact and exchange between regions, sent through an initiative's profile.

A request is personal data: it is kept for ``EXCHANGE_RETENTION_DAYS`` (see ``exchange.conf``) and then deleted by
``manage.py purge_exchange_requests``. Public pages only ever show counts.
"""

from datetime import timedelta

from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExchangeRequestQuerySet(models.QuerySet):
    def older_than(self, days):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))

    def counts_for(self, initiative):
        """How many requests an initiative received, and from how many distinct (known) regions: one query."""
        return self.filter(initiative=initiative).aggregate(
            requests=Count("pk"), regions=Count("sender_region", distinct=True)
        )


class ExchangeRequest(models.Model):
    """A question, a request for a working visit, or a request to exchange materials, sent to an initiative.

    Created by the contact form on each initiative profile; editors read them in the admin (read-only). The
    sender's region is filled in when the municipality they named is one of the network's.
    """

    class Kind(models.TextChoices):
        QUESTION = "vraag", _("Een vraag")
        VISIT = "werkbezoek", _("Een werkbezoek")
        MATERIALS = "materialen", _("Uitwisseling van materialen")

    initiative = models.ForeignKey(
        "network.InitiativePage",
        verbose_name=_("initiatief"),
        on_delete=models.CASCADE,
        related_name="exchange_requests",
    )
    kind = models.CharField(_("soort verzoek"), max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    name = models.CharField(_("naam"), max_length=100)
    organisation = models.CharField(_("organisatie"), max_length=150)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    municipality = models.CharField(_("gemeente"), max_length=100, blank=True)
    sender_region = models.ForeignKey(
        "network.RegionPage",
        verbose_name=_("regio van de afzender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("bericht"), max_length=3000)
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True, db_index=True)

    objects = ExchangeRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitwisselingsverzoek")
        verbose_name_plural = _("uitwisselingsverzoeken")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.name} ({self.organisation})"
