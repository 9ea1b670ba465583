"""Make a person coordinator of an initiative: create or reuse their account and add it to the group."""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from editorial.roles import coordinator_group, setup_roles
from network.models import InitiativePage


class Command(BaseCommand):
    help = "Maakt iemand coördinator van een initiatief: add_coordinator <initiatief-slug> <e-mailadres>."

    def add_arguments(self, parser):
        parser.add_argument("initiative", help="De slug van het initiatief, bijvoorbeeld 'scheidingspunt'.")
        parser.add_argument("email", help="Het e-mailadres van de coördinator; dat wordt ook de gebruikersnaam.")

    def handle(self, *args, initiative, email, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"'{email}' is geen geldig e-mailadres.") from error
        page = InitiativePage.objects.filter(slug=initiative).first()
        if page is None:
            known = ", ".join(InitiativePage.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"Geen initiatief met de slug '{initiative}'. Bekende initiatieven: {known}.")
        group = coordinator_group(page)
        if group is None:
            setup_roles()
            group = coordinator_group(page)

        user_model = get_user_model()
        user = user_model.objects.filter(username__iexact=email).first()
        created = user is None
        if created:
            # No password on the command line (it would end up in the shell history): a random one nobody knows,
            # which the person replaces through the password reset. (An "unusable" password would block the reset.)
            user = user_model.objects.create_user(username=email, email=email, password=secrets.token_urlsafe(32))
        elif not user.email:
            user.email = email
            user.save(update_fields=["email"])
        user.groups.add(group)

        state = "aangemaakt" if created else "bestond al"
        self.stdout.write(self.style.SUCCESS(f"Account {email} {state}; nu coördinator van {page.title}."))
        if created:
            self.stdout.write(
                "Wachtwoord instellen: laat de coördinator op /admin/password_reset/ een herstellink aanvragen "
                f"(die gaat naar {email}), of stel het zelf in met: python manage.py changepassword {email}"
            )
