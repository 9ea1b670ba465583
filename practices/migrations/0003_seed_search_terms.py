"""Give existing themes and factors the search terms that used to be hard-coded synonym groups.

Only empty fields are filled: on a site where editors already keep the terms, nothing changes. A new site gets the
same terms from load_network.
"""

import json
from pathlib import Path

from django.db import migrations

SEED_FILE = Path(__file__).resolve().parents[2] / "network" / "data" / "search_terms.json"


def seed(apps, schema_editor):
    seeds = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    for model_name, key in (("Theme", "themes"), ("Factor", "factors")):
        model = apps.get_model("practices", model_name)
        for slug, terms in seeds[key].items():
            model.objects.filter(slug=slug, search_terms="").update(search_terms="\n".join(terms))


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_concept_search_terms")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
