"""Issue 18's journey in a real browser: a request from the public form, the coordinator's answer, a planned and
held working visit, the requester's outcome through their personal link, a lesson drafted from the exchange,
reviewed by an editor, and then shown on /uitwisselingen/, on both initiatives' profiles and in search."""

import datetime
import re
import secrets

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS, add_role_accounts, run_on_server_database

pytestmark = pytest.mark.browser

COORDINATOR = "coordinator@joop.example"
EDITOR = "redacteur.uitwisseling@minvws.example"
LESSON = "Een loket in de bibliotheek, geleerd in Zeeland"


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"exchange-{name}.png", full_page=True)


@pytest.fixture(scope="module")
def password(server_database, server_url):
    """A coordinator of JOOP and a ministry editor, in the real groups (never a superuser)."""
    password = secrets.token_urlsafe(12)
    add_role_accounts(server_database, password, {COORDINATOR: "joop", EDITOR: "editors"})
    return password


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def requester_link(server_database):
    """The personal link as the confirmation e-mail carries it (the server's mail stays in its own process)."""
    return (
        run_on_server_database(
            server_database,
            """
from exchange.models import ExchangeRequest
from exchange.process import token_for
print("/uitwisseling/volg/%s/" % token_for(ExchangeRequest.objects.get(name="Mira Vrager")))
""",
        )
        .strip()
        .splitlines()[-1]
    )  # the shell may first say how many models it imported


def test_a_request_becomes_a_visit_an_outcome_and_a_published_lesson(
    browser, server_url, server_database, password, axe_script
):
    reader = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
    coordinator = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
    editor = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
    try:
        # 1. A professional of KEES (Noord-Nederland) asks JOOP (Zeeland) for a working visit.
        page = reader.new_page()
        page.goto("/contact/joop/?namens=kees&thema=echtscheidingsloket")
        page.get_by_label("Een werkbezoek").check()
        page.get_by_label("Uw naam").fill("Mira Vrager")
        page.get_by_label("Uw organisatie").fill("Gemeente Leeuwarden")
        page.get_by_label("Uw e-mailadres").fill("mira@example.nl")
        page.get_by_label("Uw bericht").fill("Wij willen zien hoe uw loket werkt.")
        expect(page.locator("#toestemming")).to_contain_text("toestemming")
        page.get_by_role("button", name="Verstuur").click()
        expect(page).to_have_url(re.compile(r"/contact/joop/verstuurd/$"))

        # 2. JOOP's coordinator accepts, plans a visit (yesterday) and marks it held.
        admin = coordinator.new_page()
        log_in(admin, COORDINATOR, password)
        admin.goto("/admin/exchange_requests/")
        admin.locator("tbody tr", has_text="Mira Vrager").first.get_by_role("link").first.click()
        if "/inspect/" not in admin.url:
            admin.get_by_role("link", name=re.compile("Inspecteren|Inspect")).first.click()
        expect(admin.locator("main")).not_to_contain_text("mira@example.nl")
        admin.get_by_role("button", name="Accepteren").click()
        expect(admin.locator("main")).to_contain_text("Geaccepteerd")
        yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
        admin.get_by_label("Datum").fill(yesterday)
        admin.get_by_label("Vorm").select_option("bezoek")
        admin.get_by_role("button", name="Afspraak plannen").click()
        expect(admin.locator("main")).to_contain_text("Afspraak gepland")
        admin.get_by_role("button", name="Afspraak gehouden").click()
        expect(admin.locator("main")).to_contain_text("Gehouden")
        shot(admin, "coordinator-1280")

        # 3. The requester follows the link and records what they took home.
        page.goto(requester_link(server_database))
        expect(page.locator(".exchange-state")).to_have_text("Gehouden")
        page.get_by_label("Wat hebt u meegenomen uit de uitwisseling?").fill("Een vast spreekuur in de bibliotheek.")
        page.get_by_role("button", name="Uitkomst opslaan").click()
        expect(page.locator(".exchange-state")).to_have_text("Uitkomst vastgelegd")
        shot(page, "requester-1280")

        # 4. The coordinator drafts a lesson from the exchange and submits it for review.
        admin.reload()
        admin.get_by_role("button", name="Les opstellen").click()
        expect(admin).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
        admin.locator("#id_title").fill(LESSON)
        admin.locator("#id_summary").fill("Hoe JOOP en KEES samen een spreekuur in de bibliotheek opzetten.")
        lesson_edit = admin.url
        admin.locator('button[name="action-submit"]').click()
        expect(admin.locator(".messages")).to_contain_text(LESSON)

        # 5. An editor approves it (the ordinary review).
        review = editor.new_page()
        log_in(review, EDITOR, password)
        review.goto(lesson_edit)
        approve = review.locator('button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])')
        if not approve.is_visible():
            review.locator("footer .w-dropdown__toggle").first.click()
        approve.click()
        expect(review.locator(".messages")).to_contain_text(LESSON)

        # 6. Readers see it everywhere.
        page.goto("/uitwisselingen/")
        main = page.locator("main")
        expect(main.locator("table")).to_contain_text("Noord-Nederland – Zeeland")
        expect(main).to_contain_text(LESSON)
        expect(main).not_to_contain_text("Mira Vrager")
        shot(page, "overview-1280")
        for slug in ("/netwerk/zeeland/joop/", "/netwerk/noord-nederland/kees/"):
            page.goto(slug)
            expect(page.locator(".exchange-box")).to_contain_text(LESSON)
        page.goto("/netwerk/noord-nederland/kees/")
        expect(page.locator(".exchange-partners")).to_contain_text("JOOP (Zeeland)")
        page.locator(".exchange-box").get_by_role("link", name=LESSON).click()
        expect(page.locator(".exchange-origin")).to_contain_text(
            "Uit een uitwisseling tussen JOOP (Zeeland) en KEES (Noord-Nederland)"
        )
        page.goto("/zoeken/?q=spreekuur+bibliotheek")
        expect(page.locator("main")).to_contain_text(LESSON)

        # 7. The new pages, with their data, meet WCAG 2.1 AA and fit a phone.
        audit_and_fit(browser, server_url, axe_script, ["/uitwisselingen/", requester_link(server_database)])
    finally:
        for context in (reader, coordinator, editor):
            context.close()


def audit_and_fit(browser, server_url, axe_script, paths):
    from .test_accessibility import WCAG_TAGS, describe

    audit = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    phone = browser.new_context(base_url=server_url, viewport={"width": 375, "height": 812})
    try:
        page, small = audit.new_page(), phone.new_page()
        for path in paths:
            assert page.goto(path).status == 200
            page.add_script_tag(path=str(axe_script))
            results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
            assert results["violations"] == [], f"{path}:\n{describe(results['violations'])}"
            small.goto(path)
            overflow = small.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways on a phone by {overflow}px"
            if path == "/uitwisselingen/":
                shot(small, "overview-375")
    finally:
        audit.close()
        phone.close()
