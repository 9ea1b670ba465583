"""The editorial step of ``load_network``: the roles and the example theme dossier, idempotently."""

from django.db import transaction
from wagtail.models import Page

from practices.models import PracticePage

from .models import DossierPractice, ThemeDossierPage
from .roles import setup_roles

DOSSIER_SLUG = "echtscheidingsloket-wel-of-niet"
DOSSIER_THEME = "echtscheidingsloket"
DOSSIER_TITLE = "Het echtscheidingsloket: wel of niet?"
# In our own words, and only what the chosen practices themselves say.
DOSSIER_INTRO = (
    "<p>Moeten ouders die uit elkaar gaan bij één vast loket terechtkunnen? De regio's in het netwerk beantwoorden "
    "die vraag verschillend. In Dalfsen is er een echtscheidingsloket dat deelnemers een laagdrempelige ingang "
    "noemen. Bij JOOP in Zeeland is één persoon het aanspreekpunt in plaats van een fysiek loket. In Brabant is "
    "bewust gekozen voor een gezamenlijke website, omdat ouders eerst online zoeken.</p>"
    "<p>De praktijken in dit dossier laten zien wat professionals ervan vinden. Eén herkenbare plek maakt hulp "
    "toegankelijker en kan escalatie helpen voorkomen; tegelijk stappen niet alle ouders graag naar de gemeente, en "
    "één loket of één persoon overziet niet het hele veld. Wie een loket inricht, leest hier ook hoe de front "
    "office kan worden ingewerkt en waarom het de moeite loont om na te gaan of ouders echt geholpen zijn.</p>"
)
DOSSIER_NOTES = {
    "echtscheidingsloket-voor-en-nadelen": "Het overzicht: welke vormen er zijn en welke voor- en nadelen "
    "deelnemers noemen.",
    "laagdrempelig-echtscheidingsloket-dalfsen": "Een gemeentelijk loket als laagdrempelige ingang, en de les "
    "dat ouders het ook moeten weten te vinden.",
    "joop-persoon-als-aanspreekpunt": "Geen gebouw maar een verbinder: één persoon als aanspreekpunt.",
    "gezamenlijke-website-in-plaats-van-loket-brabant": "Bewust geen fysiek loket: een gezamenlijke website en "
    "de wijkteams als ingang.",
    "advocaat-informeert-front-office-loket": "Hoe juridische partners de medewerkers aan de balie inwerken.",
    "loketvragen-monitoren": "Nagaan of het advies van het loket ouders verder heeft geholpen.",
}


def load_editorial(stdout):
    """Set up the roles and the example dossier; what already exists is left as it is."""
    with transaction.atomic():
        summary = setup_roles()
        dossier = create_example_dossier()
    stdout.write(
        f"Redactie: {summary.changed} rechten en groepen toegevoegd; "
        f"dossier '{DOSSIER_TITLE}' {'aangemaakt' if dossier else 'al aanwezig of geen praktijken'}."
    )


def create_example_dossier():
    """Create "Het echtscheidingsloket: wel of niet?" from the practices with that theme, once."""
    home = Page.objects.filter(depth=2).first()
    if home is None or home.get_children().filter(slug=DOSSIER_SLUG).exists():
        return None
    practices = list(
        PracticePage.objects.live().public().filter(themes__slug=DOSSIER_THEME).distinct().order_by("path")
    )
    # The overview of pros and cons first, then the regions' own choices.
    practices.sort(key=lambda practice: practice.slug != "echtscheidingsloket-voor-en-nadelen")
    if len(practices) < 2:
        return None
    dossier = ThemeDossierPage(title=DOSSIER_TITLE, slug=DOSSIER_SLUG, intro=DOSSIER_INTRO)
    dossier.dossier_practices = [
        DossierPractice(practice=practice, note=DOSSIER_NOTES.get(practice.slug, "")) for practice in practices
    ]
    home.add_child(instance=dossier)
    dossier.save_revision().publish()
    return dossier
