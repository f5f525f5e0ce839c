"""Editing safely: drafts and preview, history with restore and undelete, sanitised text, export and import."""

import io
import json

import pytest
import reversion
from reversion.models import Version

from django.core.management import CommandError, call_command
from django.urls import reverse

from guidance.models import Page
from interventions.models import Intervention
from lpo.content import content_models
from tests.conftest import empty_content, form_data, parse, text
from tests.factories import InterventionFactory, PageFactory

pytestmark = pytest.mark.django_db


def test_draft_page_is_hidden_from_visitors_and_shown_in_preview(client, editor):
    draft = PageFactory(draft=True, number=1, title="Nieuw hoofdstuk", slug="nieuw")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Nieuw hoofdstuk" not in client.get("/").content.decode()

    client.force_login(editor)
    preview = client.get(reverse("guidance:preview", args=[draft.pk]))
    page = parse(preview)
    assert preview.status_code == 200
    assert text(page.h1) == "1. Nieuw hoofdstuk"
    assert "dit is een concept" in text(page.select_one(".lpo-preview"))
    assert page.select_one("meta[name=robots]")["content"] == "noindex"


def test_preview_is_for_editors_only(client):
    draft = PageFactory(draft=True)
    response = client.get(reverse("guidance:preview", args=[draft.pk]))
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]
    intervention = InterventionFactory(draft=True)
    assert client.get(reverse("interventions:preview", args=[intervention.pk])).status_code == 302


def test_draft_intervention_preview_then_publish(client, editor):
    intervention = InterventionFactory(draft=True, name="Nieuwe LPI")
    assert client.get(intervention.get_absolute_url()).status_code == 404
    assert text(parse(client.get(reverse("interventions:preview", args=[intervention.pk]))).h1) == "Nieuwe LPI"
    client.post(
        reverse("admin:interventions_intervention_changelist"),
        {"action": "publish", "_selected_action": [intervention.pk]},
    )
    assert Intervention.objects.get(pk=intervention.pk).is_published
    client.logout()
    assert client.get(intervention.get_absolute_url()).status_code == 200


def test_editor_saves_a_draft_from_the_change_form(client, editor):
    page = PageFactory(number=1, title="Het belang", slug="het-belang")
    url = reverse("admin:guidance_page_change", args=[page.pk])
    data = form_data(client, url)
    data.pop("is_published")
    assert client.post(url, data).status_code == 302
    assert client.get(page.get_absolute_url()).status_code == 404
    assert client.get(reverse("guidance:preview", args=[page.pk])).status_code == 200


def test_every_admin_save_is_kept_with_who_and_when_and_can_be_restored(client, editor):
    with reversion.create_revision():
        page = PageFactory(number=1, title="Het belang", slug="het-belang", body="Eerste tekst.")
    url = reverse("admin:guidance_page_change", args=[page.pk])
    data = form_data(client, url)
    data["body_nl"] = "Tweede tekst."
    assert client.post(url, data).status_code == 302
    assert "Tweede tekst." in client.get(page.get_absolute_url()).content.decode()

    versions = Version.objects.get_for_object(page)
    assert versions.count() == 2
    latest = versions.first()
    assert latest.revision.user == editor and latest.revision.date_created
    history = parse(client.get(reverse("admin:guidance_page_history", args=[page.pk])))
    assert "redacteur" in text(history)

    first = versions.last()
    revision_url = reverse("admin:guidance_page_revision", args=[page.pk, first.pk])
    assert client.post(revision_url, form_data(client, revision_url)).status_code == 302
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Eerste tekst." in html and "Tweede tekst." not in html


def test_deleting_asks_for_confirmation_and_can_be_undone(client, editor):
    with reversion.create_revision():
        page = PageFactory(title="Tijdelijk", slug="tijdelijk", body="Tekst die terugkomt.")
    delete_url = reverse("admin:guidance_page_delete", args=[page.pk])
    confirmation = client.get(delete_url)
    assert confirmation.status_code == 200 and "zeker" in confirmation.content.decode()
    client.post(delete_url, {"post": "yes"})
    assert not Page.objects.filter(slug="tijdelijk").exists()

    recover_list = parse(client.get(reverse("admin:guidance_page_recoverlist")))
    assert "Tijdelijk" in text(recover_list)
    version = Version.objects.get_deleted(Page).get()
    recover_url = reverse("admin:guidance_page_recover", args=[version.pk])
    assert client.post(recover_url, form_data(client, recover_url)).status_code == 302
    assert "Tekst die terugkomt." in client.get("/handreiking/tijdelijk/").content.decode()


@pytest.mark.parametrize(
    "evil",
    [
        "<script>alert('x')</script>",
        '<img src="x" onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        '<a href="javascript:alert(1)" onclick="alert(2)">klik</a>',
    ],
)
def test_an_editors_script_never_reaches_visitors(client, editor, evil):
    page = PageFactory(number=1, slug="het-belang", title="Het belang")
    url = reverse("admin:guidance_page_change", args=[page.pk])
    data = form_data(client, url)
    data["body_nl"] = f"## Kop\n\nTekst met *nadruk*.\n\n{evil}\n\n- punt"
    assert client.post(url, data).status_code == 302
    html = client.get(page.get_absolute_url()).content.decode()
    body = parse(client.get(page.get_absolute_url())).select_one(".utrecht-html")
    assert "alert" not in str(body) and "javascript:" not in html and "onerror" not in html and "onclick" not in html
    assert body.h2.get_text() == "Kop" and body.em.get_text() == "nadruk" and body.li.get_text() == "punt"


def dump():
    return json.loads(
        json.dumps(
            [
                {
                    "model": obj._meta.label_lower,
                    "pk": obj.pk,
                    **{f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields},
                }
                for model in content_models()
                for obj in model.objects.order_by("pk")
            ]
            + [
                {"intervention": i.slug, "tags": sorted(i.tags.values_list("pk", flat=True))}
                for i in Intervention.objects.order_by("pk")
            ],
            default=str,
        )
    )


def test_export_then_import_into_an_empty_database_gives_identical_content(content, tmp_path):
    page = Page.objects.get(parent=None, slug="sociale-steun")
    page.title_en, page.body_uk, page.is_published = "Social support", "Текст.", False
    page.save()
    before = dump()
    assert any(row.get("title_en") == "Social support" for row in before)

    export = tmp_path / "inhoud.json"
    call_command("export_content", str(export), stderr=io.StringIO())
    empty_content()
    assert dump() == []

    call_command("import_content", str(export), stderr=io.StringIO())
    assert dump() == before


def test_import_refuses_a_database_with_content_and_changes_nothing(content, tmp_path):
    export = tmp_path / "inhoud.json"
    call_command("export_content", str(export), stderr=io.StringIO())
    before = dump()
    with pytest.raises(CommandError, match="al inhoud"):
        call_command("import_content", str(export))
    assert dump() == before


def test_import_of_a_broken_file_changes_nothing(tmp_path):
    broken = tmp_path / "kapot.json"
    broken.write_text(
        '[{"model": "guidance.source", "pk": 1, "fields": {"number": 1, "author": "A", "year": "2020", "title": "T", "url": ""}}, {"model": "guidance.page", "pk": 1, "fields": {"parent": 99}}]'
    )
    with pytest.raises(CommandError, match="niets veranderd"):
        call_command("import_content", str(broken))
    assert all(not model.objects.exists() for model in content_models())
