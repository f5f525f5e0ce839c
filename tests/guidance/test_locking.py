"""No lost edits: a save from a form opened before someone else's save is refused, and the text stays."""

import pytest
from reversion.models import Version

from django.db.models import F
from django.urls import reverse

from guidance.models import Page, Tool
from lpo.locking import LockedForm, loading_into_an_empty_database
from tests.conftest import form_data, parse, text
from tests.factories import PageFactory, ToolFactory
from tests.guidance.conftest import change_url

pytestmark = pytest.mark.django_db


def test_every_save_raises_the_version():
    page = PageFactory()
    first = page.version
    page.save()
    page.save(update_fields=["title"])
    assert Page.objects.get(pk=page.pk).version == first + 2


def test_a_raw_save_keeps_the_stored_version_except_when_loading_into_an_empty_database(
    django_assert_num_queries,
):
    page = PageFactory()
    page.save()
    stored = Page.objects.get(pk=page.pk).version
    old = Page.objects.get(pk=page.pk)
    old.version = 0
    with django_assert_num_queries(2):  # the look-up of the stored version, and the save
        old.save_base(raw=True)
    assert Page.objects.get(pk=page.pk).version == stored
    with loading_into_an_empty_database(), django_assert_num_queries(1):
        old.version = 0
        old.save_base(raw=True)
    assert Page.objects.get(pk=page.pk).version == 0


def test_the_form_sends_the_version_as_a_hidden_field(client, editor, chapter):
    field = parse(client.get(change_url(chapter))).select_one("input[name=version]")
    assert field["type"] == "hidden" and field["value"] == str(chapter.version)


def test_a_stale_save_is_refused_with_what_changed_and_the_text_stays(client, editor, other_editor, chapter):
    url = change_url(chapter)
    mine, theirs = form_data(client, url), form_data(other_editor, url)
    assert other_editor.post(url, theirs | {"body_nl": "Tekst van de ander."}).status_code == 302

    response = client.post(url, mine | {"body_nl": "Mijn tekst.", "title_nl": "Sociale steun (nieuw)"})
    assert response.status_code == 200
    errors = text(parse(response).select_one(".errornote + ul.errorlist, ul.errorlist.nonfield"))
    assert "Iemand anders heeft dit intussen opgeslagen (tweede-redacteur" in errors
    assert "Tekst [nl]: «Oude tekst.» → «Tekst van de ander.»" in errors
    assert "Titel" not in errors  # only what changed meanwhile
    page = parse(response)
    assert page.select_one("textarea[name=body_nl]").get_text().strip() == "Mijn tekst."
    assert page.select_one("input[name=title_nl]")["value"] == "Sociale steun (nieuw)"
    assert Page.objects.get(pk=chapter.pk).body == "Tekst van de ander."

    # Having seen the other change, the editor sends the form again: now it saves.
    again = form_data(client, url, response)
    assert client.post(url, again).status_code == 302
    assert Page.objects.get(pk=chapter.pk).body == "Mijn tekst."


def test_a_save_that_slips_past_the_check_is_still_refused(client, editor, chapter, monkeypatch):
    """Someone saves between the check of the form and its save: the conditional UPDATE refuses, nothing is lost."""
    url = change_url(chapter)
    data = form_data(client, url) | {"body_nl": "Mijn tekst."}
    Page.objects.filter(pk=chapter.pk).update(body_nl="Tussendoor.", version=F("version") + 1)
    original_refuse, missed = LockedForm.refuse_stale, []

    def check_that_misses_it_once(form):
        if not missed:  # as if the other save came just after this check
            missed.append(True)
            return
        original_refuse(form)

    monkeypatch.setattr(LockedForm, "refuse_stale", check_that_misses_it_once)
    response = client.post(url, data)
    assert missed and response.status_code == 200
    assert "Iemand anders heeft dit intussen opgeslagen" in response.content.decode()
    assert parse(response).select_one("textarea[name=body_nl]").get_text().strip() == "Mijn tekst."
    assert Page.objects.get(pk=chapter.pk).body == "Tussendoor."


def test_a_concept_saved_meanwhile_also_refuses_a_stale_save(client, editor, other_editor, chapter):
    url = change_url(chapter)
    mine = form_data(client, url)
    other_editor.post(
        url, form_data(other_editor, url) | {"body_nl": "Concept.", "_save_concept": "Opslaan als concept"}
    )
    response = client.post(url, mine | {"body_nl": "Mijn tekst."})
    assert response.status_code == 200
    assert "Tekst [nl]: «Oude tekst.» → «Concept.»" in text(parse(response))
    assert Page.objects.get(pk=chapter.pk).body == "Oude tekst."


def test_a_form_opened_before_a_restore_from_the_history_is_refused(client, editor, other_editor, chapter):
    url = change_url(chapter)
    client.post(url, form_data(client, url) | {"body_nl": "Tweede tekst."})
    stale = form_data(other_editor, url)
    first = Version.objects.get_for_object(chapter).last()
    revision_url = reverse("admin:guidance_page_revision", args=[chapter.pk, first.pk])
    assert client.post(revision_url, form_data(client, revision_url)).status_code == 302
    assert Page.objects.get(pk=chapter.pk).body == "Oude tekst."

    response = other_editor.post(url, stale | {"body_nl": "Over de teruggezette tekst heen."})
    assert response.status_code == 200 and "Iemand anders heeft dit intussen opgeslagen" in response.content.decode()
    assert Page.objects.get(pk=chapter.pk).body == "Oude tekst."


def test_a_form_without_a_version_is_refused_and_keeps_its_text(client, editor):
    tool = ToolFactory(description="Oud.")
    url = reverse("admin:guidance_tool_change", args=[tool.pk])
    data = form_data(client, url) | {"description_nl": "Nieuw."}
    data.pop("version")
    data.pop("basis")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen opgeslagen" in response.content.decode()
    assert parse(response).select_one("textarea[name=description_nl]").get_text().strip() == "Nieuw."


def test_changing_the_order_in_the_list_still_saves(client, editor):
    tool = ToolFactory(order=1)
    response = client.post(
        reverse("admin:guidance_tool_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(tool.pk),
            "form-0-order": "7",
            "_save": "Opslaan",
        },
    )
    assert response.status_code == 302
    assert Tool.objects.get(pk=tool.pk).order == 7
