"""Create the editorial groups, their permissions, the initiatives' collections and the review workflow."""

from django.core.management.base import BaseCommand

from editorial.roles import ADMINISTRATORS, EDITORS, WORKFLOW_NAME, setup_roles


class Command(BaseCommand):
    help = "Maakt de groepen Redacteuren, Beheerders en Coördinatoren per initiatief met hun rechten (idempotent)."

    def handle(self, *args, **options):
        summary = setup_roles()
        self.stdout.write(
            self.style.SUCCESS(
                f"Rollen ingericht: {EDITORS}, {ADMINISTRATORS} en coördinatoren van "
                f"{len(summary.initiatives)} initiatieven; workflow '{WORKFLOW_NAME}' op het netwerk. "
                f"Toegevoegd: {summary.groups} groepen, {summary.permissions} rechten, "
                f"{summary.collections} collecties, {summary.workflow} workflow-onderdelen."
            )
        )
        if summary.removed_groups:
            self.stdout.write(f"Verwijderd (groepen van Wagtail zelf): {', '.join(summary.removed_groups)}.")
