"""The two commands' building blocks: settings that fail loudly, and making an editor account."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[1]


def test_production_start_without_secret_key_stops_with_a_clear_message(load_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY is not set"):
        load_settings(DJANGO_ALLOWED_HOSTS="example.nl")


def test_production_start_without_allowed_hosts_stops_with_a_clear_message(load_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_ALLOWED_HOSTS is not set"):
        load_settings(DJANGO_SECRET_KEY="x" * 50)


def test_the_local_env_file_is_read_unless_the_environment_says_not_to(load_settings, monkeypatch):
    read = []
    monkeypatch.setattr("environ.Env.read_env", staticmethod(lambda path, **kwargs: read.append(path)))
    load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.nl")
    assert read == []
    load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.nl", DJANGO_READ_DOT_ENV_FILE="true")
    assert read == [ROOT / ".env"]


def test_debug_is_off_unless_asked_for(load_settings):
    production = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.nl")
    assert production.DEBUG is False
    development = load_settings(DJANGO_DEBUG="true")
    assert development.DEBUG is True
    assert development.ALLOWED_HOSTS == ["127.0.0.1", "localhost"]


def test_manage_py_stops_with_the_message_not_a_traceback(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={
            **env,
            "DJANGO_READ_DOT_ENV_FILE": "false",
            "DJANGO_ALLOWED_HOSTS": "example.nl",
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.django_db
def test_create_editor_makes_a_staff_account_in_the_editor_group(monkeypatch):
    monkeypatch.setenv("LPO_EDITOR_PASSWORD", "een-lang-wachtwoord-42")
    call_command("create_editor", "anna", email="anna@example.nl", stdout=io.StringIO())
    user = User.objects.get(username="anna")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Redacteur"]
    assert user.check_password("een-lang-wachtwoord-42")


@pytest.mark.django_db
def test_create_editor_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("LPO_EDITOR_PASSWORD", "1234")
    with pytest.raises(CommandError, match="niet sterk genoeg"):
        call_command("create_editor", "bert")
    assert not User.objects.filter(username="bert").exists()


@pytest.mark.django_db
def test_suite_runs_on_the_database_that_database_url_names():
    from django.db import connection

    expected = "postgresql" if os.environ["DATABASE_URL"].startswith(("postgres", "postgis")) else "sqlite"
    assert connection.vendor == expected
