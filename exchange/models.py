"""Exchanges between regions, sent through an initiative's profile and followed from request to outcome.

An exchange starts as a request (a question, a working visit, materials) and moves through the states of
``ExchangeRequest.State``: requested → accepted (or forwarded by an editor to another initiative) → meeting planned
→ held → outcome recorded → closed; the requester may withdraw at any time before it is closed. Every move is an
``ExchangeStep``: dated, with who made it (a user, the requester through their link, or the platform).
``exchange/process.py`` says who may make which move.

A request is personal data: its personal fields are kept for ``EXCHANGE_RETENTION_DAYS`` after its last step (see
``exchange.conf``), then ``manage.py purge_exchange_requests`` deletes an exchange that was never held and removes
the personal data of one that was (its regions, theme and dates stay, for the public counts). Public pages only
ever show counts of held exchanges, per region and theme.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_access_key():
    return secrets.token_urlsafe(24)


class ExchangeRequestQuerySet(models.QuerySet):
    def older_than(self, days):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))

    def held(self):
        """Exchanges that really took place: a held meeting, whatever happened after (never a withdrawn one)."""
        return self.filter(held_on__isnull=False).exclude(state=ExchangeRequest.State.WITHDRAWN)

    def involving(self, initiative):
        return self.filter(Q(initiative=initiative) | Q(sender_initiative=initiative))

    def counts_for(self, initiative):
        """How many exchanges an initiative held, and with how many distinct (known) other regions: one query."""
        return (
            self.held()
            .filter(initiative=initiative)
            .aggregate(requests=Count("pk"), regions=Count("sender_region", distinct=True))
        )


class ExchangeRequest(models.Model):
    """A question, a request for a working visit, or a request to exchange materials, sent to an initiative.

    Created by the contact form on each initiative profile; the initiative's coordinators handle it in the admin,
    the editors see all of them, and the requester follows it through a personal link. The sender's region is
    filled in when the municipality they named is one of the network's.
    """

    class Kind(models.TextChoices):
        QUESTION = "vraag", _("Een vraag")
        VISIT = "werkbezoek", _("Een werkbezoek")
        MATERIALS = "materialen", _("Uitwisseling van materialen")

    class State(models.TextChoices):
        REQUESTED = "aangevraagd", _("Aangevraagd")
        FORWARDED = "doorgestuurd", _("Doorgestuurd")
        ACCEPTED = "geaccepteerd", _("Geaccepteerd")
        PLANNED = "gepland", _("Afspraak gepland")
        HELD = "gehouden", _("Gehouden")
        OUTCOME = "uitkomst", _("Uitkomst vastgelegd")
        CLOSED = "gesloten", _("Afgesloten")
        WITHDRAWN = "ingetrokken", _("Ingetrokken")

    class MeetingForm(models.TextChoices):
        VISIT = "bezoek", _("Werkbezoek")
        ONLINE = "online", _("Online")
        PHONE = "telefoon", _("Telefonisch")

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
    # The region of the initiative asked, kept with the exchange (and moved with a forward) so that counts per
    # pair of regions need no walk through the page tree.
    initiative_region = models.ForeignKey(
        "network.RegionPage",
        verbose_name=_("regio van het initiatief"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sender_initiative = models.ForeignKey(
        "network.InitiativePage",
        verbose_name=_("initiatief van de afzender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exchanges_asked",
        help_text=_("Het initiatief namens wie de afzender vraagt, als dat er een van het netwerk is."),
    )
    theme = models.ForeignKey(
        "practices.Theme",
        verbose_name=_("thema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exchanges",
    )
    message = models.TextField(_("bericht"), max_length=3000)
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True, db_index=True)

    state = models.CharField(_("stand"), max_length=20, choices=State.choices, default=State.REQUESTED, db_index=True)
    state_since = models.DateTimeField(_("in deze stand sinds"), default=timezone.now)
    first_answer_at = models.DateTimeField(_("eerste antwoord op"), null=True, blank=True)
    meeting_form = models.CharField(_("vorm van de afspraak"), max_length=20, choices=MeetingForm.choices, blank=True)
    planned_for = models.DateField(_("afspraak op"), null=True, blank=True)
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    outcome = models.TextField(_("wat de afzender meenam"), max_length=3000, blank=True)
    initiative_outcome = models.TextField(_("wat het initiatief meenam"), max_length=3000, blank=True)
    reminded_at = models.DateTimeField(_("herinnerd op"), null=True, blank=True)
    # The secret in the requester's personal link; a new key makes every link sent before it useless.
    access_key = models.CharField(max_length=64, default=new_access_key, editable=False)
    personal_data_removed = models.BooleanField(_("persoonsgegevens verwijderd"), default=False)

    objects = ExchangeRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitwisselingsverzoek")
        verbose_name_plural = _("uitwisselingsverzoeken")

    def __str__(self):
        if self.personal_data_removed:
            return f"{self.get_kind_display()} — {self.initiative.title}"
        return f"{self.get_kind_display()} — {self.name} ({self.organisation})"

    def save(self, *args, **kwargs):
        if self.initiative_id and self.initiative_region_id is None:
            self.initiative_region = self.initiative.get_parent().specific
        if self.sender_initiative_id and self.sender_region_id is None:
            self.sender_region = self.sender_initiative.get_parent().specific
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.state not in (self.State.CLOSED, self.State.WITHDRAWN)

    @property
    def was_held(self):
        return self.held_on is not None and self.state != self.State.WITHDRAWN

    def remove_personal_data(self):
        """Blank what identifies the requester; the kind, regions, theme, states and dates stay."""
        self.name = ""
        self.organisation = ""
        self.email = ""
        self.municipality = ""
        self.message = ""
        self.outcome = ""
        self.initiative_outcome = ""
        self.access_key = new_access_key()
        self.personal_data_removed = True


class ExchangeStep(models.Model):
    """One move of an exchange: the state it reached, when, and who made it.

    ``by`` is the user (coordinator or editor) who made it; empty with ``by_requester`` when the requester made it
    through their link, and empty without it when the platform did (the request itself, a reminder).
    """

    exchange = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE, related_name="steps")
    state = models.CharField(_("stand"), max_length=20, choices=ExchangeRequest.State.choices)
    at = models.DateTimeField(_("op"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    by_requester = models.BooleanField(_("door de afzender"), default=False)
    note = models.TextField(_("toelichting"), max_length=3000, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    def __str__(self):
        return f"{self.get_state_display()} ({self.at:%Y-%m-%d})"

    @property
    def actor_label(self):
        if self.by_requester:
            return _("de afzender")
        if self.by is None:
            return _("het platform")
        return self.by.get_full_name() or self.by.get_username()


class ExchangeLesson(models.Model):
    """A lesson or practice drafted from a held exchange: the practice page sits under one side's initiative and
    goes through the ordinary review workflow; this link says which exchange (and so which two initiatives and
    regions, and when) it came from. It survives the exchange's personal data: only the kind, sides and date are
    shown."""

    exchange = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE, related_name="lessons")
    page = models.OneToOneField(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="exchange_origin", verbose_name=_("praktijk")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("les uit een uitwisseling")
        verbose_name_plural = _("lessen uit uitwisselingen")

    def __str__(self):
        return str(self.page)

    @property
    def sides(self):
        exchange = self.exchange

        def side(initiative, region):
            if initiative is not None:
                return f"{initiative.title} ({region.title})" if region is not None else initiative.title
            return region.title if region is not None else _("een onbekende regio")

        return (
            side(exchange.initiative, exchange.initiative_region),
            side(exchange.sender_initiative, exchange.sender_region),
        )
