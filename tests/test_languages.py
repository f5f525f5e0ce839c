"""Dutch at the root, English under /en/, Ukrainian under /uk/; untranslated content falls back and is marked."""

from pathlib import Path

import pytest

from django.urls import reverse
from django.utils import translation

from tests.conftest import parse, text
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = {"nl": "", "en": "/en", "uk": "/uk"}
SKIP_LINK = {"nl": "Naar de inhoud", "en": "Skip to content", "uk": "Перейти до основного вмісту"}
PAGES = [
    "/",
    "/handreiking/sociale-steun/",
    "/handreiking/lpis/overwegingen/",
    "/handreiking/lpis/literatuurlijst/",
    "/handreiking/hulpmiddelen/",
    "/interventies/",
    "/interventies/pm-plus/",
    "/keuzehulp/",
    "/keuzehulp/?leeftijd=ouders-gezin&vorm=individueel",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_kind_of_page_renders_in_each_language_with_the_right_lang(client, content, language, path):
    response = client.get(LANGUAGES[language] + path)
    page = parse(response)
    assert response.status_code == 200
    assert page.html["lang"] == language
    assert text(page.select_one(".utrecht-skip-link")) == SKIP_LINK[language]
    hreflangs = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate]")}
    assert set(hreflangs) == {"nl", "en", "uk", "x-default"}
    assert hreflangs["en"].endswith("/en" + path) and hreflangs["nl"].endswith(path)


def test_language_switcher_keeps_the_keuzehulp_answers(client, content):
    page = parse(client.get("/keuzehulp/?leeftijd=kinderen&vorm=groep"))
    links = {a["hreflang"]: a for a in page.select(".lpo-lang-nav a")}
    assert links["uk"]["href"] == "/uk/keuzehulp/?leeftijd=kinderen&vorm=groep"
    assert links["uk"]["lang"] == "uk" and text(links["uk"]) == "Українська"
    assert links["nl"]["aria-current"] == "true"


def test_missing_translation_shows_dutch_marked_as_not_translated(client):
    PageFactory(number=3, title="Sociale steun", slug="sociale-steun", body="Alleen in het Nederlands.")
    page = parse(client.get("/en/handreiking/sociale-steun/"))
    title = page.h1.select_one('[lang="nl"]')
    assert text(title) == "Sociale steun"
    assert text(page.h1.select_one(".lpo-untranslated")) == "(in Dutch)"
    assert page.select_one('.utrecht-html[lang="nl"]')
    assert "This text has not been translated yet." in text(page.select_one(".utrecht-alert"))
    # Visible to everyone, in the menu too: the page behind the link is in Dutch.
    nav_item = page.select_one("nav.utrecht-nav-bar a")
    assert nav_item.select_one('[lang="nl"]') and text(nav_item).endswith("(in Dutch)")
    assert not page.select(".lpo-untranslated .lpo-visually-hidden, .lpo-untranslated [aria-hidden]")


def test_dutch_titles_of_sources_and_tools_get_no_note(client, content):
    page = parse(client.get("/en/handreiking/inspiratie-uit-de-praktijk/psychosociale-coaches-rode-kruis/"))
    origin = page.select_one(".lpo-origin a")
    assert not origin.select(".lpo-untranslated")
    tools = parse(client.get("/en/handreiking/hulpmiddelen/"))
    names = tools.select(".lpo-card h2")
    assert names and not any(name.select(".lpo-untranslated") for name in names)


def test_translated_content_is_shown_without_a_mark(client):
    chapter = PageFactory(number=1, title="Het belang", slug="het-belang", body="Nederlandse tekst.")
    chapter.title_en, chapter.summary_en, chapter.body_en = "Why it matters", "Why support matters.", "English text."
    chapter.save()
    page = parse(client.get("/en/handreiking/het-belang/"))
    assert text(page.h1) == "1. Why it matters"
    assert not page.select('main [lang="nl"]')
    assert text(page.select_one(".utrecht-html")) == "English text."
    assert text(parse(client.get("/handreiking/het-belang/")).h1) == "1. Het belang"


def test_keuzehulp_is_fully_usable_in_ukrainian(client, content):
    page = parse(client.get("/uk/keuzehulp/", {"leeftijd": "ouders-gezin", "vorm": "individueel"}))
    legends = [text(legend) for legend in page.select("legend")]
    assert legends[0] == "Для якої цільової групи ви шукаєте інтервенцію?"
    labels = [text(label) for label in page.select("#vraag-leeftijd label")]
    assert labels == [
        "Не має значення",
        "Дорослі (18+)",
        "Підлітки (12–18 років)",
        "Діти (до 12 років)",
        "Батьки та сім'я",
    ]
    assert text(page.select_one("main form button[type=submit]")) == "Показати відповідні інтервенції"
    assert "Жодна інтервенція не відповідає всім вибраним характеристикам" in text(page)
    first = page.select_one('[data-match="partial"]')
    assert first["data-intervention"] == "mind-spring"
    assert "Не збігається: форма (Індивідуально)." in text(first)
    assert first.select_one("h4 a")["href"] == "/uk/interventies/mind-spring/"
    assert not page.select('main [lang="nl"]')


def test_keuzehulp_errors_are_in_the_visitors_language(client, content):
    response = client.get("/en/keuzehulp/", {"leeftijd": ["kinderen", "jongeren"]})
    assert response.status_code == 400
    assert text(parse(response).select_one("#fout-leeftijd")) == (
        "Choose one answer to this question; you gave more than one."
    )
    api = client.get("/uk/api/keuzehulp/", {"vorm": "x"})
    assert api.json() == {"errors": {"vorm": ["Виберіть одну з відповідей на це запитання."]}}


def test_json_labels_follow_the_language(client, content):
    data = client.get("/en/api/keuzehulp/", {"leeftijd": "kinderen"}).json()
    assert data["results"][0]["matched"] == [
        {"criterion": "leeftijd", "value": "kinderen", "label": "Children (up to 12 years)"}
    ]
    assert data["results"][0]["url"].endswith("/en/interventies/bamboo/")


def test_admin_shows_the_translations_side_by_side(admin_client, content):
    page_pk = parse(admin_client.get(reverse("admin:guidance_page_changelist"))).select_one("#result_list tbody a")[
        "href"
    ]
    form = parse(admin_client.get(page_pk))
    for field in ["title", "summary", "body"]:
        assert [bool(form.select_one(f"[name={field}_{code}]")) for code in LANGUAGES] == [True, True, True]


def test_admin_stays_dutch_outside_the_language_prefixes(admin_client):
    response = admin_client.get("/beheer/")
    assert parse(response).html["lang"] == "nl"
    assert admin_client.get("/en/beheer/").status_code == 404


@pytest.mark.parametrize("language", ["en", "uk"])
def test_interface_translation_files_are_complete(language):
    po = (Path(__file__).resolve().parents[1] / "locale" / language / "LC_MESSAGES" / "django.po").read_text()
    entries = po.split("\n\n")[1:]
    assert entries
    for entry in entries:
        assert "#, fuzzy" not in entry, entry
        assert 'msgstr ""\n' not in entry + "\n" or 'msgstr ""\n"' in entry + "\n", entry


def test_interface_strings_are_translated_at_runtime():
    for language, expected in [("en", "Decision aid"), ("uk", "Помічник вибору")]:
        with translation.override(language):
            assert translation.gettext("Keuzehulp") == expected


def test_editor_translates_a_keuzehulp_label_in_the_admin_and_the_ukrainian_keuzehulp_shows_it(admin_client, content):
    from interventions.models import Tag

    tag = Tag.objects.get(criterion__slug="vorm", slug="groep")
    url = reverse("admin:interventions_tag_change", args=[tag.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["label_uk"] = "Групова форма"
    assert admin_client.post(url, data).status_code == 302
    labels = [text(label) for label in parse(admin_client.get("/uk/keuzehulp/")).select("#vraag-vorm label")]
    assert labels[-1] == "Групова форма"
