# Run by deploy/smoke.sh with `manage.py shell -c` on the production stack: what editors and readers add to a
# loaded site, so that the backup has more than what load_network would make again.
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from exchange.models import ExchangeRequest
from network.models import InitiativePage
from practices.models import Theme

buffer = io.BytesIO()
PILImage.new("RGB", (64, 48), (200, 60, 30)).save(buffer, "PNG")
Image.objects.create(title="Werkbezoek Groningen", file=ImageFile(buffer, name="werkbezoek.png"))

initiative = InitiativePage.objects.live().first()
ExchangeRequest.objects.create(
    initiative=initiative,
    name="Smoke Test",
    organisation="Gemeente Voorbeeld",
    email="smoke@example.org",
    message="Mogen we een werkbezoek afleggen?",
)
theme = Theme.objects.first()
theme.description = (theme.description or "") + " Aangevuld door de redactie."
theme.save()
revision = initiative.save_revision()
revision.publish()
