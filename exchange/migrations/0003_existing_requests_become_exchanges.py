"""Every request sent before the exchange process existed becomes an exchange in the state "requested".

It keeps all it had; it gets its first step (the request, dated when it came in, made by the requester), a state
date equal to its arrival, and its own secret for the requester's link (adding the field gave them all one value).
"""

import secrets

from django.db import migrations


def forwards(apps, schema_editor):
    ExchangeRequest = apps.get_model("exchange", "ExchangeRequest")
    ExchangeStep = apps.get_model("exchange", "ExchangeStep")
    RegionPage = apps.get_model("network", "RegionPage")
    for exchange in ExchangeRequest.objects.select_related("initiative").iterator():
        # An initiative's region is its parent page (paths grow by four characters a level).
        exchange.initiative_region = RegionPage.objects.filter(path=exchange.initiative.path[:-4]).first()
        exchange.state = "aangevraagd"
        exchange.state_since = exchange.created_at
        exchange.access_key = secrets.token_urlsafe(24)
        exchange.save(update_fields=["initiative_region", "state", "state_since", "access_key"])
        if not ExchangeStep.objects.filter(exchange=exchange).exists():
            ExchangeStep.objects.create(exchange=exchange, state="aangevraagd", at=exchange.created_at, by_requester=True)


class Migration(migrations.Migration):
    dependencies = [("exchange", "0002_exchange_process")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
