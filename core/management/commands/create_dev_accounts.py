import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

CREDENTIALS_FILE = Path(settings.BASE_DIR) / "var" / "dev-accounts.txt"


class Command(BaseCommand):
    help = "Maakt lokale accounts voor `make run` en toont hun inloggegevens (alleen in ontwikkeling)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Alleen voor een lokale ontwikkelomgeving (DEBUG aan).")
        password = self.password()
        user_model = get_user_model()
        admin, created = user_model.objects.get_or_create(
            username="admin", defaults={"email": "admin@localhost", "is_staff": True, "is_superuser": True}
        )
        if created or not admin.check_password(password):
            admin.set_password(password)
            admin.save()
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Beheer: http://127.0.0.1:{port}/admin/  gebruiker: admin  wachtwoord: {password}")

    def password(self):
        # One random password per checkout, kept in the git-ignored var/ folder so it stays the same between runs.
        if CREDENTIALS_FILE.exists():
            return CREDENTIALS_FILE.read_text().strip()
        CREDENTIALS_FILE.parent.mkdir(exist_ok=True)
        password = secrets.token_urlsafe(12)
        CREDENTIALS_FILE.write_text(password + "\n")
        CREDENTIALS_FILE.chmod(0o600)
        return password
