"""A back-up taken while the site runs comes back complete in an empty database."""

import io
import sqlite3

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from guidance.content import content_models
from guidance.models import Page


def empty_content():
    for model in reversed(content_models()):
        if model is Page:
            Page.objects.filter(parent__isnull=False).delete()
        model.objects.all().delete()


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
