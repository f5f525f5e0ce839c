"""The whole site in English and Ukrainian: every page reads in its language, footnotes and search work there,
and no Dutch slips through the interface."""

import re

import pytest

from guidance.markup import render
from guidance.models import Page
from tests.conftest import alternate, crawl, parse, parse_markup, text

pytestmark = pytest.mark.django_db

URL = re.compile(r"(?:https?://|www\.)\S+")
# A Latin word with a capital or a digit in a Ukrainian text is a name or an abbreviation: BAMBOO, PM+, ARQ.
LATIN_NAME = re.compile(r"\b[A-Z0-9][\w+'’.-]*")
# Common Dutch words that are not English words too (so not "is", "in", "over", "of", "die").
DUTCH_WORDS = {
    *("de", "het", "een", "en", "van", "voor", "met", "niet", "zijn", "wordt", "worden", "ook", "naar", "bij"),
    *("dat", "deze", "je", "er", "om", "op", "te", "aan", "als", "hun", "kan", "door", "meer", "zich", "wat"),
    *("nog", "zo", "hoe", "waar", "welke", "hebben", "heeft", "mensen", "kunnen", "zoals"),
}
ENGLISH_WORDS = {
    *("the", "and", "of", "to", "for", "with", "not", "be", "this", "that", "on", "by", "you", "your", "their"),
    *("can", "or", "as", "it", "from", "more", "what", "how", "which", "who", "they", "are", "have", "has"),
    *("people", "such", "when"),
}
# Pages whose main text is the interface's only (.po files), without translated content.
INTERFACE_ONLY = {"/", "/zoeken/", "/kwaliteitstoets/"}


def main_text(page, language):
    """The text of <main> that should be in `language`: without parts marked as another language, or URLs."""
    main = page.select_one("main")
    for element in main.select("[lang]"):
        if element["lang"] != language:
            element.decompose()
    # A fact's sources are named by organisation and domain: names, like URLs.
    for element in main.select(".lpo-fact__source"):
        element.decompose()
    return URL.sub(" ", text(main))


def reads_as(language, main):
    """A small language check: Ukrainian is (nearly) all Cyrillic apart from names; English has English function
    words and hardly any Dutch ones."""
    if language == "uk":
        letters = [char for char in LATIN_NAME.sub(" ", main) if char.isalpha()]
        cyrillic = sum("\u0400" <= char <= "\u04ff" for char in letters)
        return bool(letters) and cyrillic / len(letters) >= 0.9
    words = re.findall(r"[a-zà-ÿ']+", main.lower())
    english = sum(word in ENGLISH_WORDS for word in words)
    dutch = sum(word in DUTCH_WORDS for word in words)
    return bool(words) and english / len(words) >= 0.15 and dutch / len(words) <= 0.02


# The crawl's pages (path: markup), fetched once per run: the real content is the same at the start of every test.
DUTCH_SITE = {}


@pytest.fixture
def dutch_site(client, content):
    """Every Dutch page a crawler reaches, parsed afresh for each test (tests take parts out of a page)."""
    if not DUTCH_SITE:
        DUTCH_SITE.update(crawl(client))
    assert len(DUTCH_SITE) >= 25  # the chapters, their pages, the interventions, the keuzehulp, search …
    return [(path, parse_markup(markup)) for path, markup in DUTCH_SITE.items()]


# The crawled site is checked in each language in three parts, so that no item takes long.
PARTS = 3
LANGUAGE_PARTS = [(language, part) for language in ("en", "uk") for part in range(PARTS)]
over_every_part = pytest.mark.parametrize(
    "language, part", LANGUAGE_PARTS, ids=[f"{language}-{part + 1}" for language, part in LANGUAGE_PARTS]
)


@over_every_part
def test_every_public_page_reads_in_its_language(client, dutch_site, language, part):
    # The literatuurlijst lists the sources as they were published, mostly in Dutch.
    sources = Page.objects.get(listing="sources").get_absolute_url()
    for path, page in dutch_site[part::PARTS]:
        translated = alternate(page, language)
        assert translated.startswith(f"/{language}/"), path
        response = client.get(translated)
        assert response.status_code == 200, translated
        if path != sources:
            assert reads_as(language, main_text(parse(response), language)), translated


def test_the_language_check_does_not_take_dutch_for_english_or_ukrainian(dutch_site):
    for path, page in dutch_site:
        main = main_text(page, "nl")
        assert not reads_as("en", main) and not reads_as("uk", main), path


@over_every_part
def test_review_notice_appears_exactly_on_translated_content_pages_in_the_readers_language(
    client, dutch_site, language, part
):
    # Nobody has reviewed the translations in fixtures/, so every page with translated content says so.
    expected = {"en": "This translation has not been checked yet.", "uk": "Цей переклад ще не перевірено."}
    for path, page in dutch_site[part::PARTS]:
        assert not page.select(".lpo-review-notice"), path
        translated = parse(client.get(alternate(page, language)))
        notices = translated.select("main .lpo-review-notice")
        if path.split("?")[0] in INTERFACE_ONLY:
            assert not notices, path
            continue
        assert len(notices) == 1, path
        assert translated.select_one("main > *") == notices[0], "the notice comes first in <main>"
        assert expected[language] in text(notices[0])
        link = notices[0].select_one("a")
        assert link["href"] == path and link["hreflang"] == "nl"


def footnote_marks(html):
    return re.findall(r'class="footnote-mark"><a href="([^"#]*)#(bron-\d+)"(?: id="[^"]*")? aria-label="([^"]+)"', html)


@pytest.mark.parametrize("language, label", [("en", "source"), ("uk", "джерело")])
def test_footnote_marks_in_translated_texts_link_to_the_same_sources(client, content, language, label):
    paths = [page.get_absolute_url() for page in Page.objects.published().select_related("parent")]
    sources = parse(client.get(Page.objects.get(listing="sources").get_absolute_url()))
    translated_sources = alternate(sources, language)
    anchors = set(re.findall(r'<li id="(bron-\d+)"', client.get(translated_sources).content.decode()))
    compared = 0
    for path in paths:
        response = client.get(path)
        dutch = footnote_marks(response.content.decode())
        if not dutch:
            continue
        translated = footnote_marks(client.get(alternate(parse(response), language)).content.decode())
        assert [anchor for _, anchor, _ in translated] == [anchor for _, anchor, _ in dutch], path
        for target, anchor, aria_label in translated:
            assert target == translated_sources and anchor in anchors
            assert aria_label == f"{label} {anchor.removeprefix('bron-')}"
        compared += len(translated)
    assert compared == 24


def hits(client, query, prefix):
    page = parse(client.get(f"{prefix}/zoeken/", {"q": query}))
    return [item.select_one("h3 a")["href"] for item in page.select(".lpo-search-result")]


def test_search_finds_a_ukrainian_word_on_the_ukrainian_page(client, content):
    assert "/uk/handreiking/het-belang/" in hits(client, "стійкість", "/uk")
    assert "/uk/handreiking/sociale-steun/" in hits(client, "ЕМОЦІЙНА підтримка", "/uk")


@pytest.mark.parametrize(
    "query",
    ["їхньої", "іхньоі", "стійкість", "стіикість", "зв'язків", "зв’язків", "звʼязків", "звязків"],
)
def test_ukrainian_search_matches_with_or_without_diacritics_and_apostrophes(client, content, query):
    assert "/uk/handreiking/het-belang/" in hits(client, query, "/uk")


def test_search_finds_an_english_word_on_the_english_page(client, content):
    assert "/en/handreiking/het-belang/" in hits(client, "volunteer", "/en")  # the text says "volunteers"
    assert "/en/handreiking/sociale-steun/" in hits(client, "emotional support", "/en")


@pytest.mark.parametrize("prefix", ["/en", "/uk"])
def test_english_and_ukrainian_search_also_find_words_only_the_dutch_text_has(client, content, prefix):
    # "vrijwilligers" is only in the Dutch text; the result is the page in the visitor's language.
    assert f"{prefix}/handreiking/het-belang/" in hits(client, "vrijwilligers", prefix)


def test_matches_in_the_visitors_language_come_before_matches_in_dutch_only(client, content):
    # The English texts keep "(statushouders)" at the first mention; some items say it only in Dutch.
    page = parse(client.get("/en/zoeken/", {"q": "statushouders"}))
    marked = [bool(result.select("mark")) for result in page.select(".lpo-search-result")]
    assert True in marked and False in marked
    assert marked == sorted(marked, reverse=True)


@pytest.mark.parametrize(
    "prefix, query, location",
    [
        ("/en", "Rouwmeter", "Tools"),
        ("/uk", "Rouwmeter", "Корисні ресурси"),
        ("/en", "Olff", "Reference list"),
        ("/uk", "Olff", "Список літератури"),
        ("/en", "Meetup", "Guide"),
        ("/uk", "Meetup", "Посібник"),
        ("/en", "BAMBOO", "Interventions"),
    ],
)
def test_search_result_locations_are_in_the_visitors_language(client, content, prefix, query, location):
    page = parse(client.get(f"{prefix}/zoeken/", {"q": query}))
    locations = [text(item) for item in page.select(".lpo-search-result__location")]
    assert location in locations


def test_search_snippets_never_show_html_from_the_texts(client, content):
    # The Ukrainian text of Sociale steun writes <span lang="nl">Rouwmeter</span>.
    page = parse(client.get("/uk/zoeken/", {"q": "Rouwmeter"}))
    snippets = " ".join(text(item) for item in page.select(".lpo-search-result p"))
    assert "Rouwmeter" in snippets
    assert "<span" not in snippets and "lang=" not in snippets


@pytest.mark.parametrize(
    "prefix, title, home",
    [("", "Er ging iets mis", "/"), ("/en", "Something went wrong", "/en/"), ("/uk", "Сталася помилка", "/uk/")],
)
def test_server_error_page_speaks_the_visitors_language(client, content, monkeypatch, prefix, title, home):
    def broken(request):
        raise RuntimeError("geheime details")

    monkeypatch.setattr("guidance.views.page_tree", broken)
    client.raise_request_exception = False
    response = client.get(f"{prefix}/")
    page = parse(response)
    assert response.status_code == 500
    assert page.html["lang"] == (prefix.strip("/") or "nl")
    assert text(page.h1) == title and text(page.title).startswith(title)
    assert page.select_one("main a")["href"] == home
    assert "geheime details" not in response.content.decode()


def test_footnote_label_is_in_the_readers_language():
    from django.utils import translation

    with translation.override("uk"):
        assert 'aria-label="джерело 5"' in render("Текст.[^5]", "/uk/handreiking/lpis/literatuurlijst/")
    assert 'aria-label="bron 5"' in render("Tekst.[^5]", "/handreiking/lpis/literatuurlijst/")
