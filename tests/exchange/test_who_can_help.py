"""“Wie kan u helpen?” against a fixture whose right answer is known: a limiting factor and a theme that nothing
in the loaded network carries, and initiatives in other regions that do (or almost do) answer them."""

import pytest

from exchange.who_can_help import url_prefix_of, who_can_help
from network.models import InitiativeFactor, InitiativePage
from practices.models import Factor, Theme
from tests.factories import add_initiative, add_practice


@pytest.fixture
def known(network):
    Factor.objects.create(slug="test-geen-overleg", label="Geen vast overleg", kind=Factor.Kind.LIMITING)
    Theme.objects.create(slug="test-ouderavond", label="Ouderavonden")
    asker = add_initiative(network.region("zeeland"), title="Vrager Zeeland")
    InitiativeFactor.objects.create(page=asker, factor=Factor.objects.get(slug="test-geen-overleg"), note="x")
    asker.themes.add(Theme.objects.get(slug="test-ouderavond"))
    asker.save_revision().publish()

    both = add_initiative(network.region("twente"), title="Helper Twente")
    add_practice(both, title="Een vast tweewekelijks overleg", factors=["test-geen-overleg"])
    add_practice(both, title="Ouderavond met de rechter", themes=["test-ouderavond"], kind="les")
    one = add_initiative(network.region("haaglanden"), title="Helper Haaglanden")
    add_practice(one, title="Ouderavond in de bibliotheek", themes=["test-ouderavond"])
    # Not helpers: the same region, a draft, a finding of a whole region without an initiative.
    neighbour = add_initiative(network.region("zeeland"), title="Buur in Zeeland")
    add_practice(neighbour, title="Overleg bij de buren", factors=["test-geen-overleg"])
    drafting = add_initiative(network.region("ijsselland"), title="Nog niet gepubliceerd")
    add_practice(drafting, title="Concept over overleg", factors=["test-geen-overleg"], publish=False)
    add_practice(network.region("midden-brabant"), title="Regionaal overleg", factors=["test-geen-overleg"])
    return asker


@pytest.mark.django_db
def test_the_helpers_are_ranked_by_overlap_and_explained_in_two_queries(known, django_assert_num_queries):
    with django_assert_num_queries(2):
        helpers = who_can_help([known], url_prefix_of(known))
    assert [helper.title for helper in helpers] == ["Helper Twente", "Helper Haaglanden"]
    first = helpers[0]
    assert first.region == "Twente"
    assert first.url == InitiativePage.objects.get(title="Helper Twente").url
    assert list(first.explanations()) == [
        "Vrager Zeeland noemt geen vast overleg; Helper Twente beschrijft daarover ‘Een vast tweewekelijks overleg’.",
        "Vrager Zeeland noemt ouderavonden; Helper Twente beschrijft daarover ‘Ouderavond met de rechter’.",
    ]
    assert list(helpers[1].explanations()) == [
        "Vrager Zeeland noemt ouderavonden; Helper Haaglanden beschrijft daarover ‘Ouderavond in de bibliotheek’."
    ]


@pytest.mark.django_db
def test_the_profile_shows_who_can_help_with_a_button_to_ask_for_an_exchange(known, client):
    html = client.get(known.url).content.decode()
    section = html[html.index('id="wie-kan-helpen"') :]
    assert section.index("Helper Twente") < section.index("Helper Haaglanden")
    assert "Buur in Zeeland" not in section and "Concept over overleg" not in section
    twente = [helper for helper in who_can_help([known], url_prefix_of(known)) if helper.title == "Helper Twente"][0]
    assert f"/contact/{twente.slug}/?namens={known.slug}&amp;thema=test-ouderavond" in section
    # The button fills in the form: the asking initiative and the theme are chosen.
    form = client.get(f"/contact/{twente.slug}/?namens={known.slug}&thema=test-ouderavond").content.decode()
    assert f'<option value="{known.pk}" selected>' in form


@pytest.mark.django_db
def test_the_municipality_answer_shows_who_can_help_its_region(known, client, added_municipalities):
    known.municipalities.add(*[m for m in added_municipalities if m.name == "Goes"])
    known.save_revision().publish()
    html = client.get("/netwerk/gemeente/?naam=Goes").content.decode()
    assert "Wie kan u helpen?" in html and "Helper Twente" in html


@pytest.mark.django_db
def test_an_initiative_that_names_nothing_gets_no_list(network, client):
    quiet = add_initiative(network.region("zeeland"), title="Stil initiatief")
    assert who_can_help([quiet], url_prefix_of(quiet)) == []
    assert 'id="wie-kan-helpen"' not in client.get(quiet.url).content.decode()


@pytest.mark.django_db
def test_a_kept_profile_offers_a_helper_as_soon_as_its_practice_is_published(known, client, settings, network):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    assert "Helper IJsselland" not in client.get(known.url + "?x=1").content.decode()  # the list is now kept
    later = add_initiative(network.region("ijsselland"), title="Helper IJsselland")
    add_practice(later, title="Overleg op vaste dagen", factors=["test-geen-overleg"])
    assert "Helper IJsselland" in client.get(known.url + "?x=1").content.decode()
    cache.clear()


@pytest.mark.django_db
def test_a_facilitating_factor_helps_only_once_an_editor_linked_it_to_the_limiting_one(
    known, network, django_assert_num_queries
):
    answer = Factor.objects.create(slug="test-vaste-structuur", label="Vaste overlegstructuur", kind="faciliterend")
    reporter = InitiativePage.objects.get(title="Helper Haaglanden")
    InitiativeFactor.objects.create(page=reporter, factor=answer, note="Elke twee weken, met agenda")
    reporter.save_revision().publish()
    neighbour = InitiativePage.objects.get(title="Buur in Zeeland")  # the asker's own region: not a helper
    InitiativeFactor.objects.create(page=neighbour, factor=answer, note="x")
    neighbour.save_revision().publish()

    def sentences():
        return {helper.title: list(helper.explanations()) for helper in who_can_help([known], url_prefix_of(known))}

    assert not any("hielp" in sentence for lines in sentences().values() for sentence in lines)

    Factor.objects.get(slug="test-geen-overleg").answered_by.add(answer)
    with django_assert_num_queries(2):
        helpers = who_can_help([known], url_prefix_of(known))
    assert [helper.title for helper in helpers] == ["Helper Haaglanden", "Helper Twente"], "two needs met now"
    assert list(helpers[0].explanations()) == [
        "Vrager Zeeland noemt geen vast overleg; bij Helper Haaglanden hielp ‘vaste overlegstructuur’.",
        "Vrager Zeeland noemt ouderavonden; Helper Haaglanden beschrijft daarover ‘Ouderavond in de bibliotheek’.",
    ]
    assert "Buur in Zeeland" not in sentences()
