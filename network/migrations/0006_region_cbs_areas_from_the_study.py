"""Fill the new "samenstelling (CBS-gebieden)" of the regions the study names by a CBS area's name (§3.2).

For sites loaded before the field existed; load_network fills it on a new site from taxonomy.json. A region whose
field an editor already filled, or that an editor renamed (another slug), is left alone. The latest revision gets
the same values, so the editor sees them in the form and a later publish keeps them.
"""

from django.db import migrations

AREAS = {
    "noord-nederland": (
        "LD01",
        "De studie noemt Noord-Nederland als gebied van KEES (§3.2: ‘projecten in Noord-Nederland (KEES)’); zo "
        "heet CBS-landsdeel LD01: de provincies Groningen, Fryslân en Drenthe.",
    ),
    "twente": ("JZ14", "De studie noemt de regio Twente (§3.2: ‘BRAM in Twente’); zo heet CBS-jeugdregio JZ14."),
    "zeeland": (
        "JZ38",
        "De studie noemt de regio Zeeland (§3.2 en tabel 1: ‘regio Zeeland’); zo heet CBS-jeugdregio JZ38.",
    ),
    "haaglanden": (
        "JZ24",
        "De studie noemt de regio Haaglanden (§3.2: ‘regio Haaglanden overkoepelend’); zo heet CBS-jeugdregio JZ24.",
    ),
    "midden-brabant": (
        "JZ35",
        "De studie noemt de regio Midden-Brabant (§3.2: ‘de gehele regio Midden-Brabant’); zo heet CBS-jeugdregio "
        "JZ35.",
    ),
    "ijsselland": (
        "JZ07",
        "De studie noemt IJsselland (§3.2: ‘de eerder gecreëerde overkoepelende samenwerking in IJsselland’); zo "
        "heet CBS-jeugdregio JZ07.",
    ),
}


def fill(apps, schema_editor):
    RegionPage = apps.get_model("network", "RegionPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for region in RegionPage.objects.filter(slug__in=AREAS, cbs_areas=""):
        code, basis = AREAS[region.slug]
        region.cbs_areas, region.cbs_areas_basis = code, basis
        region.save(update_fields=["cbs_areas", "cbs_areas_basis"])
        revision = Revision.objects.filter(pk=region.latest_revision_id).first()
        if revision is not None and not revision.content.get("cbs_areas"):
            revision.content = {**revision.content, "cbs_areas": code, "cbs_areas_basis": basis}
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("network", "0005_region_cbs_areas")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
