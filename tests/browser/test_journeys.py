"""The three users' journeys in a real browser, at a desktop (1280 px) and a phone (375 px) width.

Each test follows what one kind of user set out to do, and asserts what that user notices: where the thing they
need is on the screen, where the focus goes, what the page says. Screenshots go to var/screenshots/journey-*.png.
"""

import json
import re
import secrets
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS, add_role_accounts

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"journey-{name}.png", full_page=True)


def top_of(locator):
    return locator.bounding_box()["y"]


@pytest.fixture
def phone(browser, server_url):
    context = browser.new_context(base_url=server_url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# --- The municipal official: reads, searches, filters, compares, asks for contact; no login -----------------


def test_the_header_names_platform_and_owner_and_searches_from_every_page(page):
    page.goto("/")
    expect(page).to_have_title("Netwerk Complexe Scheidingen")  # once, not "name · name"
    header = page.locator("header.site-header")
    expect(header).to_contain_text("Netwerk Complexe Scheidingen")
    # The study names its commissioner, not the platform's owner: without PLATFORM_OWNER no ministry is claimed.
    expect(header).not_to_contain_text("Ministerie")
    expect(page.locator("footer")).to_contain_text("in opdracht van de Directie Jeugd van het ministerie van VWS")
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Vergelijk")).to_be_visible()
    field = header.get_by_label("Zoek op het platform")
    field.fill("casusoverleg")
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=casusoverleg"))
    expect(page.locator("#resultaten")).to_contain_text("voor ‘casusoverleg’")

    footer = page.get_by_role("navigation", name="Voettekst")
    for name, heading in (("Over dit platform", "Over dit platform"), ("Contact", "Contact"), ("Colofon", "Colofon")):
        footer.get_by_role("link", name=name, exact=True).click()
        expect(page.locator("h1")).to_have_text(heading)
        footer = page.get_by_role("navigation", name="Voettekst")


def test_a_missing_page_is_dutch_in_the_site_layout_and_the_favicon_exists(page, server_url):
    response = page.goto("/deze-pagina-bestaat-niet/")
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_text("Pagina niet gevonden")
    expect(page.locator("header.site-header")).to_contain_text("Netwerk Complexe Scheidingen")
    expect(page.get_by_role("navigation", name="Voettekst")).to_be_visible()
    shot(page, "reader-404-1280")
    with urllib.request.urlopen(f"{server_url}/favicon.ico", timeout=10) as icon:  # noqa: S310 - local server
        assert icon.status == 200
        assert icon.headers["Content-Type"].startswith("image/")


def test_on_a_phone_the_results_come_before_the_filters(phone):
    phone.goto("/zoeken/?q=loket")
    first_result = phone.locator(".search-results .card").first
    expect(first_result).to_be_visible()
    assert top_of(first_result) < 812, "the first result is below the first screen"
    assert top_of(first_result) < top_of(phone.locator("#filters"))
    expect(phone.get_by_role("link", name=re.compile("Naar de filters"))).to_be_visible()
    shot(phone, "reader-search-375")

    phone.goto("/praktijken/")
    first_card = phone.locator(".cards .card").first
    assert top_of(first_card) < top_of(phone.locator("#filters"))
    shot(phone, "reader-practices-375")


def test_with_the_keyboard_alone_a_filter_applies_at_once_and_keeps_the_focus(page):
    page.goto("/praktijken/")
    # From the top: skip link, then a handful of stops to the first practice, not a trip through the filters.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    to_filters = page.get_by_role("link", name=re.compile("Naar de filters"))
    first = page.locator(".cards .card__title a").first
    focused = []
    for _ in range(7):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
        if first.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail(f"the first practice is more than 7 Tab presses from the start of the content: {focused}")

    # Back to the link the results offer to the filters, open the region group, tick a region with Space.
    for _ in range(len(focused)):
        page.keyboard.press("Shift+Tab")
        if to_filters.evaluate("element => element === document.activeElement"):
            break
    expect(to_filters).to_be_focused()
    page.keyboard.press("Enter")
    region_group = page.locator("#filters details.filter-group", has=page.locator("summary", has_text="Regio"))
    summary = region_group.locator("summary")
    for _ in range(10):
        if summary.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")  # opens the group
    page.keyboard.press("Tab")
    box = page.locator(":focus")
    expect(box).to_have_attribute("type", "checkbox")
    box_id = box.get_attribute("id")
    with page.expect_navigation():
        page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"region="))
    again = page.locator(f"#{box_id}")
    expect(again).to_be_checked()
    expect(again).to_be_focused()  # the reader goes on where they were
    expect(page.locator(".filters__hint")).to_be_visible()
    shot(page, "reader-filtered-1280")


def test_the_tag_filter_shows_the_most_used_tags_with_counts_and_finds_the_rest(page):
    page.goto("/praktijken/")
    tags = page.locator("details.filter-group", has=page.locator("summary", has_text="Trefwoord"))
    tags.locator("summary").first.click()
    top = tags.locator(":scope > fieldset > ul > li")
    assert 1 <= top.count() <= 12
    counts = [int(re.search(r"\((\d+)\)", text).group(1)) for text in top.all_inner_texts()]
    assert counts == sorted(counts, reverse=True), "the most used tags come first"
    more = tags.locator("details.filter-more")
    more.locator("summary").click()
    finder = page.get_by_label("Zoek een trefwoord")
    finder.fill("advoca")
    visible = more.locator("li:visible")
    assert 0 < visible.count() < more.locator("li").count()
    for text in visible.all_inner_texts():
        assert "advoca" in text.lower()
    shot(page, "reader-tags-1280")


def test_an_empty_search_offers_no_filters_and_no_feed(page):
    page.goto("/zoeken/?q=qqqxqqq")
    expect(page.locator("#resultaten")).to_contain_text("0 resultaten")
    expect(page.get_by_role("heading", name="Verfijn")).to_have_count(0)
    expect(page.get_by_role("link", name="Volg via RSS")).to_have_count(0)


def test_contact_is_at_the_top_of_a_profile_and_on_a_practice(page, phone, site_pages):
    for current, width in ((page, 1280), (phone, 375)):
        current.goto(site_pages["initiative"])
        contact = current.locator("main").get_by_role("link", name=re.compile("^Neem contact op")).first
        expect(contact).to_be_visible()
        assert top_of(contact) < current.viewport_size["height"], f"contact is below the first screen at {width}px"
        shot(current, f"reader-initiative-{width}")

    page.goto(site_pages["practice"])
    expect(page.locator("main").get_by_role("link", name=re.compile("^Neem contact op"))).to_be_visible()
    expect(page.locator(".page-date time")).to_be_visible()
    facts = page.locator("dl.facts")
    expect(facts).not_to_contain_text("Onbekend")
    shot(page, "reader-practice-1280")

    page.goto("/netwerk/gemeente/?naam=Goes")
    expect(page.locator(".card").first.get_by_role("link", name=re.compile("^Neem contact op"))).to_be_visible()


def test_compare_does_not_count_unknown_and_keeps_the_characteristics_in_view_on_a_phone(page, phone):
    page.goto("/vergelijk/?initiatieven=joop,bram,scheidingspunt")
    rows = page.locator(".compare-table tbody tr")
    for index in range(rows.count()):
        row = rows.nth(index)
        cells = row.locator("td").all_inner_texts()
        known = {text.strip() for text in cells if text.strip() != "Onbekend"}
        if len(known) <= 1:
            assert "is-different" not in (row.get_attribute("class") or ""), row.locator("th").inner_text()
    headers = page.locator(".compare-table thead th").all()[1:]
    widths = [header.bounding_box()["width"] for header in headers]
    assert max(widths) - min(widths) < 2, f"initiative columns differ in width: {widths}"
    shot(page, "reader-compare-1280")

    phone.goto("/vergelijk/?initiatieven=joop,bram,scheidingspunt")
    expect(phone.locator(".compare-scroll-hint")).to_be_visible()
    label = phone.locator(".compare-table tbody th").first
    before = label.bounding_box()["x"]
    # Scrolled to the end: the last initiative comes into view and the characteristics stay where they were.
    phone.locator(".table-wrapper").evaluate("element => { element.scrollLeft = element.scrollWidth; }")
    assert abs(label.bounding_box()["x"] - before) < 1, "the characteristics scroll away with the values"
    last = phone.locator(".compare-table thead th").nth(3).bounding_box()
    assert 0 <= last["x"] and last["x"] + last["width"] <= phone.viewport_size["width"] + 1, last
    shot(phone, "reader-compare-375")


def test_dutch_content_is_marked_dutch_in_the_english_interface(page, site_pages):
    page.goto(site_pages["practice"])
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_attribute("lang", "nl")
    expect(page.locator("main .lead")).to_have_attribute("lang", "nl")
    page.goto("/praktijken/")
    expect(page.locator(".cards .card__title a").first).to_have_attribute("lang", "nl")
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("main h1")).not_to_have_attribute("lang", "nl")


def test_the_first_practices_a_reader_sees_come_from_the_regions(page, phone):
    for current, width in ((page, 1280), (phone, 375)):
        current.goto("/praktijken/")
        per_region = current.locator("section[aria-labelledby='per-regio'] .card")
        assert per_region.count() >= 5, "every region with practices has its newest one at the top"
        first = current.locator("main .cards .card").first
        assert first.evaluate("card => card.closest('section').getAttribute('aria-labelledby')") == "per-regio"
        if width == 1280:
            assert top_of(first) < current.viewport_size["height"], "no practice on the first screen"
        metas = per_region.locator(".card__meta").all_inner_texts()
        assert not any("Landelijk" in meta for meta in metas), metas
        assert len({meta.rsplit("·", 1)[-1].strip() for meta in metas}) == len(metas), "one per region"
        expect(current.locator("main")).not_to_contain_text("{#")
        shot(current, f"reader-practices-regions-{width}")

        current.goto("/")
        recent = current.locator("section[aria-labelledby='recente-praktijken'] .card__meta").first
        expect(recent).not_to_contain_text("Landelijk")


# --- Accounts in the real roles, in the browser server's own database ------------------------------------------

COORDINATOR = "coordinator@scheidingspunt.example"
# A coordinator of another initiative, for journeys that must not wait on Scheidingspunt's review.
COORDINATOR_BRAM = "coordinator@bram.example"
COORDINATOR_KEES = "coordinator@kees.example"
EDITOR = "redacteur@minvws.example"


@pytest.fixture(scope="module")
def password(server_database, server_url):
    """Coordinators of Scheidingspunt, BRAM and KEES and a ministry editor, in the real groups (never a superuser)."""
    password = secrets.token_urlsafe(12)
    accounts = {COORDINATOR: "scheidingspunt", COORDINATOR_BRAM: "bram", COORDINATOR_KEES: "kees", EDITOR: "editors"}
    add_role_accounts(server_database, password, accounts)
    return password


def page_id(server_url, query):
    with urllib.request.urlopen(f"{server_url}/api/v2/pages/?{query}", timeout=10) as response:  # noqa: S310
        return json.load(response)["items"][0]["id"]


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


# --- The coordinator: keeps their own initiative current and submits it for review -----------------------------


# The phone first: the desktop run submits, after which the page waits for review and is locked for its coordinator.
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_a_coordinator_signs_in_to_a_dutch_admin_and_submits_with_the_main_button(
    browser, server_url, password, viewport
):
    context = browser.new_context(base_url=server_url, viewport=viewport)
    page = context.new_page()
    width = viewport["width"]
    try:
        page.goto("/admin/login/")
        expect(page.locator("h1")).to_contain_text("Netwerk Complexe Scheidingen")
        expect(page.locator("main")).not_to_contain_text("Wagtail")
        expect(page.locator("main")).not_to_contain_text("Password")
        shot(page, f"coordinator-login-{width}")
        log_in(page, COORDINATOR, password)
        expect(page.locator('img[src*="gravatar"]')).to_have_count(0)
        expect(page.locator("body")).not_to_contain_text("Wat is er nieuw in Wagtail")
        shot(page, f"coordinator-dashboard-{width}")

        page.goto(f"/admin/pages/{page_id(server_url, 'type=network.InitiativePage&slug=scheidingspunt')}/edit/")
        themes = page.locator('input[type="checkbox"][name="themes"]')
        assert themes.count() >= 10
        expect(page.locator('input[type="checkbox"][name="municipalities"]').first).to_be_attached()
        expect(page.locator('[name="last_confirmed"]')).to_have_count(0)
        submit = page.locator('button[name="action-submit"]')
        expect(submit).to_be_visible()  # the main button, not an item of "Meer acties"
        expect(submit).to_have_text(re.compile("Ter beoordeling aanbieden"))
        expect(page.locator('button[name="action-publish"]')).to_have_count(0)
        shot(page, f"coordinator-edit-{width}")

        if width == DESKTOP["width"]:
            page.locator("#id_summary").fill("Scheidingspunt is het loket voor ouders in Zoetermeer die gaan scheiden.")
            submit.click()
            expect(page.locator(".messages")).to_contain_text("Scheidingspunt")
    finally:
        context.close()


def wait_until_watching_edits(page):
    for _ in range(50):
        if page.evaluate("window.watchingEdits === true"):
            return
        page.wait_for_timeout(100)
    pytest.fail("the edit form never started watching for edits (no autosave)")


def contact_rows(page):
    return int(page.locator("#id_contacts-TOTAL_FORMS").input_value())


def test_a_blank_contact_row_is_no_contact_and_never_blocks_a_saved_profile(browser, server_url, password):
    """A coordinator adds a contact row and leaves it empty: saving as a draft, autosave and submitting all go
    through, and the profile has no empty contact afterwards (before: "Opgeslagen", then "Dit is een verplicht
    veld" on submitting)."""
    context = browser.new_context(base_url=server_url, viewport=DESKTOP)
    # Wagtail watches the form for edits (and autosaves them) from two seconds after it loads.
    context.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; });"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, COORDINATOR_BRAM, password)
        edit_url = f"/admin/pages/{page_id(server_url, 'type=network.InitiativePage&slug=bram')}/edit/"
        page.goto(edit_url)
        before = contact_rows(page)

        # "Bewaar concept" with a blank row: saved, and the blank row is gone from the draft.
        page.locator("#id_contacts-ADD").click()
        assert contact_rows(page) == before + 1
        page.locator("footer .w-dropdown__toggle").first.click()
        page.get_by_role("button", name=re.compile("Bewaar concept")).click()
        expect(page.locator(".messages")).not_to_contain_text("validatiefouten")
        page.goto(edit_url)
        assert contact_rows(page) == before
        wait_until_watching_edits(page)

        # Autosave with a blank row ("Opgeslagen" in the header), then submitting: accepted, no required field.
        page.locator("#id_contacts-ADD").click()
        summary = page.locator("#id_summary")
        summary.fill("BRAM brengt in Twente zorg, recht en gemeenten samen rond scheidingen.")
        summary.press("Tab")  # autosave follows the change
        expect(page.locator("#w-autosave-indicator .w-autosave-indicator__state--saved")).to_be_visible(timeout=15_000)
        shot(page, "coordinator-blank-contact-1280")
        page.locator('button[name="action-submit"]').click()
        expect(page.locator(".messages")).to_contain_text("ter goedkeuring ingediend")
        expect(page.locator("body")).not_to_contain_text("Dit is een verplicht veld")
        page.goto(edit_url)
        assert contact_rows(page) == before
    finally:
        context.close()


# --- The ministry editor: reads exchange requests, tidies tags, watches unconfirmed profiles ----------------------


def test_an_editor_reads_a_request_as_it_was_written_and_tidies_tags(browser, server_url, password, page):
    # A reader sends a request with paragraphs; the editor reads it in the admin.
    page.goto("/contact/joop/")
    page.locator('input[name="kind"]').first.check()
    page.get_by_label("Uw naam").fill("Lies Verzoeker")
    page.get_by_label("Uw organisatie").fill("Gemeente Goes")
    page.get_by_label("Uw e-mailadres").fill("lies@example.org")
    page.get_by_label("Uw bericht").fill("Eerste alinea over het loket.\n\nTweede alinea,\nmet een nieuwe regel.")
    page.get_by_role("button", name="Verstuur").click()
    expect(page.locator("h1")).to_contain_text("Bedankt")
    expect(page.locator("main")).to_contain_text("redactie")  # JOOP has no contact address: it went to the editors

    editor = browser.new_context(base_url=server_url, viewport=DESKTOP)
    admin = editor.new_page()
    try:
        log_in(admin, EDITOR, password)
        admin.goto("/admin/exchange_requests/")
        row = admin.locator("tbody tr", has_text="Lies Verzoeker").first
        listed_time = re.search(r"\d{1,2}:\d{2}", row.inner_text()).group(0)
        row.get_by_role("link").first.click()
        if "/inspect/" not in admin.url:
            admin.get_by_role("link", name=re.compile("Inspecteren|Inspect")).first.click()
        body = admin.locator("main")
        expect(body).to_contain_text(listed_time)
        message = admin.locator("dd", has_text="Eerste alinea")
        assert message.inner_text().count("\n") >= 2, message.inner_text()
        shot(admin, "editor-request-1280")

        admin.goto("/admin/redactie/trefwoorden/")
        admin.get_by_label("Zoek een trefwoord").fill("advoca")
        admin.get_by_label("Zoek een trefwoord").press("Enter")
        expect(admin).to_have_url(re.compile(r"\?q=advoca"))
        expect(admin.locator("tbody td.title").first).to_be_visible()
        names = admin.locator("tbody td.title").all_inner_texts()
        assert names and all("advoca" in name.lower() for name in names)
        shot(admin, "editor-tags-1280")

        admin.goto("/admin/redactie/niet-bevestigd/")
        expect(admin.locator("main")).to_contain_text("langer dan zes maanden")
        expect(admin.locator("main table thead").first).to_contain_text("Coördinatoren (e-mail)")
        expect(admin.locator("main table tbody").first).to_contain_text(COORDINATOR)
        expect(admin.locator(f'main a[href^="mailto:{COORDINATOR}?subject="]')).to_be_visible()
        shot(admin, "editor-stale-1280")

        admin.goto(f"/admin/pages/{page_id(server_url, 'type=home.HomePage')}/edit/")
        expect(admin.locator("main")).to_contain_text("Kies elke praktijk één keer")
    finally:
        editor.close()


def test_an_editor_reviews_from_the_dashboard_sees_what_changed_and_is_told_it_is_published(
    browser, server_url, password
):
    kees = page_id(server_url, "type=network.InitiativePage&slug=kees")
    new_summary = "KEES verbindt in Noord-Nederland zorg en recht rond kinderen in een scheiding."
    coordinator = browser.new_context(base_url=server_url, viewport=DESKTOP)
    page = coordinator.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, COORDINATOR_KEES, password)
        page.goto(f"/admin/pages/{kees}/edit/")
        page.locator("#id_summary").fill(new_summary)
        page.locator('button[name="action-submit"]').click()
        expect(page.locator(".messages")).to_contain_text("ter goedkeuring ingediend")
    finally:
        coordinator.close()

    for viewport in (PHONE, DESKTOP):
        editor = browser.new_context(base_url=server_url, viewport=viewport)
        admin = editor.new_page()
        admin.set_default_timeout(10_000)
        width = viewport["width"]
        try:
            log_in(admin, EDITOR, password)
            review = admin.locator("#awaiting-review-content tr", has_text="KEES")
            # The actions are buttons in view, not items of a "…" menu; what changed is one click away.
            approve = review.get_by_role("button", name="Goedkeuren en publiceren")
            expect(approve).to_be_visible()
            expect(review.get_by_role("button", name="Wijzigingen vragen")).to_be_visible()
            expect(review.get_by_role("link", name="Bekijk de wijzigingen")).to_be_visible()
            shot(admin, f"editor-review-{width}")
            if width == PHONE["width"]:
                continue

            review.get_by_role("link", name="Bekijk de wijzigingen").click()
            changed = admin.locator("main tr", has_text="Samenvatting")
            expect(changed.locator(".addition").first).to_be_visible()  # the coordinator's words, marked as added
            assert "verbindt" in " ".join(changed.locator(".addition").all_inner_texts())
            shot(admin, "editor-compare-1280")

            # The review screen says the same, with the same link.
            admin.goto(f"/admin/pages/{kees}/edit/")
            expect(admin.locator(".messages")).to_contain_text("wacht op uw beoordeling")
            expect(admin.locator(".messages").get_by_role("link", name="Bekijk de wijzigingen")).to_be_visible()

            admin.goto("/admin/")
            admin.locator("#awaiting-review-content tr", has_text="KEES").get_by_role(
                "button", name="Goedkeuren en publiceren"
            ).click()
            expect(admin.locator(".messages")).to_contain_text("‘KEES’ is goedgekeurd en gepubliceerd")
            expect(admin.locator("#awaiting-review-content tr", has_text="KEES")).to_have_count(0)
            shot(admin, "editor-approved-1280")
            on_the_site = admin.locator(".messages").get_by_role("link", name="Bekijk op de website")
            admin.goto(on_the_site.get_attribute("href"))
            expect(admin.locator("main")).to_contain_text(new_summary)  # readers see what was approved
        finally:
            editor.close()
