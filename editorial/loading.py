"""The editorial step of ``load_network``: the roles and the example theme dossier, idempotently."""

from django.db import transaction
from wagtail.models import Page

from network.models import LoadRecord
from practices.models import PracticePage

from .models import DossierPractice, ThemeDossierPage
from .roles import setup_roles

DOSSIER_SLUG = "echtscheidingsloket-wel-of-niet"
DOSSIER_KIND = "themedossierpage"
DOSSIER_THEME = "echtscheidingsloket"
DOSSIER_TITLE = "Het echtscheidingsloket: wel of niet?"
# In our own words, and only what the chosen practices themselves say.
# The sections are named in the text itself: the dossier page has no sources list of its own.
DOSSIER_INTRO = (
    "<p>Moeten ouders die uit elkaar gaan bij één vast loket terechtkunnen? De regio's in het netwerk beantwoorden "
    "die vraag verschillend (studie uit 2018, §4.1.2.3). In Dalfsen is er een echtscheidingsloket dat deelnemers "
    "een laagdrempelige ingang noemen, al komen cliënten volgens hen nog vooral via andere loketjes binnen "
    "(§4.6.1). Bij JOOP in Zeeland is één persoon het aanspreekpunt in plaats van een fysiek loket. In Brabant is "
    "er geen fysiek loket; een deelnemer licht de keuze voor een gezamenlijke website toe met het argument dat "
    "ouders eerst online zoeken (§4.1.2.3).</p>"
    "<p>De praktijken in dit dossier laten zien wat professionals ervan vinden. Eén herkenbare plek maakt hulp "
    "toegankelijker en kan escalatie helpen voorkomen; tegelijk stappen niet alle ouders graag naar de gemeente, en "
    "één loket of één persoon overziet niet het hele veld. Wie een loket inricht, leest hier ook hoe de front "
    "office kan worden ingewerkt en waarom het de moeite loont om na te gaan of ouders echt geholpen zijn.</p>"
)
DOSSIER_NOTES = {
    "echtscheidingsloket-voor-en-nadelen": "Het overzicht: welke vormen er zijn en welke voor- en nadelen "
    "deelnemers noemen.",
    # The study does not say who runs Dalfsen's desk (§4.1.2.3: three by a municipality, one by a care
    # organisation, none named), so neither does the note.
    "laagdrempelig-echtscheidingsloket-dalfsen": "Het loket in Dalfsen, dat deelnemers een laagdrempelige ingang "
    "noemen, en de les dat ouders het ook moeten weten te vinden.",
    "joop-persoon-als-aanspreekpunt": "Geen gebouw maar een verbinder: één persoon als aanspreekpunt.",
    "gezamenlijke-website-in-plaats-van-loket-brabant": "Bewust geen fysiek loket: een gezamenlijke website en "
    "de wijkteams als ingang.",
    "advocaat-informeert-front-office-loket": "Hoe juridische partners de medewerkers aan de balie inwerken.",
    "loketvragen-monitoren": "Nagaan of het advies van het loket ouders verder heeft geholpen.",
}


def load_editorial(stdout, force=False):
    """Set up the roles and the example dossier; what already exists is left as it is.

    The dossier is created once: its load record keeps a dossier an editor deleted or renamed from coming back,
    unless ``force``.
    """
    with transaction.atomic():
        summary = setup_roles()
        dossier = create_example_dossier(force=force)
    stdout.write(
        f"Redactie: {summary.changed} rechten en groepen toegevoegd; "
        f"dossier '{DOSSIER_TITLE}' {'aangemaakt' if dossier else 'al aanwezig of geen praktijken'}."
    )


def create_example_dossier(force=False):
    """Create "Het echtscheidingsloket: wel of niet?" from the practices with that theme, once."""
    home = Page.objects.filter(depth=2).first()
    if home is None:
        return None
    record = LoadRecord.objects.filter(kind=DOSSIER_KIND, key=DOSSIER_SLUG).first()
    if record is not None:
        if Page.objects.filter(pk=record.object_id).exists() or not force:
            return None  # still there (wherever an editor put it), or deleted by an editor: leave it
    else:
        existing = home.get_children().filter(slug=DOSSIER_SLUG).first()
        if existing is not None:  # loaded before records were kept
            LoadRecord.objects.create(kind=DOSSIER_KIND, key=DOSSIER_SLUG, object_id=existing.pk)
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
    LoadRecord.objects.update_or_create(kind=DOSSIER_KIND, key=DOSSIER_SLUG, defaults={"object_id": dossier.pk})
    return dossier
