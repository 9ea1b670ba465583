from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = "Give the default Wagtail Site the host name and port of SITE_URL, so that its links point there."

    def handle(self, *args, **options):
        address = urlsplit(settings.SITE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default site yet (load_network creates it); nothing to configure.")
            return
        if (site.hostname, site.port) != (address.hostname, port):
            site.hostname, site.port = address.hostname, port
            site.save()
        self.stdout.write(f"Site {site.site_name or site.hostname}: {site.root_url}")
