"""Admin logins and password-reset mails are throttled per account and per address; an administrator unlocks."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

PASSWORD = "juist-wachtwoord-2026"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return User.objects.create_user("redacteur", "redacteur@example.org", PASSWORD, is_staff=True)


def log_in(client, username, password, **headers):
    return client.post("/admin/login/", {"username": username, "password": password}, **headers)


def logged_in(client):
    return "_auth_user_id" in client.session


def test_the_right_password_after_five_wrong_ones_does_not_log_in(editor):
    client = Client()
    statuses = [log_in(client, "redacteur", "fout").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the form again with its error, then the lockout
    response = log_in(client, "redacteur", PASSWORD)
    assert response.status_code == 429
    assert "Aanmelden tijdelijk geblokkeerd" in response.content.decode()
    assert not logged_in(client)


def test_a_few_wrong_passwords_still_let_the_right_one_in(editor):
    client = Client()
    for _ in range(4):
        log_in(client, "redacteur", "fout")
    assert log_in(client, "redacteur", PASSWORD).status_code == 302
    assert logged_in(client)


def test_one_address_trying_many_accounts_is_locked_out(editor):
    client = Client()
    for number in range(5):
        log_in(client, f"iemand{number}", "fout")
    assert log_in(client, "redacteur", PASSWORD).status_code == 429


def test_behind_the_proxy_readers_are_told_apart_by_their_forwarded_address(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    for number in range(5):
        log_in(attacker, f"iemand{number}", "fout")
    assert log_in(attacker, "iemand-anders", "fout").status_code == 429
    colleague = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert log_in(colleague, "redacteur", PASSWORD).status_code == 302


def test_an_administrator_unlocks_an_account_in_the_admin(editor):
    for _ in range(5):
        log_in(Client(), "redacteur", "fout")
    assert log_in(Client(), "redacteur", PASSWORD).status_code == 429

    admin = Client()
    admin.force_login(User.objects.create_superuser("beheerder", "beheer@example.org", "x" * 16))
    listing = admin.get("/admin/snippets/axes/accessattempt/")
    assert listing.status_code == 200
    assert "redacteur" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="redacteur")
    response = admin.post(f"/admin/snippets/axes/accessattempt/delete/{attempt.pk}/")
    assert response.status_code == 302

    client = Client()
    assert log_in(client, "redacteur", PASSWORD).status_code == 302
    assert logged_in(client)


def test_editors_do_not_see_the_lockouts(editor):
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/snippets/axes/accessattempt/").status_code in (302, 403)


def test_the_unlock_command_lifts_a_lockout(editor):
    for _ in range(5):
        log_in(Client(), "redacteur", "fout")
    call_command("axes_reset_username", "redacteur", verbosity=0)
    assert log_in(Client(), "redacteur", PASSWORD).status_code == 302


def ask_reset(client, email):
    return client.post("/admin/password_reset/", {"email": email})


def test_fifteen_reset_requests_send_three_mails(editor, mailoutbox):
    client = Client()
    statuses = [ask_reset(client, "redacteur@example.org").status_code for _ in range(15)]
    assert len(mailoutbox) == 3
    assert statuses[:3] == [302, 302, 302]
    assert set(statuses[3:]) == {429}
    assert "Te veel aanvragen" in ask_reset(client, "redacteur@example.org").content.decode()


def test_one_address_asking_for_many_accounts_is_limited_too(db, mailoutbox):
    client = Client()
    statuses = [ask_reset(client, f"iemand{number}@example.org").status_code for number in range(12)]
    assert statuses.count(429) == 2


def test_the_lockout_page_is_in_english_for_readers_who_chose_it(editor):
    client = Client()
    client.cookies["django_language"] = "en"
    for _ in range(5):
        response = log_in(client, "redacteur", "fout")
    assert response.status_code == 429
    assert "Logging in temporarily blocked" in response.content.decode()
    assert "A wrong password was entered 5 times." in response.content.decode()
