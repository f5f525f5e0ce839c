"""Tests about the real content in fixtures/: what a newcomer sees after `make run`."""

import itertools
import os
import re
from pathlib import Path

import pytest

from django.core.management import call_command
from django.urls import reverse

from guidance.models import Page, Source, Tool
from interventions.models import Criterion, Fact, Intervention, Tag
from tests.conftest import INTERVENTION_SLUGS, SOURCE_TABLE, parse, text

pytestmark = pytest.mark.django_db

FACTS_FILE = Path(__file__).resolve().parents[2] / "shared" / "facts" / "interventies.md"
CONTENT_MODELS = [Page, Source, Tool, Criterion, Tag, Intervention, Fact]


def counts():
    return {model.__name__: model.objects.count() for model in CONTENT_MODELS}


def test_fixtures_load_into_an_empty_database_twice_without_duplicates():
    assert all(count == 0 for count in counts().values())
    call_command("load_content", verbosity=0)
    first = counts()
    call_command("load_content", verbosity=0)
    assert counts() == first
    assert first["Intervention"] == 5 and first["Criterion"] == 3 and first["Tag"] == 8


def test_load_content_if_empty_keeps_the_editors_changes(content):
    page = Page.objects.get(parent=None, slug="het-belang")
    page.body = "Aangepast door de redactie."
    page.save()
    call_command("load_content", if_empty=True, verbosity=0)
    page.refresh_from_db()
    assert page.body == "Aangepast door de redactie."


def test_intervention_tags_are_exactly_the_source_table(content):
    for criterion, values in SOURCE_TABLE.items():
        for value, slugs in values.items():
            tagged = set(
                Intervention.objects.filter(tags__criterion__slug=criterion, tags__slug=value).values_list(
                    "slug", flat=True
                )
            )
            assert tagged == slugs, (criterion, value)


@pytest.mark.parametrize(
    "choice",
    list(itertools.product(*[[None, *values] for values in SOURCE_TABLE.values()])),
    ids=lambda c: "-".join(v or "geen" for v in c),
)
def test_keuzehulp_on_the_real_content_gives_the_sources_answer(client, content, choice):
    query = {criterion: value for criterion, value in zip(SOURCE_TABLE, choice, strict=True) if value}
    expected = set(INTERVENTION_SLUGS)
    for criterion, value in query.items():
        expected &= SOURCE_TABLE[criterion][value]
    data = client.get(reverse("keuzehulp:api"), query).json()
    assert {r["slug"] for r in data["results"] if r["match"] == "exact"} == expected


def test_home_shows_the_six_chapters_with_their_summaries(client, content):
    cards = parse(client.get(reverse("guidance:home"))).select("main .utrecht-card")
    titles = ["Het belang", "Algemene tips", "Sociale steun", "Psycho-educatie", "LPI's", "Hulpmiddelen"]
    assert [text(card.h3) for card in cards[:6]] == [f"{n}. {title}" for n, title in enumerate(titles, start=1)]
    assert text(cards[1].p) == (
        "Werk aan vertrouwen, signaleer vroegtijdig, voer structureel gesprekken en zet Oekraïense professionals in."
    )
    assert [text(card.h3) for card in cards[6:]] == [
        "Inspiratie uit de praktijk",
        "Over deze site",
        "Interventies vergelijken",
    ]


def public_urls():
    urls = [reverse("guidance:home"), reverse("interventions:list"), reverse("keuzehulp:form")]
    urls += [page.get_absolute_url() for page in Page.objects.published().select_related("parent")]
    urls += [intervention.get_absolute_url() for intervention in Intervention.objects.published()]
    return urls


def test_every_page_renders(client, content):
    for url in public_urls():
        assert client.get(url).status_code == 200, url


def test_every_footnote_mark_links_to_an_entry_that_exists(client, content):
    sources_url = Page.objects.get(listing="sources").get_absolute_url()
    sources_html = client.get(sources_url).content.decode()
    anchors = set(re.findall(r'<li id="(bron-\d+)"', sources_html))
    assert len(anchors) == Source.objects.count()
    marks = 0
    for url in public_urls():
        for target, anchor in re.findall(
            r'class="footnote-mark"><a href="([^"#]*)#(bron-\d+)"', client.get(url).content.decode()
        ):
            assert target == sources_url and anchor in anchors, (url, anchor)
            marks += 1
    assert marks == 24  # 9 in Het belang, 15 in Sociale steun, as in the source texts


def test_every_source_is_listed_once_and_cited_somewhere(client, content):
    html = client.get(Page.objects.get(listing="sources").get_absolute_url()).content.decode()
    for source in Source.objects.all():
        entry = re.search(rf'<li id="{source.anchor}".*?</li>', html, re.S).group(0)
        assert "Genoemd op:" in entry, source
    titles = [source.title for source in Source.objects.all()]
    assert len(titles) == len(set(titles))


SEED_SENTENCES = {
    "/handreiking/het-belang/": "Het wegvallen hiervan is in sommige gevallen zelfs een belangrijkere bron",
    "/handreiking/sociale-steun/": "Via apps als Meetup kunnen mensen met elkaar verbinden",
    "/handreiking/lpis/overwegingen/": "bied de interventie dan liever niet aan",
    "/handreiking/algemene-tips/tips-voor-gemeenten/": "Sleutelpersonen zijn deskundige verbinders",
    "/handreiking/inspiratie-uit-de-praktijk/psychosociale-coaches-rode-kruis/": "minder incidenten op de opvanglocaties",
}


@pytest.mark.parametrize("url, sentence", SEED_SENTENCES.items())
def test_source_texts_are_on_the_site(client, content, url, sentence):
    assert sentence in client.get(url).content.decode()


@pytest.mark.parametrize("url", ["/handreiking/psycho-educatie/", "/handreiking/algemene-tips/"])
def test_chapters_without_source_text_say_the_text_follows(client, content, url):
    assert "De volledige tekst van dit hoofdstuk volgt." in client.get(url).content.decode()


def test_tools_named_by_the_sources_are_listed(client, content):
    html = client.get("/handreiking/hulpmiddelen/").content.decode()
    for name in ["Net in Nederland", "Rouwmeter", "MIRROR-V", "Protect-vragen", "Movisie", "ARQ Academy", "Meetup"]:
        assert name in html, name


@pytest.fixture
def checked_facts():
    """The checked facts file from ../shared. CI always has it: there a missing file fails, never skips."""
    if not FACTS_FILE.exists():
        message = f"The checked facts file is missing: {FACTS_FILE} (../shared beside the clone)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return FACTS_FILE.read_text()


def test_every_link_in_the_content_is_a_checked_address(content, checked_facts):
    checked = checked_facts
    # The facts file gives the LOOP site once and its pages as paths under it.
    checked += " ".join("https://loketoekrainepsh.nl" + path for path in re.findall(r"(/informatie/[\w/-]+/)", checked))
    links = [tool.url for tool in Tool.objects.exclude(url="")]
    links += [source.url for source in Source.objects.exclude(url="")]
    links += [i.website for i in Intervention.objects.exclude(website="")]
    links += [url for fact in Fact.objects.all() for url in fact.source_urls]
    links += [page.source_url for page in Page.objects.exclude(source_url="")]
    for url in links:
        assert url in checked, url


def test_footer_links_to_accessibility_privacy_and_colofon(client, content):
    footer = parse(client.get(reverse("keuzehulp:form"))).select_one("footer")
    links = {text(a): a["href"] for a in footer.select("a")}
    for title in ["Toegankelijkheid", "Privacy", "Colofon"]:
        assert client.get(links[title]).status_code == 200
    assert "WCAG 2.2" in client.get(links["Toegankelijkheid"]).content.decode()
