"""Search finds chapters, interventions, hulpmiddelen and sources by any word, ignoring case and accents."""

import pytest

from guidance.models import Page
from lpo.search import fold, plain, stems
from tests.conftest import parse, text

pytestmark = pytest.mark.django_db


def hits(client, query, prefix=""):
    page = parse(client.get(f"{prefix}/zoeken/", {"q": query}))
    return [(item["data-kind"], item.select_one("h3 a")["href"]) for item in page.select(".lpo-search-result")]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Meetup", ("page", "/handreiking/sociale-steun/")),
        ("MEETUP", ("page", "/handreiking/sociale-steun/")),
        ("oekraine", ("intervention", "/interventies/pm-plus/")),  # the text says Oekraïne
        ("vroegsignalering", ("page", "/handreiking/algemene-tips/tips-voor-gemeenten/")),
        (
            "psychosociale coaches",
            ("page", "/handreiking/inspiratie-uit-de-praktijk/psychosociale-coaches-rode-kruis/"),
        ),
        ("Rouwmeter", ("tool", "/handreiking/hulpmiddelen/")),
        ("Olff", ("source", "/handreiking/lpis/literatuurlijst/#bron-7")),
        ("bijeenkomsten", ("intervention", "/interventies/bamboo/")),
    ],
)
def test_search_finds_every_kind_of_content(client, content, query, expected):
    assert expected in hits(client, query)


def test_dutch_word_forms_match(client, content):
    # "vrijwilliger" finds pages that say "vrijwilligers"; "ontheemde" finds "ontheemden".
    assert ("page", "/handreiking/het-belang/") in hits(client, "vrijwilliger")
    assert ("page", "/handreiking/het-belang/") in hits(client, "ontheemde")


def test_a_word_from_every_chapter_with_text_finds_that_chapter(client, content):
    for page in Page.objects.published().exclude(body_nl=""):
        # A word of the text as readers see it: the address of a Markdown link is no word of the text.
        word = max(plain(page.body_nl).split()[:40], key=len).strip(".,;:()“”’'[]^0123456789")
        assert page.get_absolute_url() in [url for _, url in hits(client, word)], (page.slug, word)


def test_results_show_title_location_and_highlighted_snippet(client, content):
    page = parse(client.get("/zoeken/", {"q": "Meetup"}))
    first = page.select_one(".lpo-search-result")
    assert text(first.h3) == "Sociale steun"
    assert text(first.select_one(".lpo-search-result__location")) == "Handreiking"
    assert [text(mark) for mark in first.select("p mark")] == ["Meetup"]


def test_empty_and_absurd_queries_give_a_helpful_page(client, content, django_assert_max_num_queries):
    empty = parse(client.get("/zoeken/"))
    assert "Typ een of meer woorden" in text(empty)
    assert not empty.select(".lpo-search-result")
    for query in ["xqzwv", "!!!", "%%%", "<script>alert(1)</script>", "a" * 5000, "\x00\x1b"]:
        with django_assert_max_num_queries(2):
            response = client.get("/zoeken/", {"q": query})
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()
    assert "Je zoekvraag was erg lang" in text(parse(client.get("/zoeken/", {"q": "a" * 5000})))
    assert "Niets gevonden" in text(parse(client.get("/zoeken/", {"q": "xqzwv"})))


def test_drafts_are_not_found_and_edits_are_found_at_once(client, content):
    page = Page.objects.get(parent=None, slug="sociale-steun")
    page.is_published = False
    page.save()
    assert ("page", "/handreiking/sociale-steun/") not in hits(client, "Meetup")
    page.is_published = True
    page.body_nl += "\n\nEen woord als zebrapad."
    page.save()
    assert ("page", "/handreiking/sociale-steun/") in hits(client, "zebrapad")


def test_search_works_in_every_language(client, content):
    assert ("page", "/en/handreiking/sociale-steun/") in hits(client, "Meetup", "/en")
    assert ("page", "/uk/handreiking/sociale-steun/") in hits(client, "Meetup", "/uk")


def test_search_box_is_in_the_header_of_every_page(client, content):
    for url in ["/", "/keuzehulp/", "/interventies/pm-plus/"]:
        form = parse(client.get(url)).select_one("header form[role=search]")
        assert form["action"] == "/zoeken/" and form.select_one("label[for=zoeken-kop]")


def test_plain_text_for_the_index_has_no_html_or_markdown():
    assert plain('Zie <span lang="nl">Rouwmeter</span> en **[ARQ](https://arq.org)**.[^5]<br>&amp; meer') == (
        "Zie Rouwmeter en ARQ . & meer"
    )


def test_folding_treats_ukrainian_letters_and_apostrophes_alike_in_texts_and_queries():
    assert fold("Їхньої СТІЙКОСТІ") == fold("іхньоі стіикості")
    assert stems("сім'я, сім’я, сімʼя", "uk") == ["сімя", "сімя", "сімя"]
    assert stems("LPI's", "nl") == stems("LPIs", "nl")


def test_folding_drops_every_accent_and_keeps_every_other_character():
    assert fold("Coördinatie, café, Ångström, naïef, ÇA") == "coordinatie, cafe, angstrom, naief, ca"
    assert fold("Ūnïcödé 😀 — 42 € ½") == "unicode 😀 — 42 € 1⁄2"
    assert fold("") == fold(None) == ""
