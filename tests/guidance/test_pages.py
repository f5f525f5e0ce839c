import re

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from guidance.models import Page
from tests.conftest import parse, text
from tests.factories import PageFactory, SourceFactory, ToolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapters():
    return [
        PageFactory(number=number, order=number, title=f"Hoofdstuk {number}", slug=f"hoofdstuk-{number}")
        for number in (1, 2, 3)
    ]


def test_home_lists_chapters_with_number_title_and_summary(client, chapters):
    cards = parse(client.get(reverse("guidance:home"))).select("main .utrecht-card")
    assert [(text(card.h3), text(card.p)) for card in cards[:3]] == [
        (f"{chapter.number}. {chapter.title}", chapter.summary) for chapter in chapters
    ]
    assert [card.a["href"] for card in cards[:3]] == [chapter.get_absolute_url() for chapter in chapters]


def test_chapter_page_shows_text_and_previous_and_next_chapter(client, chapters):
    response = client.get(chapters[1].get_absolute_url())
    page = parse(response)
    assert response.status_code == 200
    assert text(page.h1) == "2. Hoofdstuk 2"
    assert text(page.select_one(".utrecht-html p")) == "Een alinea tekst."
    previous, following = page.select_one("a[rel=prev]"), page.select_one("a[rel=next]")
    assert previous["href"] == "/handreiking/hoofdstuk-1/" and "Hoofdstuk 1" in text(previous)
    assert following["href"] == "/handreiking/hoofdstuk-3/" and "Hoofdstuk 3" in text(following)
    assert chapters[0].summary in text(previous) and chapters[2].summary in text(following)


def test_first_chapter_has_no_previous_link(client, chapters):
    html = client.get(chapters[0].get_absolute_url()).content.decode()
    assert 'rel="prev"' not in html
    assert 'rel="next"' in html


ORIGINAL = "https://loketoekrainepsh.nl/informatie/laagdrempelige-ondersteuning/handreiking-lpo/psycho-educatie/"


def test_chapter_without_text_shows_summary_and_links_the_original(client):
    page = PageFactory(
        number=4,
        title="Psycho-educatie",
        slug="psycho-educatie",
        body="",
        original_title="Handreiking LPO, Psycho-educatie",
        source_url=ORIGINAL,
    )
    html = parse(client.get(page.get_absolute_url()))
    assert page.summary in text(html)
    notice = html.select_one(".lpo-elsewhere")
    assert text(notice) == (
        "Hierboven staat alleen de samenvatting. Lees verder op de oorspronkelijke site: "
        "Handreiking LPO, Psycho-educatie (loketoekrainepsh.nl)"
    )
    assert [(text(a), a["href"]) for a in notice.select("a")] == [("Handreiking LPO, Psycho-educatie", ORIGINAL)]
    assert "volgt" not in text(html)
    # The original's title is the link; it is not repeated as a subtitle.
    assert not html.select(".lpo-original-title")


def test_link_to_a_dutch_original_is_marked_dutch_in_other_languages(client):
    page = PageFactory(body="", slug="psycho-educatie", original_title="Handreiking LPO, Psycho-educatie")
    page.source_url = ORIGINAL
    page.save()
    url = page.get_absolute_url()
    assert not parse(client.get(url)).select_one(".lpo-elsewhere a").has_attr("lang")
    link = parse(client.get("/en" + url)).select_one(".lpo-elsewhere a")
    assert link["lang"] == "nl" and link["href"] == ORIGINAL


def test_chapter_with_text_does_not_link_elsewhere(client, chapters):
    assert not parse(client.get(chapters[0].get_absolute_url())).select(".lpo-elsewhere")


def test_published_page_without_text_must_name_and_link_its_original():
    page = PageFactory.build(body="", listing="")
    with pytest.raises(ValidationError, match="linkt naar het origineel"):
        page.full_clean()
    page.source_url, page.original_title = ORIGINAL, "Handreiking LPO, Psycho-educatie"
    page.full_clean()
    PageFactory.build(body="", draft=True).full_clean()  # a draft may wait for its text
    PageFactory.build(body="", listing="tools").full_clean()  # a list is content of its own


def test_page_shows_the_sources_own_title_under_its_title(client):
    page = PageFactory(title="Tips voor gemeenten", original_title="Handreiking Veerkrachtige statushouders")
    other = PageFactory()
    assert not parse(client.get(other.get_absolute_url())).select(".lpo-original-title")
    html = parse(client.get(page.get_absolute_url()))
    subtitle = html.h1.find_next_sibling()
    assert text(subtitle) == "Oorspronkelijke titel: Handreiking Veerkrachtige statushouders"
    assert subtitle.cite and not subtitle.cite.has_attr("lang")
    english = parse(client.get("/en" + page.get_absolute_url())).select_one(".lpo-original-title cite")
    assert english["lang"] == "nl"  # a Dutch title stays Dutch, marked as such


def test_subpage_lives_under_its_chapter_with_breadcrumbs(client, chapters):
    sub = PageFactory(parent=chapters[0], slug="overwegingen", title="De overwegingen", number=3)
    response = client.get("/handreiking/hoofdstuk-1/overwegingen/")
    crumbs = parse(response).select("nav.utrecht-breadcrumb-nav li")
    assert response.status_code == 200
    assert sub.get_absolute_url() == "/handreiking/hoofdstuk-1/overwegingen/"
    assert [text(crumb) for crumb in crumbs] == ["Voorpagina", "Hoofdstuk 1", "De overwegingen"]
    assert crumbs[1].a["href"] == "/handreiking/hoofdstuk-1/"
    assert crumbs[2].select_one("[aria-current=page]")
    assert client.get("/handreiking/hoofdstuk-2/overwegingen/").status_code == 404


def test_chapter_page_lists_its_subpages(client, chapters):
    PageFactory(parent=chapters[0], slug="financiering", title="De financiering", summary="Zo betaal je het.")
    html = client.get(chapters[0].get_absolute_url()).content.decode()
    assert 'href="/handreiking/hoofdstuk-1/financiering/"' in html
    assert "Zo betaal je het." in html


def test_draft_page_is_invisible_to_visitors(client, chapters):
    draft = PageFactory(draft=True, number=9, slug="concept", title="Conceptpagina")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Conceptpagina" not in client.get(reverse("guidance:home")).content.decode()


def test_unknown_page_gives_404(client):
    assert client.get("/handreiking/bestaat-niet/").status_code == 404


def test_footnote_mark_links_to_its_entry_on_the_literatuurlijst(client, chapters):
    lpi = chapters[2]
    sources_page = PageFactory(parent=lpi, slug="literatuurlijst", title="Literatuurlijst", body="", listing="sources")
    SourceFactory(number=5, author="ARQ", year="2022", title="Psychosociale hulpverlening")
    chapters[0].body = "Sociale steun is belangrijk.[^5]"
    chapters[0].save()

    html = client.get(chapters[0].get_absolute_url()).content.decode()
    link = re.search(r'<sup class="footnote-mark"><a href="([^"#]+)#(bron-5)"[^>]*>5</a></sup>', html)
    assert link, html
    assert link.group(1) == sources_page.get_absolute_url()

    sources_html = client.get(link.group(1)).content.decode()
    entry = re.search(r'<li id="bron-5".*?</li>', sources_html, re.S).group(0)
    assert "ARQ (2022)." in entry and "Psychosociale hulpverlening" in entry
    # "Genoemd op" links back to the mark itself, not to the top of the chapter.
    assert f'href="{chapters[0].get_absolute_url()}#noot-5">{chapters[0].title}</a>' in entry
    assert 'id="noot-5"' in html


def test_hulpmiddelen_page_lists_tools_with_link_only_when_known(client):
    page = PageFactory(number=6, slug="hulpmiddelen", title="Hulpmiddelen", body="", listing="tools")
    ToolFactory(name="Protect-vragen", url="https://www.pharos.nl/protect", languages="Nederlands")
    ToolFactory(name="Meetup", url="")
    cards = {text(card.h2): card for card in parse(client.get(page.get_absolute_url())).select(".utrecht-card")}
    assert cards["Protect-vragen"].h2.a["href"] == "https://www.pharos.nl/protect"
    assert "Talen Nederlands" in text(cards["Protect-vragen"])
    assert cards["Meetup"].h2.a is None
    assert "Nog geen gecontroleerd webadres." in text(cards["Meetup"])
    assert not parse(client.get(page.get_absolute_url())).select(".lpo-elsewhere")


def test_page_says_where_its_text_comes_from(client):
    page = PageFactory(source_title="Handreiking LPO (LOOP)", source_url="https://loketoekrainepsh.nl/")
    origin = parse(client.get(page.get_absolute_url())).select_one(".lpo-origin")
    assert text(origin) == "Bron van deze tekst: Handreiking LPO (LOOP) (loketoekrainepsh.nl)"
    assert origin.a["href"] == "https://loketoekrainepsh.nl/" and text(origin.a) == "Handreiking LPO (LOOP)"


def test_navigation_lists_the_chapters_on_every_page(client, chapters):
    nav = parse(client.get(reverse("keuzehulp:form"))).select_one("nav.utrecht-nav-bar")
    assert [text(link) for link in nav.select("a")] == [f"{c.number}. {c.title}" for c in chapters] + ["Keuzehulp"]
    assert nav.select_one("[aria-current=page]").get_text() == "Keuzehulp"


def test_pages_declare_dutch(client, chapters):
    assert parse(client.get(chapters[0].get_absolute_url())).html["lang"] == "nl"


def test_page_with_unknown_source_mark_cannot_be_saved():
    page = PageFactory.build(body="Tekst.[^99]")
    with pytest.raises(Exception, match="99"):
        page.full_clean()


def test_page_cannot_sit_three_levels_deep(chapters):
    sub = PageFactory(parent=chapters[0])
    deeper = PageFactory.build(parent=sub)
    with pytest.raises(Exception, match="twee niveaus"):
        deeper.full_clean()


def test_chapters_queryset_holds_only_numbered_top_level_pages(chapters):
    PageFactory(parent=chapters[0], number=1)
    PageFactory(number=None)
    assert list(Page.objects.chapters()) == chapters


def test_untranslated_title_of_a_source_text_is_marked_dutch_without_a_note(client):
    PageFactory(number=1, slug="het-belang", source_title="Handreiking LPO", source_url="https://example.nl/")
    html = parse(client.get("/en/handreiking/het-belang/")).select_one(".lpo-origin a")
    assert str(html.span) == '<span lang="nl">Handreiking LPO</span>'
    assert not html.select(".lpo-untranslated")


def test_literatuurlijst_marks_the_language_of_each_title(client):
    page = PageFactory(number=5, slug="literatuurlijst", body="", listing="sources")
    SourceFactory(number=7, title="Bonding after trauma", url="https://example.org/olff", language="en")
    SourceFactory(number=8, title="Wat werkt bij sociaal en gezond?")
    entries = parse(client.get(page.get_absolute_url())).select(".lpo-sources li")
    english, dutch = entries[0].select_one("a"), entries[1].select_one("cite")
    assert (english["lang"], english["hreflang"], text(english)) == ("en", "en", "Bonding after trauma")
    assert (dutch["lang"], text(dutch)) == ("nl", "Wat werkt bij sociaal en gezond?")


def test_the_dutch_book_title_in_the_english_footer_is_marked_dutch(client):
    footer = parse(client.get("/en/")).select_one("footer p")
    assert text(footer).startswith("The texts come from the Handreiking laagdrempelige")
    assert footer.cite["lang"] == "nl" and text(footer.cite).startswith("Handreiking laagdrempelige")
