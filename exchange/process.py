"""The exchange process: which move leads where, who may make it, and what it mails.

Every state change goes through ``apply``: it checks the move against the exchange's current state and the actor
(an ``Actor``: a user, or the requester holding a valid personal link), records an ``ExchangeStep`` and mails the
other side. Nothing else changes an exchange's state.

- The initiative's side: the coordinators of the initiative asked, and the editors (who see every exchange and may
  step in). Only editors forward a request to another initiative.
- The requester: through their personal link (``link_for`` / ``exchange_for_token``), which expires
  ``EXCHANGE_LINK_DAYS`` after it was mailed and dies when their data is removed.
"""

from dataclasses import dataclass
from datetime import date

from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.roles import coordinated_initiatives

from . import conf
from .models import ExchangeRequest, ExchangeStep

State = ExchangeRequest.State
OPEN = (State.REQUESTED, State.FORWARDED, State.ACCEPTED, State.PLANNED, State.HELD, State.OUTCOME)

INITIATIVE, EDITOR, REQUESTER = "initiative", "editor", "requester"


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: tuple
    target: str  # the state reached; "" keeps the state (a removal of data after the exchange was held)
    sides: frozenset

    def allowed_from(self, state):
        return state in self.sources


MOVES = {
    move.name: move
    for move in (
        Move(
            "accept",
            gettext_lazy("Accepteren"),
            (State.REQUESTED, State.FORWARDED),
            State.ACCEPTED,
            frozenset({INITIATIVE, EDITOR}),
        ),
        Move(
            "forward",
            gettext_lazy("Doorsturen naar een ander initiatief"),
            (State.REQUESTED, State.FORWARDED, State.ACCEPTED),
            State.FORWARDED,
            frozenset({EDITOR}),
        ),
        Move(
            "plan",
            gettext_lazy("Afspraak plannen"),
            (State.ACCEPTED, State.PLANNED),
            State.PLANNED,
            frozenset({INITIATIVE, EDITOR}),
        ),
        Move("held", gettext_lazy("Afspraak gehouden"), (State.PLANNED,), State.HELD, frozenset({INITIATIVE, EDITOR})),
        Move(
            "outcome",
            gettext_lazy("Uitkomst vastleggen"),
            (State.HELD, State.OUTCOME),
            State.OUTCOME,
            frozenset({INITIATIVE, EDITOR, REQUESTER}),
        ),
        Move("close", gettext_lazy("Afsluiten"), OPEN, State.CLOSED, frozenset({INITIATIVE, EDITOR})),
        Move(
            "remove",
            gettext_lazy("Intrekken en mijn gegevens verwijderen"),
            (*OPEN, State.CLOSED),
            State.WITHDRAWN,
            frozenset({REQUESTER}),
        ),
    )
}


class NotAllowed(Exception):
    """The actor may not make this move on this exchange now; the message says why, in Dutch."""


@dataclass(frozen=True)
class Actor:
    user: object = None
    requester: bool = False

    @classmethod
    def for_requester(cls):
        return cls(requester=True)


def is_exchange_editor(user):
    """Editors (and superusers) hold the model permission to read every exchange; coordinators do not."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("exchange.view_exchangerequest"))


def sides_of(actor, exchange):
    if actor.requester:
        return {REQUESTER}
    user = actor.user
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    sides = set()
    if is_exchange_editor(user):
        sides.add(EDITOR)
    if coordinated_initiatives(user).filter(pk=exchange.initiative_id).exists():
        sides.add(INITIATIVE)
    return sides


def moves_for(actor, exchange):
    """The moves this actor may make on this exchange now, in the process's order."""
    if exchange.personal_data_removed and not actor.requester and exchange.state == State.WITHDRAWN:
        return []
    sides = sides_of(actor, exchange)
    return [move for move in MOVES.values() if move.sides & sides and move.allowed_from(exchange.state)]


@transaction.atomic
def apply(
    exchange,
    move_name,
    actor,
    *,
    note="",
    forward_to=None,
    meeting_form="",
    planned_for=None,
    held_on=None,
    theme=None,
    outcome="",
):
    """Make one move; raises ``NotAllowed`` (nothing changes) when the actor may not make it now."""
    exchange = ExchangeRequest.objects.select_for_update().get(pk=exchange.pk)
    move = MOVES.get(move_name)
    if move is None or move not in moves_for(actor, exchange):
        raise NotAllowed(_("Deze stap is nu niet mogelijk, of u mag hem niet zetten."))
    now = timezone.now()
    target = move.target
    if move.name == "forward":
        if forward_to is None or forward_to.pk == exchange.initiative_id:
            raise NotAllowed(_("Kies een ander initiatief om het verzoek aan door te sturen."))
        note = note or _("Doorgestuurd van %(old)s naar %(new)s.") % {
            "old": exchange.initiative.title,
            "new": forward_to.title,
        }
        exchange.initiative = forward_to
        exchange.initiative_region = forward_to.get_parent().specific
    elif move.name == "plan":
        if not planned_for or meeting_form not in ExchangeRequest.MeetingForm.values:
            raise NotAllowed(_("Vul de datum en de vorm van de afspraak in."))
        exchange.planned_for, exchange.meeting_form = planned_for, meeting_form
    elif move.name == "held":
        held_on = held_on or exchange.planned_for or now.date()
        if held_on > timezone.localdate():
            raise NotAllowed(_("Een afspraak in de toekomst is nog niet gehouden."))
        exchange.held_on = held_on
    elif move.name == "outcome":
        if not outcome.strip():
            raise NotAllowed(_("Schrijf op wat de uitwisseling opleverde."))
        if REQUESTER in sides_of(actor, exchange):
            exchange.outcome = outcome.strip()
        else:
            exchange.initiative_outcome = outcome.strip()
    elif move.name == "remove":
        if exchange.was_held:
            target = exchange.state  # the exchange took place: it stays counted, without the requester's data
        exchange.remove_personal_data()
        note = _("De afzender trok het verzoek in en liet de persoonsgegevens verwijderen.")
    if theme is not None and move.name in ("accept", "plan", "held"):
        exchange.theme = theme
    if actor.user is not None and exchange.first_answer_at is None and move.name != "remove":
        exchange.first_answer_at = now
    exchange.state = target
    exchange.state_since = now
    exchange.reminded_at = None
    exchange.save()
    step = ExchangeStep.objects.create(
        exchange=exchange,
        state=target,
        at=now,
        by=actor.user if actor.user is not None and actor.user.is_authenticated else None,
        by_requester=actor.requester,
        note=note.strip(),
    )
    transaction.on_commit(lambda: notify(exchange, step))
    if move.name == "held" or (move.name == "forward" and exchange.was_held):
        transaction.on_commit(lambda: public_counts_changed(exchange))
    return exchange


def public_counts_changed(exchange):
    """A held exchange changes what readers see (the profiles' counts, /uitwisselingen/): the rendered pages in
    the shared cache and the proxy's copies of both profiles and the overview are dropped. Requests that were
    never held change nothing public, so a flood of requests cannot empty the caches."""
    from core.frontend_cache import purge_page_and_listings
    from core.page_cache import content_changed

    content_changed()
    for initiative in filter(None, (exchange.initiative, exchange.sender_initiative)):
        purge_page_and_listings(initiative)  # the listings include /uitwisselingen/


def lesson_published_or_withdrawn(instance, **kwargs):
    from .models import ExchangeLesson

    lesson = ExchangeLesson.objects.filter(page_id=instance.pk).select_related("exchange").first()
    if lesson is not None:
        transaction.on_commit(lambda: public_counts_changed(lesson.exchange))


def start(exchange):
    """The first step of a new request (made by its requester)."""
    return ExchangeStep.objects.create(
        exchange=exchange, state=State.REQUESTED, at=exchange.created_at, by_requester=True
    )


# --- the requester's link ------------------------------------------------------------------------------------------

SALT = "exchange.requester-link"


def token_for(exchange):
    return signing.TimestampSigner(salt=SALT).sign_object({"e": exchange.pk, "k": exchange.access_key})


def link_for(exchange):
    return conf.site_url() + reverse("exchange-follow", args=[token_for(exchange)])


class BadLink(Exception):
    def __init__(self, expired):
        super().__init__()
        self.expired = expired


def exchange_for_token(token):
    """The exchange a personal link names; ``BadLink`` when it is forged, expired or its data was removed."""
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=conf.link_days() * 86400)
    except signing.SignatureExpired as error:
        raise BadLink(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadLink(expired=False) from error
    if not isinstance(payload, dict):
        raise BadLink(expired=False)
    exchange = (
        ExchangeRequest.objects.select_related("initiative", "sender_initiative", "sender_region", "theme")
        .filter(pk=payload.get("e"), access_key=payload.get("k"), personal_data_removed=False)
        .first()
    )
    if exchange is None:
        raise BadLink(expired=False)
    return exchange


# --- mail ----------------------------------------------------------------------------------------------------------


def initiative_addresses(initiative):
    return sorted({contact.email for contact in initiative.contacts.all() if contact.email}) or [conf.fallback_email()]


def mail_new_link(exchange):
    """Mail the requester a fresh personal link (they asked for one: the old one expired or was lost)."""
    context = {
        "exchange": exchange,
        "initiative": exchange.initiative,
        "link": link_for(exchange),
        "link_days": conf.link_days(),
        "privacy_url": conf.site_url() + reverse("privacy"),
    }
    subject = _("Uw nieuwe link voor de uitwisseling met %(initiative)s") % {"initiative": exchange.initiative.title}
    body = render_to_string("exchange/email_new_link.txt", context)
    EmailMessage(subject=subject, body=body, to=[exchange.email]).send(fail_silently=True)


def notify(exchange, step):
    """Mail the other side of a step: the requester (with a fresh link) for the initiative's moves, the initiative
    (without the requester's address) for the requester's."""
    context = {
        "exchange": exchange,
        "step": step,
        "initiative": exchange.initiative,
        "admin_url": conf.site_url() + reverse("exchange_requests:inspect", args=[exchange.pk]),
        "privacy_url": conf.site_url() + reverse("privacy"),
    }
    if step.by_requester:
        to = initiative_addresses(exchange.initiative)
        template = "exchange/email_step_to_initiative.txt"
    else:
        if exchange.personal_data_removed or not exchange.email:
            return
        to = [exchange.email]
        context["link"] = link_for(exchange)
        context["link_days"] = conf.link_days()
        template = "exchange/email_step_to_requester.txt"
    subject = _("Uw uitwisseling met %(initiative)s: %(state)s") % {
        "initiative": exchange.initiative.title,
        "state": step.get_state_display().lower(),
    }
    EmailMessage(subject=subject, body=render_to_string(template, context), to=to).send(fail_silently=True)


def working_days_between(start_date, end_date):
    """Monday to Friday from the day after ``start_date`` up to and including ``end_date``."""
    days = 0
    current = start_date
    while current < end_date:
        current = date.fromordinal(current.toordinal() + 1)
        if current.weekday() < 5:
            days += 1
    return days


def whose_turn(exchange):
    """``INITIATIVE``, ``REQUESTER`` or None: who should make the next move of an open exchange."""
    if exchange.state in (State.REQUESTED, State.FORWARDED, State.ACCEPTED, State.PLANNED):
        return INITIATIVE
    if exchange.state == State.HELD:
        return REQUESTER
    if exchange.state == State.OUTCOME:
        return INITIATIVE
    return None


# --- lessons back ----------------------------------------------------------------------------------------------------


def lesson_home_for(user, exchange):
    """Under which initiative this user may draft a lesson from this exchange, or None.

    Only from a held exchange; a coordinator of either side drafts under their own initiative, an editor under
    the initiative asked.
    """
    if not exchange.was_held or user is None or not user.is_authenticated or not user.is_active:
        return None
    own = coordinated_initiatives(user)
    for initiative in (exchange.initiative, exchange.sender_initiative):
        if initiative is not None and own.filter(pk=initiative.pk).exists():
            return initiative
    if is_exchange_editor(user):
        return exchange.initiative
    return None


@transaction.atomic
def draft_lesson(exchange, user):
    """A draft "Geleerde les" under the user's side, linked to the exchange; the user then writes and submits it."""
    from django.utils.text import slugify

    from practices.models import PracticePage

    from .models import ExchangeLesson

    home = lesson_home_for(user, exchange)
    if home is None:
        raise NotAllowed(_("U kunt uit deze uitwisseling (nog) geen les opstellen."))
    other = exchange.sender_initiative if home.pk == exchange.initiative_id else exchange.initiative
    partner = other.title if other is not None else (exchange.sender_region.title if exchange.sender_region else "")
    title = (
        _("Les uit de uitwisseling met %(partner)s") % {"partner": partner}
        if partner
        else _("Les uit een uitwisseling")
    )
    base = slugify(title)[:70] or "les-uit-uitwisseling"
    slug, number = base, 1
    while home.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    page = PracticePage(
        title=title,
        slug=slug,
        kind=PracticePage.Kind.LESSON,
        summary=_("Wat wij leerden uit de uitwisseling. (Vul aan voordat u het ter beoordeling aanbiedt.)"),
        live=False,
        owner=user,
    )
    if exchange.theme_id:
        page.themes = [exchange.theme]
    home.add_child(instance=page)
    page.save_revision(user=user)
    ExchangeLesson.objects.create(exchange=exchange, page=page, created_by=user)
    return page
