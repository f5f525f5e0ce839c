"""Tests about the real content in fixtures/: what a newcomer sees after `make run`."""

import itertools
import os
import re
from pathlib import Path

import pytest

from django.core.management import call_command
from django.urls import reverse

from guidance.models import Page, Source, Tool
from interventions.models import Criterion, Fact, FactSource, Intervention, Tag
from lpo.names import domain, looks_like_address
from tests.conftest import INTERVENTION_SLUGS, SOURCE_TABLE, parse, text

pytestmark = pytest.mark.django_db

SHARED = Path(__file__).resolve().parents[2] / "shared"
FACTS_FILE = SHARED / "facts" / "interventies.md"
LOOP_FILE = SHARED / "facts" / "loop-paginas.md"
SEEDS = SHARED / "seeds"


@pytest.fixture
def shared_files():
    """The seeds and checked facts from ../shared. CI always has them: there a missing file fails, never skips."""
    if not (FACTS_FILE.exists() and LOOP_FILE.exists() and SEEDS.exists()):
        message = f"The seeds and checked facts are missing: {SHARED} (../shared beside the clone)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


needs_shared = pytest.mark.usefixtures("shared_files")
CONTENT_MODELS = [Page, Source, Tool, Criterion, Tag, Intervention, Fact, FactSource]


def counts():
    return {model.__name__: model.objects.count() for model in CONTENT_MODELS}


def test_fixtures_load_a_second_time_without_duplicates(content):
    # `content` is load_content run once on the empty test database.
    first = counts()
    assert first["Intervention"] == 5 and first["Criterion"] == 3 and first["Tag"] == 8
    call_command("load_content", verbosity=0)
    assert counts() == first


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


def test_tools_named_by_the_sources_are_listed(client, content):
    html = client.get("/handreiking/hulpmiddelen/").content.decode()
    for name in ["Net in Nederland", "Rouwmeter", "MIRROR-V", "Protect-vragen", "Movisie", "ARQ Academy", "Meetup"]:
        assert name in html, name


@needs_shared
def test_every_link_in_the_content_is_a_checked_address(content):
    checked = FACTS_FILE.read_text() + LOOP_FILE.read_text()
    # The facts file gives the LOOP site once and its pages as paths under it.
    checked += " ".join("https://loketoekrainepsh.nl" + path for path in re.findall(r"(/informatie/[\w/-]+/)", checked))
    links = [tool.url for tool in Tool.objects.exclude(url="")]
    links += [source.url for source in Source.objects.exclude(url="")]
    links += [i.website for i in Intervention.objects.exclude(website="")]
    links += [source.url for source in FactSource.objects.all()]
    links += [page.source_url for page in Page.objects.exclude(source_url="")]
    # Links written in the texts themselves (Markdown), in every language.
    for page in Page.objects.all():
        for field in ("lead", "body"):
            for code in ("nl", "en", "uk"):
                links += re.findall(r"\]\((https?://[^)\s]+)\)", getattr(page, f"{field}_{code}") or "")
    assert len(links) > 60
    for url in links:
        assert url in checked, url


def test_footer_links_to_accessibility_privacy_and_colofon(client, content):
    footer = parse(client.get(reverse("keuzehulp:form"))).select_one("footer")
    links = {text(a): a["href"] for a in footer.select("a")}
    for title in ["Toegankelijkheid", "Privacy", "Colofon"]:
        assert client.get(links[title]).status_code == 200
    assert "WCAG 2.2" in client.get(links["Toegankelijkheid"]).content.decode()


# Fidelity to the sources (issue 13): what the pages say is what the seeds and the checked facts say.

LOOP_GUIDE = "https://loketoekrainepsh.nl/informatie/laagdrempelige-ondersteuning/keuzehulp/"


def every_public_page():
    """Every public page, with the keuzehulp, the kwaliteitstoets and search answering; in English and Ukrainian
    the pages whose links and headings come from translations (the interventions, the tools, a text elsewhere)."""
    urls = public_urls() + [
        reverse("keuzehulp:kwaliteitstoets"),
        reverse("keuzehulp:kwaliteitstoets")
        + "?meerwaarde_hiaat=ja&meerwaarde_ontlast=nee&bewijs=2&cultuur_oekrainers=ja&cultuur_behoeften=nee"
        + "&uitvoerders=1",
        reverse("keuzehulp:form") + "?leeftijd=jongeren&doel=mentaal-welzijn&vorm=individueel",
        reverse("guidance:search") + "?q=steun",
    ]
    translated = [url for url in urls if url.startswith(("/interventies/", "/keuzehulp/"))]
    translated += ["/handreiking/hulpmiddelen/", "/handreiking/algemene-tips/", "/handreiking/lpis/overwegingen/"]
    return urls + [f"/{code}{url}" for code in ("en", "uk") for url in translated]


def loop_address(title):
    """The verified address that loop-paginas.md gives for the original with this title."""
    for row in LOOP_FILE.read_text().splitlines():
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if title in cells:
            return next(cell for cell in cells if cell.startswith("https://"))
    raise LookupError(title)


def test_every_fact_source_is_shown_by_its_title_and_domain(client, content):
    assert FactSource.objects.count() == 56
    facts_file = FACTS_FILE.read_text() if FACTS_FILE.exists() else ""
    for source in FactSource.objects.all():
        assert source.title and not looks_like_address(source.title), source.url
        if facts_file:  # the organisation as the facts file names it, or else the domain: never invented
            assert source.title == domain(source.url) or source.title in facts_file, source.title
    for intervention in Intervention.objects.all():
        page = parse(client.get(intervention.get_absolute_url()))
        facts = page.select(".lpo-fact")
        assert len(facts) == intervention.facts.count()
        for fact in facts:
            links = fact.select(".lpo-fact__source a")
            assert links, text(fact)
            for link in links:
                source = FactSource.objects.filter(url=link["href"]).first()
                assert text(link) == source.title
                if source.title != domain(source.url):
                    assert f"{source.title} ({domain(source.url)})" in text(fact)


def pages_in(language):
    prefix = "" if language == "nl" else f"/{language}/"
    return [
        url for url in every_public_page() if (url.startswith(prefix) if prefix else url[:4] not in ("/en/", "/uk/"))
    ]


# A test over every public page comes as several items of about ten pages each (the Dutch pages in three parts),
# so that no item takes long; together they are every_public_page().
DUTCH_PARTS = 3
PAGE_SETS = [("nl", part) for part in range(DUTCH_PARTS)] + [("en", 0), ("uk", 0)]


def page_set(language, part):
    return pages_in(language)[part :: DUTCH_PARTS if language == "nl" else 1]


over_every_page = pytest.mark.parametrize(
    "language, part", PAGE_SETS, ids=[f"{language}-{part + 1}" for language, part in PAGE_SETS]
)


def test_the_page_sets_are_every_public_page_once(content):
    in_sets = [url for language, part in PAGE_SETS for url in page_set(language, part)]
    assert sorted(in_sets) == sorted(every_public_page())
    assert len(in_sets) == len(set(in_sets)) > 45


@over_every_page
def test_every_page_renders(client, content, language, part):
    for url in page_set(language, part):
        assert client.get(url).status_code == 200, url


@over_every_page
def test_no_link_on_any_public_page_reads_as_a_web_address(client, content, language, part):
    checked = 0
    for url in page_set(language, part):
        response = client.get(url)
        assert response.status_code == 200, url
        for link in parse(response).select("a[href]"):
            label = text(link) or link.get("aria-label", "")
            assert label, (url, link)
            assert not looks_like_address(label), (url, label)
            assert label != link["href"], (url, label)
            checked += 1
    assert checked > 100


@over_every_page
def test_no_public_page_skips_a_heading_level(client, content, language, part):
    for url in page_set(language, part):
        page = parse(client.get(url))
        main = [int(h.name[1]) for h in page.select_one("main").find_all(re.compile(r"^h[1-6]$"))]
        assert main[0] == 1, url
        # The whole page, header and footer too; a header's h2 (such as the language menu) may precede the h1.
        levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
        for previous, level in itertools.pairwise([1, *levels]):
            assert level <= previous + 1, (url, previous, level)


@needs_shared
@pytest.mark.parametrize(
    "path, original",
    [
        ("/handreiking/algemene-tips/", "Handreiking LPO, Algemene tips"),
        ("/handreiking/psycho-educatie/", "Handreiking LPO, Psycho-educatie"),
        ("/handreiking/lpis/het-belang/", "Het belang van psychosociale interventies"),
        ("/handreiking/lpis/implementatie/", "De implementatie van psychosociale interventies"),
        ("/handreiking/lpis/financiering/", "Keuzehulp voor inzet van psychosociale interventies"),
    ],
)
def test_page_without_text_in_the_sources_links_exactly_its_original(client, content, path, original):
    page = parse(client.get(path))
    notice = page.select_one(".lpo-elsewhere")
    assert "Lees verder op de oorspronkelijke site" in text(notice)
    [link] = notice.select("a")
    assert link["href"] == loop_address(original)
    assert text(link) == original
    assert "(loketoekrainepsh.nl)" in text(notice)


def test_every_page_with_its_text_elsewhere_names_and_links_the_original(content):
    elsewhere = [page for page in Page.objects.all() if page.text_elsewhere]
    assert len(elsewhere) >= 5
    for page in elsewhere:
        assert page.source_url and page.original_title, page


@over_every_page
def test_no_page_says_its_text_follows(client, content, language, part):
    for url in page_set(language, part):
        html = text(parse(client.get(url)))
        for dead_end in ["tekst volgt", "volgt nog", "tekst van dit hoofdstuk volgt"]:
            assert dead_end not in html.lower(), (url, dead_end)


@needs_shared
def test_loop_beslisboom_is_among_the_hulpmiddelen(client, content):
    tool = Tool.objects.get(pk=19)
    assert tool.name == "Beslisboom psychosociale hulp" and tool.organisation == "LOOP"
    assert tool.url == loop_address("Beslisboom psychosociale hulp (LOOP)")
    cards = {text(card.h2): card for card in parse(client.get("/handreiking/hulpmiddelen/")).select(".utrecht-card")}
    assert cards["Beslisboom psychosociale hulp"].h2.a["href"] == tool.url


@needs_shared
def test_our_website_in_the_sources_is_loops_website_and_links_it(client, content):
    assert "Op onze website kun je meer vinden" in (SEEDS / "000_51f229bf8d6dee16.txt").read_text()
    assert loop_address("Keuzehulp voor inzet van psychosociale interventies") == LOOP_GUIDE
    for path, sentence in [
        ("/handreiking/lpis/", "kun je meer vinden over het belang en de financiering van LPI’s"),
        ("/handreiking/lpis/overwegingen/", "voor beschrijvingen van interventies"),
    ]:
        body = parse(client.get(path)).select_one(".utrecht-html:not(.lpo-lead)")
        paragraph = next(p for p in body.select("p") if sentence in text(p))
        assert "deze website" not in text(paragraph) and "onze website" not in text(paragraph)
        assert [(text(a), a["href"]) for a in paragraph.select("a")] == [("website van LOOP", LOOP_GUIDE)]


SOURCE_HEADINGS = [
    ("h4", "Voor welke doelgroep zoek je een interventie?"),
    ("h4", "Voor welk doel zoek je een interventie?"),
    ("h4", "Privacy en vertrouwelijkheid vs. sociale steun"),
    ("h4", "Gerichte aanpak vs. meer algemeen"),
    ("h4", "Flexibiliteit in planning"),
    ("h4", "Kosten"),
]


def test_the_sources_headings_are_headings(client, content):
    page = parse(client.get("/handreiking/lpis/overwegingen/"))
    headings = [(h.name, text(h)) for h in page.select("main h2, main h3, main h4")]
    for heading in SOURCE_HEADINGS:
        assert heading in headings, heading
    assert not page.select("main strong"), "a heading of the source set as bold text"
    # Each sits under its overweging (h3), which sits under the page's part (h2).
    assert headings.index(("h3", "Overweging 1: leeftijd")) < headings.index(SOURCE_HEADINGS[0])
    assert headings.index(("h3", "Overweging 3: individueel of groepsgewijs")) < headings.index(SOURCE_HEADINGS[2])
    keuzehulp = parse(client.get("/handreiking/lpis/keuzehulp/"))
    assert [text(h) for h in keuzehulp.select(".utrecht-html h2")] == ["Leeftijd", "Doel", "Vorm"]


@needs_shared
@pytest.mark.parametrize(
    "path, nav_title, original, seed",
    [
        (
            "/handreiking/algemene-tips/tips-voor-gemeenten/",
            "Tips voor gemeenten: best practices",
            "Handreiking Veerkrachtige statushouders",
            "002_a8ab291a906ddd93.txt",
        ),
        (
            "/handreiking/inspiratie-uit-de-praktijk/psychosociale-coaches-rode-kruis/",
            "Psychosociale coaches van het Rode Kruis in Amsterdam-Amstelland",
            "Het belang van psychosociale zorg voor vluchtelingen",
            "003_cd9605961a675be2.txt",
        ),
        (
            "/handreiking/lpis/overwegingen/",
            "De overwegingen",
            "Inhoudelijke overwegingen en kwaliteitscriteria",
            "004_73d1e6c4647c4f6f.txt",
        ),
    ],
)
def test_page_shows_the_sources_own_title_under_its_short_title(client, content, path, nav_title, original, seed):
    assert original in [line.strip() for line in (SEEDS / seed).read_text().splitlines()]  # a title line there
    page = parse(client.get(path))
    assert text(page.h1).endswith(nav_title)
    subtitle = page.h1.find_next_sibling()
    assert "lpo-original-title" in subtitle["class"]
    assert text(subtitle) == f"Oorspronkelijke titel: {original}"
    assert text(page.select_one(".utrecht-breadcrumb-nav [aria-current=page]")) == nav_title


@needs_shared
def test_veerkrachtige_statushouders_has_its_teaser_and_project_sentence_and_names_its_publication(client, content):
    seed = " ".join((SEEDS / "002_a8ab291a906ddd93.txt").read_text().split())
    project = "Op deze pagina leest u meer over dit project."
    teaser = "Hoe kunnen gemeenten de psychosociale ondersteuning aan statushouders bevorderen?"
    assert project in seed and teaser + " In deze handreiking vindt u een samenvatting van de best practices." in seed
    page = parse(client.get("/handreiking/algemene-tips/tips-voor-gemeenten/"))
    texts = " ".join(text(div) for div in page.select("main .utrecht-html"))
    assert texts.startswith(
        f"{teaser} In de Handreiking Veerkrachtige statushouders vindt u een samenvatting van de best practices."
    )
    assert project in texts
    assert "niet naar deze site" in texts  # the note that 'deze pagina' is the original's, not this site's
    # Every mention of "de/deze handreiking" names the publication, so no reader takes it for this site.
    assert re.findall(r"\b(?:de|deze) handreiking\b(?! Veerkrachtige statushouders)", texts, re.I) == []
    assert texts.count("Handreiking Veerkrachtige statushouders") == 5


@needs_shared
def test_7roses_facts_say_only_what_the_facts_file_says(content):
    facts_file = FACTS_FILE.read_text()
    section = facts_file[facts_file.index("## 7ROSES") : facts_file.index("## PM+")]
    assert "empowerment method" in section and "own strength" not in section
    for fact in Fact.objects.filter(intervention__slug="7roses"):
        assert "eigen kracht" not in fact.text_nl, fact.pk
    assert Fact.objects.get(pk=402).text_nl == "Empowerment."


@needs_shared
@pytest.mark.parametrize(
    "slug, label",
    [
        ("mindfit", "Nieuwsbericht over MindFit (vluchtelingenwerk.nl)"),
        ("pm-plus", "Beschrijving van PM+ in een databank (mhinnovation.net)"),
        ("mind-spring", "Website van Mind-Spring (migratie.arq.org)"),
        ("7roses", "Website van 7ROSES (7roses.arq.org)"),
    ],
)
def test_website_link_says_what_kind_of_page_it_is(client, content, slug, label):
    intervention = Intervention.objects.get(slug=slug)
    website = parse(client.get(intervention.get_absolute_url())).select_one(".lpo-website")
    assert text(website) == label
    assert website.a["href"] == intervention.website
    assert intervention.website in FACTS_FILE.read_text()


def test_pm_plus_page_and_keuzehulp_explain_jongeren_against_volwassenen(client, content):
    pm_plus = Intervention.objects.get(slug="pm-plus")
    assert pm_plus.tags.filter(slug="jongeren").exists()  # as the source's table says
    assert "voor volwassenen" in Fact.objects.get(pk=501).text_nl  # as its developers say
    note = (
        "De keuzehulp volgt de handreiking en noemt PM+ ook voor jongeren (12-18 jaar); de WHO, die PM+ ontwikkelde, "
        "beschrijft het programma voor volwassenen."
    )
    assert text(parse(client.get(pm_plus.get_absolute_url())).select_one(".lpo-note")) == note
    result = parse(client.get(reverse("keuzehulp:form"), {"leeftijd": "jongeren"}))
    assert text(result.select_one('[data-intervention="pm-plus"] .lpo-note')) == note
    assert not result.select('[data-intervention="bamboo"] .lpo-note')


def test_practice_page_marks_the_lessons_as_this_sites_summary(client, content):
    page = parse(client.get("/handreiking/inspiratie-uit-de-praktijk/psychosociale-coaches-rode-kruis/"))
    headings = [text(h2) for h2 in page.select(".utrecht-html h2")]
    assert headings[-1] == "Wat andere locaties hieruit kunnen halen (samenvatting van deze site)"
    assert "Lessen voor andere locaties" not in headings
