"""What readers saw in the browser: marks inside words and on small words, escaped entities, and suggestions for
words that were no typos. Both backends."""

import re

import pytest

from search.snippets import make_snippet, whole_word_marks

from .test_search import ask

MARKED = re.compile(r"<mark>(.*?)</mark>")


def marked_words(snippet):
    return MARKED.findall(snippet)


def test_the_database_marks_whole_words_and_their_forms_only():
    text = "Buiten de zorgaanbieders om regelen de middelen van de gemeente het loket en de loketten."
    snippet = make_snippet([text], ["uit", "gaan", "delen", "loket", "de"])
    assert marked_words(snippet) == ["loket", "loketten"]


def test_an_elasticsearch_highlight_keeps_only_whole_words():
    highlight = (
        "b<mark>uit</mark>en de Zor<mark>gaan</mark>bieders, <mark>de</mark> "
        "<mark>loket</mark>ten en het <mark>loket</mark>"
    )
    assert whole_word_marks(highlight) == "buiten de Zorgaanbieders, de loketten en het <mark>loket</mark>"


def test_snippets_are_escaped_exactly_once(service):
    for hit in ask(service, "dappere dino's").hits[:5]:
        assert "&amp;#" not in hit.snippet and "&amp;amp;" not in hit.snippet, hit.snippet
        for word in marked_words(hit.snippet):
            assert re.fullmatch(r"[\w'’&#;]+", word), hit.snippet


def test_marks_are_words_of_the_question_never_parts(service):
    for hit in ask(service, "echtscheidingsloket gemeente").hits:
        for word in marked_words(hit.snippet):
            assert len(word) > 3, hit.snippet


@pytest.mark.parametrize("text", ["front office", "dappere dino"])
def test_no_suggestion_for_words_that_pages_contain(service, text):
    results = ask(service, text)
    assert results.count
    assert results.suggestions == []


def test_a_suggestion_for_a_word_no_page_contains(service):
    results = ask(service, "casusoverlg")
    assert results.suggestions == ["casusoverleg"]


@pytest.mark.django_db
def test_the_overview_says_which_word_it_searched_for(client):
    html = client.get("/praktijken/", {"q": "casusoverlg"}).content.decode()
    assert "Bedoelde u" in html and "casusoverleg" in html
