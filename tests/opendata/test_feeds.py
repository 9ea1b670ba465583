"""RSS and Atom feeds: site-wide, per region, initiative and theme, for any search; drafts never appear."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import add_practice, add_update

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own server's output
    return channel, channel.findall("item")


def atom_entries(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own server's output
    return feed, feed.findall(f"{ATOM}entry")


@pytest.mark.django_db
def test_the_site_wide_feed_lists_new_practices_and_news_newest_first(client, network):
    update = add_update(network.initiative("joop"), title="Zeeuws nieuws van vandaag")
    channel, items = rss_items(client.get("/feeds/rss/"))
    assert channel.findtext("language") == "nl"
    assert items[0].findtext("title") == "Zeeuws nieuws van vandaag"
    assert items[0].findtext("link") == "http://testserver" + update.url
    assert items[0].findtext("pubDate")
    assert len(items) == 50
    links = [item.findtext("link") for item in items]
    assert all(link.startswith("http://testserver/netwerk/") for link in links)
    # Practices and news only: no profile or region pages in "what is new".
    assert "http://testserver/netwerk/zeeland/" not in links
    assert "http://testserver/netwerk/zeeland/joop/" not in links


@pytest.mark.django_db
def test_a_region_and_theme_feed_is_everything_about_that_theme_in_that_region(client, network):
    add_practice(network.initiative("joop"), title="Zeeuws loket op afspraak", themes=["echtscheidingsloket"])
    add_practice(network.initiative("bram"), title="Twents loket", themes=["echtscheidingsloket"])
    add_practice(network.initiative("joop"), title="Zeeuwse training", themes=["groepstraining-kinderen"])
    feed, entries = atom_entries(client.get("/feeds/atom/?region=zeeland&theme=echtscheidingsloket"))
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert "Zeeuws loket op afspraak" in titles
    assert "Twents loket" not in titles and "Zeeuwse training" not in titles
    assert all("/netwerk/zeeland/" in entry.find(f"{ATOM}link").get("href") for entry in entries)
    assert "Zeeland" in feed.findtext(f"{ATOM}title") and "Echtscheidingsloket" in feed.findtext(f"{ATOM}title")
    self_link = next(link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link.get("href") == "http://testserver/feeds/atom/?region=zeeland&theme=echtscheidingsloket"


@pytest.mark.django_db
def test_an_initiative_feed_lists_only_that_initiative(client, network):
    add_practice(network.initiative("bram"), title="Twentse werkwijze")
    _channel, items = rss_items(client.get("/feeds/rss/", {"initiative": "bram"}))
    assert "Twentse werkwijze" in [item.findtext("title") for item in items]
    assert all("/netwerk/twente/bram/" in item.findtext("link") for item in items)


@pytest.mark.django_db
def test_a_search_feed_follows_the_query_with_plain_text_descriptions(client):
    channel, items = rss_items(client.get("/feeds/rss/", {"q": "echtscheidingsloket"}))
    assert items
    assert "echtscheidingsloket" in channel.findtext("title")
    for item in items:
        description = item.findtext("description")
        assert description and "<" not in description and "&lt;" not in description


@pytest.mark.django_db
def test_a_summary_that_looks_like_html_reaches_the_feed_reader_as_text(client, network):
    hostile = '<img src=x onerror="alert(1)"> Tom & Jerry'
    add_practice(network.initiative("joop"), title="Praktijk met een vreemde samenvatting", summary=hostile)
    _channel, items = rss_items(client.get("/feeds/rss/"))
    _feed, entries = atom_entries(client.get("/feeds/atom/"))
    descriptions = [item.findtext("description") for item in items if "vreemde" in item.findtext("title")]
    summaries = [entry.findtext(f"{ATOM}summary") for entry in entries if "vreemde" in entry.findtext(f"{ATOM}title")]
    # What the reader's HTML renderer gets: the characters, escaped, never an element.
    assert descriptions == summaries == ["&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Tom &amp; Jerry"]


@pytest.mark.django_db
def test_a_draft_never_appears_in_a_feed(client, network):
    add_practice(network.initiative("joop"), title="Nog geheim Zeeuws plan", publish=False)
    for url in ("/feeds/rss/", "/feeds/atom/", "/feeds/rss/?initiative=joop", "/feeds/atom/?q=geheim"):
        response = client.get(url)
        assert response.status_code == 200
        assert b"Nog geheim" not in response.content, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, message",
    [
        ("region=atlantis", "Onbekende waarde voor region"),
        ("theme=bestaat-niet", "Onbekende waarde voor theme"),
        ("type=recept", "Onbekende waarde voor type"),
        ("pagina=2", "Onbekende parameter: pagina"),
        ("q=" + "x" * 1001, "De zoekvraag is te lang"),
    ],
)
def test_bad_parameters_are_a_400_in_plain_dutch(client, query, message):
    for kind in ("rss", "atom"):
        response = client.get(f"/feeds/{kind}/?{query}")
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert message in response.content.decode()


@pytest.mark.django_db
def test_every_page_links_the_site_feed_and_region_initiative_pages_their_own(client, network):
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in home and 'href="/feeds/rss/"' in home
    assert 'type="application/atom+xml"' in home and 'href="/feeds/atom/"' in home
    assert 'href="/feeds/rss/?region=zeeland"' in client.get(network.region("zeeland").url).content.decode()
    assert 'href="/feeds/atom/?initiative=joop"' in client.get(network.initiative("joop").url).content.decode()


@pytest.mark.django_db
def test_the_search_page_and_practices_overview_offer_the_feed_of_what_is_on_screen(client):
    search = client.get("/zoeken/", {"q": "loket", "region": "zeeland", "pagina": "1"}).content.decode()
    assert 'href="/feeds/rss/?q=loket&amp;region=zeeland"' in search
    assert "Volg via RSS" in search and "Volg via Atom" in search
    overview = client.get("/praktijken/", {"theme": "echtscheidingsloket"}).content.decode()
    assert 'href="/feeds/atom/?theme=echtscheidingsloket&amp;type=practice"' in overview
    assert "Volg via RSS" in overview
    assert 'href="/praktijken/export.csv?theme=echtscheidingsloket"' in overview
    # The links lead to working feeds.
    assert client.get("/feeds/rss/?q=loket&region=zeeland").status_code == 200
    assert client.get("/feeds/atom/?theme=echtscheidingsloket&type=practice").status_code == 200
