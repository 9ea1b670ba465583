# Run by deploy/smoke.sh with `manage.py shell -c`: what a backup must bring back, counted and checksummed.
from django.contrib.auth.models import User
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from exchange.models import ExchangeRequest
from network.models import Municipality, Organisation
from practices.models import Factor, Theme

counts = {
    "pages": Page.objects.count(),
    "live": Page.objects.live().count(),
    "revisions": Revision.objects.count(),
    "snippets": sum(model.objects.count() for model in (Theme, Factor, Municipality, Organisation)),
    "users": User.objects.count(),
    "exchange": ExchangeRequest.objects.count(),
    "images": Image.objects.count(),
}
print(" ".join(f"{name}={count}" for name, count in counts.items()))
