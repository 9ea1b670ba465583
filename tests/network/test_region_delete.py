"""Deleting a region never crashes and never loses its municipalities."""

import pytest
from django.contrib.auth import get_user_model

from network.models import Municipality, RegionPage


@pytest.mark.django_db
def test_a_region_deleted_through_the_admin_api_keeps_its_municipalities(client, added_municipalities):
    editor = get_user_model().objects.create_superuser("api-redacteur", "api@example.org", "wachtwoord")
    client.force_login(editor)
    zeeland = RegionPage.objects.get(slug="zeeland")
    names = set(Municipality.objects.filter(region=zeeland).values_list("name", flat=True))
    response = client.post(f"/admin/api/main/pages/{zeeland.pk}/action/delete/")
    assert response.status_code < 500
    assert names and set(Municipality.objects.filter(name__in=names).values_list("name", flat=True)) == names
