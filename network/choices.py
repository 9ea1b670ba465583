"""The study's fixed vocabularies (taxonomy.json): values are stable slugs, labels are Dutch."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Discipline(models.TextChoices):
    ZORG = "zorg", _("Zorg")
    RECHT = "recht", _("Recht")
    GEMEENTE = "gemeente", _("Gemeente")


class Line(models.TextChoices):
    ZERO = "0e-lijn", _("0e lijn")
    FIRST = "1e-lijn", _("1e lijn")
    SECOND = "2e-lijn", _("2e lijn")


class Level(models.TextChoices):
    MUNICIPAL = "gemeentelijk", _("Gemeentelijk")
    REGIONAL = "regionaal", _("Regionaal")


class Status(models.TextChoices):
    PLAN = "plan", _("In de planfase")
    ACTIVE = "actief", _("Actief")
    STOPPED = "gestopt", _("Gestopt")
    UNKNOWN = "onbekend", _("Onbekend")


class DeskForm(models.TextChoices):
    MUNICIPAL_DESK = "fysiek-loket-gemeente", _("Fysiek loket via de gemeente")
    CARE_DESK = "fysiek-loket-zorgorganisatie", _("Fysiek loket via een zorgorganisatie")
    PERSON = "persoon", _("Eén persoon als aanspreekpunt")
    NONE = "geen", _("Geen loket")


class Intensity(models.TextChoices):
    """The study's continuum of collaboration intensity (§2.2.2), from light to intensive."""

    MAPPING = "aanbod-in-kaart", _("1. Aanbod in kaart brengen")
    EXPERTISE = "expertise-uitwisselen", _("2. Expertise uitwisselen")
    AGREEMENTS = "afspraken-nieuw-aanbod", _("3. Afspraken over nieuw gezamenlijk aanbod")
    IN_USE = "nieuw-aanbod-in-gebruik", _("4. Nieuw aanbod in gebruik")

    @classmethod
    def step(cls, value):
        return [choice.value for choice in cls].index(value) + 1 if value else None


class Shell(models.TextChoices):
    """Scheidingspunt's shell model (§4.1.1): how closely a partner takes part."""

    FIRST = "1", _("1e schil: bij elk overleg")
    SECOND = "2", _("2e schil: per thema uitgenodigd")
    THIRD = "3", _("3e schil: vermeld met aanbod en link")


class TargetGroup(models.TextChoices):
    PARENTS = "ouders", _("Ouders")
    CHILDREN = "kinderen", _("Kinderen")
    PROFESSIONALS = "professionals", _("Professionals")
