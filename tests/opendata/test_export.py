"""The CSV export of the practices overview, with its filters, opens in Excel and cannot run formulas."""

import csv
import io

import pytest

from tests.factories import add_practice

COLUMNS = ["titel", "url", "initiatief", "regio", "thema's", "factoren", "trefwoorden", "samenvatting"]


def body(response):
    """The whole file, as a reader downloading it gets it (the export streams)."""
    return b"".join(response.streaming_content).decode("utf-8")


def rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = body(response)
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


@pytest.mark.django_db
def test_the_export_has_every_practice_of_the_overview(client, network):
    table = rows(client.get("/praktijken/export.csv"))
    assert table[0] == COLUMNS
    assert len(table) - 1 == network.practices().count() > 60
    titles = {row[0] for row in table[1:]}
    assert "Eén persoon als aanspreekpunt in plaats van een fysiek echtscheidingsloket" in titles


@pytest.mark.django_db
def test_the_export_keeps_the_filters_and_names_place_themes_and_tags(client, network):
    add_practice(
        network.initiative("joop"),
        title="Zeeuwse ouderavond",
        summary="Ouders komen samen — met ‘aanhalingstekens’; en puntkomma's.",
        themes=["echtscheidingsloket"],
        tags=["ouderavond"],
    )
    table = rows(client.get("/praktijken/export.csv", {"region": "zeeland", "theme": "echtscheidingsloket"}))
    by_title = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in table[1:]}
    assert "Zeeuwse ouderavond" in by_title
    row = by_title["Zeeuwse ouderavond"]
    assert row["url"].startswith("http://testserver/netwerk/zeeland/joop/")
    assert row["initiatief"] == "JOOP" and row["regio"] == "Zeeland"
    assert "Echtscheidingsloket en aanspreekpunt" in row["thema's"]
    assert row["trefwoorden"] == "ouderavond"
    assert row["samenvatting"] == "Ouders komen samen — met ‘aanhalingstekens’; en puntkomma's."
    assert all(row["regio"] == "Zeeland" for row in by_title.values())


@pytest.mark.django_db
def test_a_cell_that_would_be_a_formula_is_quoted_as_text(client, network):
    add_practice(network.initiative("joop"), title='=HYPERLINK("http://evil.example")', summary="+31 6 1234")
    add_practice(network.initiative("joop"), title="@SUM(A1)", summary="-1")
    table = rows(client.get("/praktijken/export.csv", {"initiative": "joop"}))
    cells = [cell for row in table[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil.example")' in cells and "'@SUM(A1)" in cells
    assert "'+31 6 1234" in cells and "'-1" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


@pytest.mark.django_db
def test_drafts_are_not_exported(client, network):
    add_practice(network.initiative("joop"), title="Concept dat niemand mag zien", publish=False)
    assert "Concept dat niemand" not in body(client.get("/praktijken/export.csv"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, message",
    [({"theme": "onbekend"}, "Onbekende waarde voor theme"), ({"sort": "x"}, "Onbekende parameter: sort")],
)
def test_bad_filters_are_a_400_in_dutch(client, params, message):
    response = client.get("/praktijken/export.csv", params)
    assert response.status_code == 400
    assert message in response.content.decode()
