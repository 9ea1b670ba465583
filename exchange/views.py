"""The contact and exchange form of an initiative, its confirmation, and the privacy statement that covers it."""

import hashlib
import logging
import smtplib

from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from network.lookup import find_municipality
from network.models import InitiativePage, Municipality

from . import conf, process
from .forms import ExchangeRequestForm, NewLinkForm, RequesterOutcomeForm
from .models import ExchangeRequest

logger = logging.getLogger(__name__)


def _live_initiative(slug):
    initiative = InitiativePage.objects.live().public().filter(slug=slug).order_by("path").first()
    if initiative is None:
        raise Http404(_("Dit initiatief bestaat niet (meer)."))
    return initiative


def _contact_addresses(initiative):
    return sorted({contact.email for contact in initiative.contacts.all() if contact.email})


def contact(request, initiative):
    """Show and handle the form; a valid request is stored, mailed to the contacts and confirmed to the sender."""
    initiative = _live_initiative(initiative)
    addresses = _contact_addresses(initiative)
    form = ExchangeRequestForm(request.POST or None, initial=_initial(request), asked=initiative)
    status = 200
    if request.method == "POST":
        if form.is_honeypot_filled:
            # Tell the bot it worked, so it does not try again with another trick; nothing is stored or sent.
            return redirect("exchange-sent", initiative=initiative.slug)
        if _rate_limited(request) or (form.is_valid() and not _count_towards_limit(request)):
            return TemplateResponse(request, "exchange/rate_limited.html", {"initiative": initiative}, status=429)
        if form.is_valid():
            exchange_request = _store(form, initiative)
            delivered = _send(request, exchange_request, addresses)
            if not delivered:
                request.session["exchange_undelivered"] = True
            return redirect("exchange-sent", initiative=initiative.slug)
        status = 400
    context = {
        "initiative": initiative,
        "form": form,
        "goes_to_editors": not addresses,
        "retention_days": conf.retention_days(),
    }
    return TemplateResponse(request, "exchange/contact_form.html", context, status=status)


def sent(request, initiative):
    initiative = _live_initiative(initiative)
    undelivered = request.session.pop("exchange_undelivered", False)
    # Say where the request went as the form and the e-mail say it: to the initiative, or to the editors.
    context = {
        "initiative": initiative,
        "undelivered": undelivered,
        "goes_to_editors": not _contact_addresses(initiative),
    }
    return TemplateResponse(request, "exchange/sent.html", context)


def editors_contact(request):
    """The site-wide contact page: where a question for an initiative goes, and the editors' own address."""
    return TemplateResponse(request, "pages/contact.html", {"editors_email": conf.fallback_email()})


def privacy(request):
    return TemplateResponse(request, "pages/privacy.html", {"retention_days": conf.retention_days()})


def _store(form, initiative):
    exchange_request = form.save(commit=False)
    exchange_request.initiative = initiative
    if exchange_request.municipality:
        match = find_municipality(exchange_request.municipality, Municipality.objects.select_related("region"))
        if match.municipality is not None:
            exchange_request.municipality = match.municipality.name  # "gemeente goes" is stored as "Goes"
            exchange_request.sender_region = match.municipality.region
    # Read before writing: on SQLite a transaction that reads first cannot take the write lock when others wait.
    exchange_request.initiative_region = initiative.region
    if exchange_request.sender_initiative is not None and exchange_request.sender_region is None:
        exchange_request.sender_region = exchange_request.sender_initiative.region
    with transaction.atomic():
        exchange_request.save()
        process.start(exchange_request)
    return exchange_request


def _initial(request):
    """``?namens=<initiative>&thema=<theme>`` from a "Wie kan u helpen?" button fill in the form's choices."""
    initial = {}
    if request.method == "GET":
        initial["sender_initiative"] = (
            InitiativePage.objects.live().public().filter(slug=request.GET.get("namens", "")[:100]).first()
        )
        from practices.models import Theme

        initial["theme"] = Theme.objects.filter(slug=request.GET.get("thema", "")[:100]).first()
    return initial


def _send(request, exchange_request, addresses):
    """Mail the request to the contacts (or the editors) and a confirmation to the sender; False when mail failed.

    The request is stored before this runs, so a mail failure loses nothing: editors see it in the admin.
    """
    context = {
        "to_editors": not addresses,
        "request_": exchange_request,
        "initiative": exchange_request.initiative,
        "profile_url": request.build_absolute_uri(exchange_request.initiative.url),
        "retention_days": conf.retention_days(),
        "privacy_url": request.build_absolute_uri(reverse("privacy")),
        "follow_url": request.build_absolute_uri(
            reverse("exchange-follow", args=[process.token_for(exchange_request)])
        ),
        "link_days": conf.link_days(),
    }
    subject = _("%(kind)s via het Netwerk Complexe Scheidingen: %(initiative)s") % {
        "kind": exchange_request.get_kind_display(),
        "initiative": exchange_request.initiative.title,
    }
    to_initiative = EmailMessage(
        subject=subject,
        body=render_to_string("exchange/email_to_initiative.txt", context),
        to=addresses or [conf.fallback_email()],
        reply_to=[exchange_request.email],
    )
    # The confirmation names no recipient, and does not repeat the message: a form that mails arbitrary text to
    # any address one types would let anyone send spam through the platform.
    confirmation = EmailMessage(
        subject=_("Uw verzoek aan %(initiative)s is verstuurd") % {"initiative": exchange_request.initiative.title},
        body=render_to_string("exchange/email_confirmation.txt", context),
        to=[exchange_request.email],
    )
    try:
        to_initiative.send()
        confirmation.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Exchange request %s is stored but could not be mailed", exchange_request.pk)
        return False
    return True


def _rate_key(request):
    # The address only lives in the cache, hashed, for the length of the window: it is never stored with a request.
    address = request.META.get("REMOTE_ADDR", "")
    proxies = conf.trusted_proxies()
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return "exchange-rate:" + hashlib.sha256(address.encode()).hexdigest()


def _rate_limited(request):
    limit, _window = conf.rate_limit()
    return cache.get(_rate_key(request), 0) >= limit


def _count_towards_limit(request):
    """Take one of the sender's places in the window; False when none is left.

    The count is taken before the request is stored, in one atomic step (the cache's ``incr``, atomic in the
    local-memory cache, Redis and Memcached): a check followed by a later increment let 30 simultaneous posts
    all pass a limit of 5.
    """
    limit, window = conf.rate_limit()
    key = _rate_key(request)
    # add() only sets the counter when it is absent, so the window starts at the first request and is not extended.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr(): this request opens a new window
        cache.add(key, 0, timeout=window)
        count = cache.incr(key)
    return count <= limit


@never_cache
def follow(request, token):
    """The requester's own page for one exchange, reached only through the personal link mailed to them.

    It shows where the exchange stands, step by step (never who at the initiative made a step, nor any address),
    lets them record what they took home once it was held, and withdraw and remove their data. A forged, expired
    or used-up link is a 403 that changes nothing.
    """
    try:
        exchange = process.exchange_for_token(token)
    except process.BadLink as bad:
        return TemplateResponse(request, "exchange/link_invalid.html", {"expired": bad.expired}, status=403)
    requester = process.Actor.for_requester()
    moves = {move.name for move in process.moves_for(requester, exchange)}
    outcome_form = RequesterOutcomeForm(initial={"outcome": exchange.outcome})
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "outcome" and "outcome" in moves:
            outcome_form = RequesterOutcomeForm(request.POST)
            if outcome_form.is_valid():
                process.apply(exchange, "outcome", requester, outcome=outcome_form.cleaned_data["outcome"])
                return redirect("exchange-follow", token=token)
            status = 400
        elif action == "remove" and "remove" in moves:
            if request.POST.get("confirm") == "ja":
                process.apply(exchange, "remove", requester)
                return TemplateResponse(request, "exchange/removed.html", {})
            status = 400
        else:
            return TemplateResponse(
                request,
                "exchange/follow.html",
                _follow_context(exchange, moves, outcome_form, not_now=True),
                status=409,
            )
    return TemplateResponse(
        request,
        "exchange/follow.html",
        _follow_context(
            exchange, moves, outcome_form, remove_unconfirmed=status == 400 and request.POST.get("action") == "remove"
        ),
        status=status,
    )


@never_cache
def new_link(request):
    """A fresh personal link for every exchange of an address, mailed to that address only.

    The answer is the same whether or not the address is known, so the page tells no one who asked for an
    exchange; the contact form's rate limit counts these requests too, so it cannot be used to flood a mailbox.
    """
    form = NewLinkForm(request.POST or None)
    if request.method != "POST":
        return TemplateResponse(request, "exchange/new_link.html", {"form": form})
    if not form.is_valid():
        return TemplateResponse(request, "exchange/new_link.html", {"form": form}, status=400)
    if not _count_towards_limit(request):
        return TemplateResponse(request, "exchange/new_link.html", {"form": form, "rate_limited": True}, status=429)
    exchanges = ExchangeRequest.objects.filter(
        email__iexact=form.cleaned_data["email"], personal_data_removed=False
    ).select_related("initiative")
    for exchange in exchanges:
        process.mail_new_link(exchange)
    return TemplateResponse(request, "exchange/new_link.html", {"sent": True})


def _follow_context(exchange, moves, outcome_form, not_now=False, remove_unconfirmed=False):
    return {
        "exchange": exchange,
        "steps": exchange.steps.all(),
        "can_record_outcome": "outcome" in moves,
        "can_remove": "remove" in moves,
        "outcome_form": outcome_form,
        "not_now": not_now,
        "remove_unconfirmed": remove_unconfirmed,
        "retention_days": conf.retention_days(),
    }


def overview(request):
    """/uitwisselingen/: which regions held exchanges with which, on which themes; counts only, never names."""
    from .overview import held_counts, matrix

    regions, pairs, by_pair, total, unknown = held_counts()
    context = {
        "pairs": pairs,
        "total": total,
        "unknown": unknown,
        "matrix": matrix(regions, by_pair) if by_pair else None,
        "lessons": _published_lessons(request),
    }
    return TemplateResponse(request, "exchange/overview.html", context)


def _published_lessons(request):
    """The live, public lessons and practices that came out of held exchanges, newest exchange first."""
    from practices.models import PracticePage

    from .models import ExchangeLesson

    public = PracticePage.objects.live().public().values("pk")
    lessons = (
        ExchangeLesson.objects.filter(page__in=public, exchange__held_on__isnull=False)
        .select_related(
            "page",
            "exchange__initiative",
            "exchange__initiative_region",
            "exchange__sender_initiative",
            "exchange__sender_region",
        )
        .order_by("-exchange__held_on", "page__title")
    )
    return [{"lesson": lesson, "url": lesson.page.get_url(request)} for lesson in lessons]
