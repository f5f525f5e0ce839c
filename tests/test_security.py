"""Production settings, security headers, error pages, health check and brute-force protection."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import DatabaseError
from django.urls import reverse

from tests.conftest import parse, text

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    "/",
    "/handreiking/sociale-steun/",
    "/keuzehulp/?vorm=groep",
    "/api/keuzehulp/",
    "/en/interventies/",
    "/beheer/login/",
]


def test_check_deploy_is_clean_with_the_production_environment(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "LPO_"))}
    env |= {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "lpo.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "DJANGO_READ_DOT_ENV_FILE": "false",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("url", PAGES)
def test_every_response_carries_the_security_headers(client, content, url):
    for _ in range(2):  # the second time from the page cache
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_script_or_style(client, content):
    for url in PAGES[:-1]:
        page = parse(client.get(url))
        assert not page.select("script:not([src])") and not page.select("style") and not page.select("[style]")


HTTPS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]


@pytest.fixture
def production_https(load_settings, settings):
    """The HTTPS settings that lpo/settings.py gives a production environment, applied to this test."""
    production = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="testserver", LPO_PROXY_COUNT="1")
    for name in HTTPS_SETTINGS:
        setattr(settings, name, getattr(production, name))
    return production


def test_production_settings_turn_https_on_by_default(production_https):
    assert production_https.SECURE_SSL_REDIRECT is True
    assert production_https.SECURE_HSTS_SECONDS == 31536000
    assert production_https.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert production_https.SESSION_COOKIE_SECURE and production_https.CSRF_COOKIE_SECURE


def test_forwarded_scheme_is_believed_only_behind_a_proxy(load_settings):
    direct = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="lpo.example.nl")
    assert direct.SECURE_SSL_REDIRECT is True
    assert not hasattr(direct, "SECURE_PROXY_SSL_HEADER")


def test_https_off_only_when_asked_for(load_settings):
    local = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="localhost", DJANGO_SECURE_HTTPS="false")
    assert not getattr(local, "SECURE_SSL_REDIRECT", False)
    assert not getattr(local, "SESSION_COOKIE_SECURE", False)


def test_https_brings_hsts_secure_cookies_and_a_redirect(client, production_https):
    plain = client.get("/keuzehulp/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    secure = client.get("/beheer/login/", HTTP_X_FORWARDED_PROTO="https")
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    cookie = secure.cookies["csrftoken"]
    assert cookie["secure"] and cookie["httponly"]


def test_session_cookie_is_secure_and_http_only(client, admin_user, production_https):
    client.post(
        reverse("admin:login"),
        {"username": "admin", "password": "password"},
        secure=True,
        HTTP_X_FORWARDED_PROTO="https",
    )
    cookie = client.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"]


def test_not_found_page_is_dutch_and_helpful(client, content):
    response = client.get("/handreiking/bestaat-niet/")
    page = parse(response)
    assert response.status_code == 404
    assert text(page.h1) == "Deze pagina bestaat niet (meer)"
    assert page.select_one("a[href='/keuzehulp/']")
    english = client.get("/en/handreiking/bestaat-niet/")
    assert text(parse(english).h1) == "This page does not exist (any more)"


def test_server_error_page_leaks_nothing(client, content, monkeypatch):
    def broken(request):
        raise RuntimeError("geheime details uit /etc/lpo")

    monkeypatch.setattr("guidance.views.page_tree", broken)
    client.raise_request_exception = False
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "geheime details" not in html and "Traceback" not in html and "RuntimeError" not in html


def test_health_check_reports_the_database(client, monkeypatch):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]

    def unavailable(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", unavailable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/", "/keuzehulp/", "/api/keuzehulp/", "/interventies/pm-plus/"])
def test_public_pages_only_read(client, content, method, url):
    response = getattr(client, method)(url)
    assert response.status_code in (403, 405)


def test_admin_login_locks_out_after_five_failures_with_a_clear_message(client, admin_user):
    login = reverse("admin:login")
    statuses = [client.post(login, {"username": "admin", "password": "fout"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    locked = client.post(login, {"username": "admin", "password": "password"})
    assert locked.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in locked.content.decode()
    assert "_auth_user_id" not in client.session

    # Another user name from the same address can still log in.
    from django.contrib.auth.models import User

    User.objects.create_superuser("tweede", "t@example.nl", "een-lang-wachtwoord-42")
    other = client.post(login, {"username": "tweede", "password": "een-lang-wachtwoord-42"})
    assert other.status_code == 302


def test_password_validators_refuse_a_weak_password():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("welkom123")
