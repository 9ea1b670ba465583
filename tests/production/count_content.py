# Run by deploy/smoke.sh with `manage.py shell -c`: what a backup must bring back, counted and checksummed.
import hashlib
import io

from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from exchange.models import ExchangeRequest
from network.models import Municipality, Organisation
from practices.models import Factor, Theme

dump = io.StringIO()
excluded = ["contenttypes", "auth.permission", "sessions", "wagtailsearch", "search"]
call_command("dumpdata", indent=0, exclude=excluded, stdout=dump)
counts = {
    "dumpdata": hashlib.sha256(dump.getvalue().encode()).hexdigest()[:16],
    "pages": Page.objects.count(),
    "live": Page.objects.live().count(),
    "revisions": Revision.objects.count(),
    "snippets": sum(model.objects.count() for model in (Theme, Factor, Municipality, Organisation)),
    "users": User.objects.count(),
    "exchange": ExchangeRequest.objects.count(),
    "images": Image.objects.count(),
}
print(" ".join(f"{name}={count}" for name, count in counts.items()))
