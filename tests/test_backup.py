"""A back-up taken while the site runs comes back complete in an empty database."""

import io
import sqlite3
import stat
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from guidance.models import Page
from lpo.page_cache import content_generation
from tests.conftest import empty_content


def page_slugs():
    return sorted(Page.objects.values_list("parent__slug", "slug"), key=str)


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_finds_every_page(tmp_path):
    call_command("load_content", verbosity=0)
    before = page_slugs()
    out = io.StringIO()
    call_command("backup", output=str(tmp_path), stdout=out, stderr=io.StringIO())
    backup = out.getvalue().strip()

    if connection.vendor == "sqlite":
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT count(*) FROM guidance_page").fetchone()[0] == len(before)
        copy.close()
    empty_content()
    assert Page.objects.count() == 0

    call_command("restore", backup, stderr=io.StringIO())
    assert page_slugs() == before
    for page in Page.objects.select_related("parent"):
        assert page.title_nl


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_content(tmp_path):
    # A real back-up runs outside a transaction, as this test does.
    call_command("load_content", verbosity=0)
    out = io.StringIO()
    call_command("backup", output=str(tmp_path), stdout=out, stderr=io.StringIO())
    with pytest.raises(CommandError, match="al inhoud"):
        call_command("restore", out.getvalue().strip())


@pytest.mark.django_db
def test_restore_explains_a_wrong_file(tmp_path):
    wrong = tmp_path / "notities.txt"
    wrong.write_text("geen back-up")
    with pytest.raises(CommandError, match=r"\.sqlite3- of \.json"):
        call_command("restore", str(wrong))
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("restore", str(tmp_path / "weg.sqlite3"))


@pytest.mark.django_db(transaction=True)
def test_backup_files_and_folder_are_readable_by_this_user_only(tmp_path):
    call_command("load_content", verbosity=0)
    folder = tmp_path / "backups"
    out = io.StringIO()
    call_command("backup", output=str(folder), stdout=out, stderr=io.StringIO())
    backup = Path(out.getvalue().strip())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a .sqlite3 back-up is for SQLite")
@pytest.mark.django_db
def test_restore_refuses_a_damaged_back_up_and_replaces_nothing(tmp_path):
    damaged = tmp_path / "lpo-kapot.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"kapot" * 2000)
    with pytest.raises(CommandError, match="niets teruggezet|geen bruikbare SQLite-database"):
        call_command("restore", str(damaged), stderr=io.StringIO())
    assert Page.objects.count() == 0


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a .sqlite3 back-up is for SQLite")
@pytest.mark.django_db(transaction=True)
def test_restore_says_what_it_replaces_and_refreshes_cached_pages(tmp_path):
    call_command("load_content", verbosity=0)
    out = io.StringIO()
    call_command("backup", output=str(tmp_path), stdout=out, stderr=io.StringIO())
    empty_content()
    before = content_generation()
    said = io.StringIO()
    call_command("restore", out.getvalue().strip(), stderr=said)
    assert "pagina's" in said.getvalue() and "gebruikers" in said.getvalue() and "sessies" in said.getvalue()
    assert "ook gebruikers en sessies" in said.getvalue()
    assert content_generation() != before
