"""What a deployment meets: the client address behind proxies, limits per visitor, unknown hosts, file modes."""

import os
import stat
import subprocess
from pathlib import Path

import pytest

from django.contrib.auth.models import User
from django.core.cache import caches
from django.db.utils import ConnectionHandler
from django.urls import reverse

from guidance.models import RoleCount
from lpo.client import client_ip

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxies: forwarded headers are never trusted
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the client may write anything on the left
        (2, "198.51.100.7, 203.0.113.9", "198.51.100.7"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer hops than proxies: only the peer is known
        (1, "", "10.0.0.1"),
        (1, "niet-een-adres", "10.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_is_the_nth_address_from_the_right(rf, settings, proxies, forwarded, expected):
    settings.LPO_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def answer(client, address, role="vrijwilliger"):
    return client.post(
        reverse("guidance:role"),
        {"functie": role, "terug": "/"},
        HTTP_ORIGIN="http://testserver",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.mark.django_db
def test_functie_vraag_limit_is_per_visitor_behind_a_proxy(client, settings):
    settings.LPO_PROXY_COUNT = 1
    statuses = [answer(client, f"203.0.113.{n}").status_code for n in range(30)]
    assert statuses == [303] * 30
    assert RoleCount.objects.get(role="vrijwilliger").count == 30
    # One visitor is still limited.
    repeated = [answer(client, "198.51.100.1").status_code for _ in range(6)]
    assert repeated == [303] * 5 + [429]


@pytest.mark.django_db
def test_functie_vraag_limit_lives_in_the_cache_that_workers_share(client, settings):
    settings.LPO_PROXY_COUNT = 1
    for _ in range(5):
        answer(client, "198.51.100.2")
    # What another worker or server sees: the shared cache, not this process's memory.
    assert caches["shared"].__class__.__name__ in ("DatabaseCache", "RedisCache", "PyMemcacheCache")
    caches["default"].clear()
    assert answer(client, "198.51.100.2").status_code == 429


@pytest.mark.django_db
def test_login_lockout_is_per_visitor_behind_a_proxy(client, settings):
    settings.LPO_PROXY_COUNT = 1
    User.objects.create_superuser("admin", "a@example.nl", "een-lang-wachtwoord-42")
    login = reverse("admin:login")
    for _ in range(6):
        client.post(
            login,
            {"username": "admin", "password": "fout"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    locked = client.post(
        login,
        {"username": "admin", "password": "een-lang-wachtwoord-42"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    assert locked.status_code == 429
    other = client.post(
        login,
        {"username": "admin", "password": "een-lang-wachtwoord-42"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.77",
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_login_without_a_safe_next_lands_in_the_admin(client):
    User.objects.create_superuser("admin", "a@example.nl", "een-lang-wachtwoord-42")
    response = client.post(
        reverse("admin:login") + "?next=https://elders.example/",
        {"username": "admin", "password": "een-lang-wachtwoord-42", "next": "https://elders.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/beheer/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/handreiking/sociale-steun/", "/keuzehulp/", "/healthz", "/beheer/login/"])
def test_a_host_the_site_does_not_serve_gets_a_plain_400(client, path, caplog):
    client.raise_request_exception = True
    response = client.get(path, HTTP_HOST="aanvaller.example")
    assert response.status_code == 400
    assert "Dit webadres hoort niet bij deze site" in response.content.decode()
    assert not [record for record in caplog.records if record.exc_info]


def test_dot_env_is_made_for_this_user_only(tmp_path):
    subprocess.run(
        ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(tmp_path), ".env"],
        check=True,
        capture_output=True,
        timeout=30,
    )
    made = tmp_path / ".env"
    assert "DJANGO_SECRET_KEY=" in made.read_text()
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_a_sqlite_database_file_is_made_private(tmp_path, django_db_blocker):
    path = tmp_path / "db.sqlite3"
    path.touch()
    os.chmod(path, 0o644)
    wrapper = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}})["default"]
    with django_db_blocker.unblock():
        wrapper.ensure_connection()
        wrapper.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
