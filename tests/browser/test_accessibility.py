"""Every public page type in a real browser: no axe violations of WCAG 2.1 A/AA, no CSP violation, screenshots."""

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Pages that are views rather than pages of the tree, at fixed addresses.
FIXED_PAGES = {
    "compare": "/vergelijk/?initiatieven=joop,bram,scheidingspunt",
    "lookup": "/netwerk/gemeente/?naam=Zoetermeer",
    "contact": "/contact/joop/",
    "privacy": "/privacy/",
    "accessibility": "/toegankelijkheid/",
    "about-source": "/over-de-bron/",
    "about": "/over-dit-platform/",
    "colofon": "/colofon/",
    "site-contact": "/contact/",
    "new-link": "/uitwisseling/nieuwe-link/",
}
PAGE_TYPES = [
    "home",
    "network",
    "region",
    "initiative",
    "practice",
    "update",
    "practices",
    "search",
    *FIXED_PAGES,
]


def path_of(kind, site_pages):
    if kind == "search":
        return "/zoeken/?q=echtscheidingsloket"
    return site_pages.get(kind) or FIXED_PAGES[kind]


def open_page(page, path):
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    return response


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_wcag_violations(browser, server_url, site_pages, axe_script, kind):
    # axe is injected as an inline script, which the site's strict policy (script-src 'self') rightly blocks:
    # only this audit context bypasses the CSP. The CSP itself is tested below, in a normal context.
    context = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        path = path_of(kind, site_pages)
        open_page(page, path)
        page.add_script_tag(path=str(axe_script))
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG_TAGS,
        )
        assert results["violations"] == [], f"{path}:\n{describe(results['violations'])}"
    finally:
        context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_csp_violation_and_a_screenshot_at_both_widths(browser, server_url, site_pages, kind):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = path_of(kind, site_pages)
    for width, height in ((1280, 900), (375, 812)):
        context = browser.new_context(base_url=server_url, viewport={"width": width, "height": height})
        try:
            page = context.new_page()
            messages = []
            page.on("console", lambda message, messages=messages: messages.append(message.text))
            page.on("pageerror", lambda error, messages=messages: messages.append(str(error)))
            open_page(page, path)
            page.wait_for_load_state("networkidle")
            expect(page.locator("main#inhoud")).to_be_visible()
            violations = [text for text in messages if "Content Security Policy" in text or "Refused to" in text]
            assert violations == [], f"{path} at {width}px: {violations}"
            # Nothing may force a sideways scroll of the whole page on a phone.
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} at {width}px scrolls sideways by {overflow}px"
            page.screenshot(path=SCREENSHOTS / f"{kind}-{width}.png", full_page=True)
        finally:
            context.close()
