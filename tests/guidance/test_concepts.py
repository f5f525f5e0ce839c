"""Concepts: a change to a live page kept aside, previewed, published or thrown away, with who and when."""

import pytest
import reversion
from reversion.models import Version

from django.test import Client
from django.urls import reverse

from guidance.models import Page, Source, Tool
from lpo.models import Concept
from lpo.page_cache import content_generation
from tests.conftest import form_data, parse, text
from tests.factories import PageFactory, SourceFactory, ToolFactory
from tests.guidance.conftest import change_url

pytestmark = pytest.mark.django_db


def save_concept(client, page, **changes):
    data = form_data(client, change_url(page)) | changes | {"_save_concept": "Opslaan als concept"}
    response = client.post(change_url(page), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    return response


def visitor_html(page):
    return Client().get(page.get_absolute_url()).content.decode()


def test_a_concept_is_invisible_to_visitors_and_shown_in_the_preview(client, editor, chapter):
    response = save_concept(client, chapter, body_nl="Nieuwe tekst van de redactie.")
    assert response["Location"] == change_url(chapter)

    html = visitor_html(chapter)
    assert "Oude tekst." in html and "Nieuwe tekst" not in html
    assert Page.objects.get(pk=chapter.pk).body == "Oude tekst."

    preview = client.get(reverse("guidance:preview", args=[chapter.pk]))
    assert "Nieuwe tekst van de redactie." in preview.content.decode()
    assert "concept dat nog niet gepubliceerd is" in text(parse(preview).select_one(".lpo-preview"))
    assert {"private", "no-store"} <= set(preview["Cache-Control"].replace(" ", "").split(","))
    assert Page.objects.get(pk=chapter.pk).body == "Oude tekst."  # the preview saved nothing


def test_saving_a_concept_leaves_the_page_cache_and_search_alone_and_publishing_moves_them(
    client, editor, chapter, django_capture_on_commit_callbacks
):
    before = content_generation()
    with django_capture_on_commit_callbacks(execute=True):
        save_concept(client, chapter, body_nl="Nieuwe tekst.")
    assert content_generation() == before
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:guidance_page_concept_publish", args=[chapter.pk]))
    assert content_generation() != before


def test_the_change_form_shows_the_open_concept_with_publish_instead_of_save(client, editor, chapter):
    save_concept(client, chapter, body_nl="Nieuwe tekst.")
    response = client.get(change_url(chapter))
    assert response.context["adminform"].form["body_nl"].value() == "Nieuwe tekst."
    page = parse(response)
    assert "U bewerkt het concept" in text(page.select_one(".lpo-concept"))
    buttons = [button["name"] for button in page.select(".submit-row input[type=submit]")]
    assert buttons == ["_save_concept", "_publish"]
    assert text(page.select_one(f'a[href="{reverse("admin:guidance_page_concept_discard", args=[chapter.pk])}"]'))


def test_publishing_from_the_change_form_makes_it_live_and_the_history_says_who(client, editor, chapter):
    save_concept(client, chapter, body_nl="Nieuwe tekst.")
    data = form_data(client, change_url(chapter)) | {"_publish": "Publiceren"}
    assert client.post(change_url(chapter), data).status_code == 302

    html = visitor_html(chapter)
    assert "Nieuwe tekst." in html and "Oude tekst." not in html
    assert not Concept.objects.exists()
    revisions = [version.revision for version in Version.objects.get_for_object(chapter)]
    assert revisions[0].comment.startswith("Concept van redacteur") and "gepubliceerd" in revisions[0].comment
    assert revisions[1].comment.startswith("Concept opgeslagen")
    assert revisions[0].user == editor and revisions[1].user == editor
    history = text(parse(client.get(reverse("admin:guidance_page_history", args=[chapter.pk]))))
    assert "Concept opgeslagen" in history and "gepubliceerd" in history


def test_publish_page_shows_what_changes_then_publishes(client, editor, chapter):
    save_concept(client, chapter, body_nl="Nieuwe tekst.")
    url = reverse("admin:guidance_page_concept_publish", args=[chapter.pk])
    confirmation = text(parse(client.get(url)))
    assert "Tekst [nl]: «Oude tekst.» → «Nieuwe tekst.»" in confirmation
    assert client.post(url).status_code == 302
    assert "Nieuwe tekst." in visitor_html(chapter)


def test_list_action_publishes_several_concepts(client, editor, chapter):
    other = PageFactory(title="Psycho-educatie", body="Oud.")
    untouched = PageFactory(title="Zonder concept")
    save_concept(client, chapter, body_nl="Nieuw hoofdstuk drie.")
    save_concept(client, other, body_nl="Nieuw hoofdstuk vier.")
    changelist = reverse("admin:guidance_page_changelist")
    response = client.post(
        changelist,
        {"action": "publish_concepts", "_selected_action": [chapter.pk, other.pk, untouched.pk]},
        follow=True,
    )
    assert "Nieuw hoofdstuk drie." in visitor_html(chapter) and "Nieuw hoofdstuk vier." in visitor_html(other)
    assert not Concept.objects.exists()
    assert "Zonder concept, dus niets gedaan: Zonder concept." in [str(m) for m in response.context["messages"]]


def test_discarding_the_concept_keeps_the_published_page(client, editor, chapter):
    save_concept(client, chapter, body_nl="Nieuwe tekst.")
    url = reverse("admin:guidance_page_concept_discard", args=[chapter.pk])
    assert "Deze wijzigingen gaan verloren" in text(parse(client.get(url)))
    assert client.post(url).status_code == 302
    assert not Concept.objects.exists()
    assert "Oude tekst." in visitor_html(chapter)
    assert client.get(change_url(chapter)).context["adminform"].form["body_nl"].value() == "Oude tekst."
    comments = [v.revision.comment for v in Version.objects.get_for_object(chapter)]
    assert comments[0].startswith("Concept van redacteur") and "verwijderd" in comments[0]


def test_translated_fields_travel_with_the_concept(client, editor, chapter):
    save_concept(client, chapter, title_en="Social support", body_en="New English text.", body_uk="Новий текст.")
    concept = Concept.objects.get()
    assert concept.data["body_en"] == "New English text." and concept.data["body_uk"] == "Новий текст."
    assert "Social support" not in Client().get("/en/handreiking/sociale-steun/").content.decode()
    preview = client.get(f"/en/voorbeeld/pagina/{chapter.pk}/").content.decode()
    assert "Social support" in preview and "New English text." in preview

    client.post(reverse("admin:guidance_page_concept_publish", args=[chapter.pk]))
    chapter.refresh_from_db()
    assert (chapter.title_en, chapter.body_en, chapter.body_uk) == (
        "Social support",
        "New English text.",
        "Новий текст.",
    )
    assert "Новий текст." in Client().get("/uk/handreiking/sociale-steun/").content.decode()


def test_list_filter_shows_everything_with_an_open_concept(client, editor, chapter):
    PageFactory(title="Zonder concept")
    save_concept(client, chapter, body_nl="Nieuwe tekst.")
    changelist = reverse("admin:guidance_page_changelist")
    assert "heeft een concept" in text(parse(client.get(changelist))).lower()
    rows = parse(client.get(changelist, {"concept": "ja"})).select("#result_list tbody tr")
    assert [text(row.select_one("th")) for row in rows] == ["3. Sociale steun"]
    rows = parse(client.get(changelist, {"concept": "nee"})).select("#result_list tbody tr")
    assert [text(row.select_one("th")) for row in rows] == ["Zonder concept"]


def test_a_later_published_change_stays_when_the_concept_left_that_field_alone(client, editor, chapter):
    save_concept(client, chapter, body_nl="Nieuwe tekst.")
    client.post(reverse("admin:guidance_page_changelist"), {"action": "make_draft", "_selected_action": [chapter.pk]})
    client.post(reverse("admin:guidance_page_concept_publish", args=[chapter.pk]))
    chapter.refresh_from_db()
    assert chapter.body == "Nieuwe tekst." and not chapter.is_published


def test_a_concept_of_a_tool_shows_in_the_preview_of_the_tools_page(client, editor):
    tools_page = PageFactory(title="Hulpmiddelen", listing=Page.Listing.TOOLS)
    tool = ToolFactory(name="Kletskaarten", description="Oude uitleg.")
    url = reverse("admin:guidance_tool_change", args=[tool.pk])
    data = form_data(client, url) | {"description_nl": "Nieuwe uitleg.", "_save_concept": "Opslaan als concept"}
    assert client.post(url, data).status_code == 302
    assert "Oude uitleg." in visitor_html(tools_page)
    assert "Nieuwe uitleg." in client.get(reverse("guidance:preview", args=[tools_page.pk])).content.decode()
    client.post(reverse("admin:guidance_tool_concept_publish", args=[tool.pk]))
    assert Tool.objects.get(pk=tool.pk).description == "Nieuwe uitleg."


# Permission


def test_only_editors_with_the_permission_publish(reader, chapter):
    url = change_url(chapter)
    page = parse(reader.get(url))
    assert [button["name"] for button in page.select(".submit-row input[type=submit]")] == ["_save_concept"]
    data = form_data(reader, url)
    assert reader.post(url, data | {"body_nl": "Rechtstreeks."}).status_code == 403
    assert (
        reader.post(url, data | {"body_nl": "Een voorstel.", "_save_concept": "Opslaan als concept"}).status_code == 302
    )

    assert "_publish" not in {button["name"] for button in parse(reader.get(url)).select(".submit-row input")}
    assert reader.post(url, form_data(reader, url) | {"_publish": "Publiceren"}).status_code == 403
    publish_url = reverse("admin:guidance_page_concept_publish", args=[chapter.pk])
    assert reader.get(publish_url).status_code == 403
    assert reader.post(publish_url).status_code == 403
    changelist = reverse("admin:guidance_page_changelist")
    reader.post(changelist, {"action": "publish_concepts", "_selected_action": [chapter.pk]})
    assert Page.objects.get(pk=chapter.pk).body == "Oude tekst." and Concept.objects.exists()


def test_the_editor_group_may_publish(editor):
    assert editor.has_perm("lpo.publish_concept")


# Bad input


def test_a_concept_that_no_longer_validates_is_not_published_and_kept(client, editor, chapter):
    source = SourceFactory(number=5)
    save_concept(client, chapter, body_nl="Lotgenoten helpen.[^5]")
    Source.objects.filter(pk=source.pk).delete()

    response = client.post(reverse("admin:guidance_page_concept_publish", args=[chapter.pk]), follow=True)
    messages = " ".join(str(message) for message in response.context["messages"])
    assert "niet gepubliceerd" in messages and "Deze bronnen staan niet in de literatuurlijst: 5" in messages
    assert "Het concept is bewaard" in messages
    assert Concept.objects.filter(object_id=chapter.pk).exists()
    assert Page.objects.get(pk=chapter.pk).body == "Oude tekst."


def test_a_concept_of_a_page_deleted_meanwhile_is_kept_and_comes_back_with_the_page(client, editor, chapter):
    save_concept(client, chapter, body_nl="Nieuwe tekst.")
    client.post(reverse("admin:guidance_page_delete", args=[chapter.pk]), {"post": "yes"})
    assert not Page.objects.filter(pk=chapter.pk).exists()

    response = client.post(reverse("admin:guidance_page_concept_publish", args=[chapter.pk]), follow=True)
    messages = " ".join(str(message) for message in response.context["messages"])
    assert "intussen verwijderd" in messages and "Het concept is bewaard" in messages
    assert Concept.objects.filter(object_id=chapter.pk).exists()

    version = Version.objects.get_deleted(Page).get()
    recover_url = reverse("admin:guidance_page_recover", args=[version.pk])
    assert client.post(recover_url, form_data(client, recover_url)).status_code == 302
    assert "Oude tekst." in visitor_html(chapter)
    assert client.get(change_url(chapter)).context["adminform"].form["body_nl"].value() == "Nieuwe tekst."


def test_a_form_sent_for_a_page_deleted_meanwhile_keeps_its_text_as_a_concept(client, editor, chapter):
    data = form_data(client, change_url(chapter)) | {"body_nl": "Tekst die niet verloren mag gaan."}
    with reversion.create_revision():
        Page.objects.get(pk=chapter.pk).delete()
    response = client.post(change_url(chapter), data, follow=True)
    messages = " ".join(str(message) for message in response.context["messages"])
    assert "intussen verwijderd" in messages and "bewaard als concept" in messages
    assert Concept.objects.get(object_id=chapter.pk).data["body_nl"] == "Tekst die niet verloren mag gaan."
