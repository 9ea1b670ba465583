import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from editorial.roles import EDITORS, coordinator_group, setup_roles
from network.models import InitiativePage

CREDENTIALS_FILE = Path(settings.BASE_DIR) / "var" / "dev-accounts.txt"
DEMO_INITIATIVE = "scheidingspunt"


class Command(BaseCommand):
    help = "Maakt lokale accounts voor `make run` en toont hun inloggegevens (alleen in ontwikkeling)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Alleen voor een lokale ontwikkelomgeving (DEBUG aan).")
        password = self.password()
        port = os.environ.get("PORT", "8000")
        self.account("admin", "admin@localhost", password, is_staff=True, is_superuser=True)
        self.stdout.write(f"Beheer: http://127.0.0.1:{port}/admin/  gebruiker: admin  wachtwoord: {password}")

        setup_roles()  # the groups exist after load_network; this makes the command work on its own too
        editor = self.account("redacteur@example.org", "redacteur@example.org", password)
        editor.groups.add(Group.objects.get(name=EDITORS))
        self.stdout.write(f"Redacteur:    gebruiker: {editor.username}  wachtwoord: {password}")

        initiative = InitiativePage.objects.filter(slug=DEMO_INITIATIVE).first()
        group = coordinator_group(initiative) if initiative else None
        if group:
            username = f"coordinator.{DEMO_INITIATIVE}@example.org"
            coordinator = self.account(username, username, password)
            coordinator.groups.add(group)
            self.stdout.write(
                f"Coördinator ({initiative.title}):  gebruiker: {coordinator.username}  wachtwoord: {password}"
            )

    def account(self, username, email, password, **flags):
        user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email, **flags})
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        return user

    def password(self):
        # One random password per checkout, kept in the git-ignored var/ folder so it stays the same between runs.
        if CREDENTIALS_FILE.exists():
            return CREDENTIALS_FILE.read_text().strip()
        CREDENTIALS_FILE.parent.mkdir(exist_ok=True)
        password = secrets.token_urlsafe(12)
        CREDENTIALS_FILE.write_text(password + "\n")
        CREDENTIALS_FILE.chmod(0o600)
        return password
