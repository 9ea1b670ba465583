"""What a reader does in a real browser: search, filter, open a practice, use the keyboard, switch language."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_reader_searches_and_opens_a_practice(page):
    page.goto("/zoeken/")
    page.get_by_label("Zoekvraag").fill("echtscheidingsloket")
    page.get_by_label("Zoekvraag").press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=echtscheidingsloket"))
    expect(page.locator("#resultaten")).to_contain_text("resultaten voor ‘echtscheidingsloket’")
    first = page.locator(".search-results .card__title a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)


def test_a_reader_filters_practices_by_theme_and_opens_one(page):
    page.goto("/praktijken/")
    theme = page.locator("#f-theme-echtscheidingsloket")
    if not theme.is_visible():
        page.locator("details.filter-group", has=theme).locator("summary").click()
    theme.check()
    page.get_by_role("button", name="Toon praktijken").click()
    expect(page).to_have_url(re.compile(r"theme=echtscheidingsloket"))
    expect(page.locator("#f-theme-echtscheidingsloket")).to_be_checked()
    cards = page.locator(".cards .card__title a")
    expect(cards.first).to_be_visible()
    title = cards.first.inner_text()
    cards.first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("main")).to_contain_text("Echtscheidingsloket")


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_main(page):
    page.goto("/praktijken/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_the_browser_language_does_not_switch_but_the_switch_does(browser, server_url):
    context = browser.new_context(base_url=server_url, locale="en-GB")  # sends Accept-Language: en-GB
    page = context.new_page()
    page.goto("/netwerk/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator(".skip-link")).to_have_text("Direct naar de inhoud")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(f"{server_url}/netwerk/")
    expect(page.locator(".skip-link")).to_have_text("Skip to content")
    page.goto("/praktijken/")
    expect(page.get_by_role("button", name="Show practices")).to_be_visible()
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    context.close()


def test_the_search_page_offers_its_feed_and_the_feed_answers(page):
    page.goto("/zoeken/?q=loket&region=zeeland")
    rss = page.locator('head link[rel="alternate"][type="application/rss+xml"][href*="q=loket"]')
    expect(rss).to_have_attribute("href", "/feeds/rss/?q=loket&region=zeeland")
    response = page.goto(page.get_by_role("link", name="Volg via RSS").get_attribute("href"))
    assert response.status == 200
    assert "application/rss+xml" in response.headers["content-type"]


def test_a_reader_compares_three_initiatives(page):
    response = page.goto("/vergelijk/?initiatieven=joop,bram,scheidingspunt")
    assert response.status == 200
    table = page.locator("table").first
    for name in ("JOOP", "BRAM", "Scheidingspunt"):
        expect(table).to_contain_text(name)


def test_a_reader_looks_up_a_municipality(page):
    # Zoetermeer: one of the three municipalities the study names (§3.2), so load_network creates it.
    response = page.goto("/netwerk/gemeente/?naam=Zoetermeer")
    assert response.status == 200
    expect(page.locator("main")).to_contain_text("Haaglanden")
    expect(page.locator("main")).to_contain_text("Scheidingspunt")


def test_a_reader_sends_a_contact_request(page):
    response = page.goto("/contact/joop/")
    assert response.status == 200
    page.locator('input[name="kind"]').first.check()
    page.get_by_label("Uw naam").fill("Test Lezer")
    page.get_by_label("Uw organisatie").fill("Gemeente Goes")
    page.get_by_label("Uw e-mailadres").fill("lezer@example.org")
    page.get_by_label("Uw bericht").fill("Wij willen graag leren hoe JOOP het aanspreekpunt heeft ingericht.")
    page.get_by_role("button", name="Verstuur").click()
    expect(page.locator("h1")).to_contain_text("Bedankt")
