import re

import pytest

from django.urls import reverse

from guidance.models import Page
from tests.factories import PageFactory, SourceFactory, ToolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapters():
    return [
        PageFactory(number=number, order=number, title=f"Hoofdstuk {number}", slug=f"hoofdstuk-{number}")
        for number in (1, 2, 3)
    ]


def test_home_lists_chapters_with_number_title_and_summary(client, chapters):
    html = client.get(reverse("guidance:home")).content.decode()
    for chapter in chapters:
        assert f'<span class="card__number">{chapter.number}.</span> {chapter.title}</a>' in html
        assert chapter.summary in html
    assert html.index("Hoofdstuk 1") < html.index("Hoofdstuk 2") < html.index("Hoofdstuk 3")


def test_chapter_page_shows_text_and_previous_and_next_chapter(client, chapters):
    response = client.get(chapters[1].get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>" in html and "Hoofdstuk 2</h1>" in html
    assert "<p>Een alinea tekst.</p>" in html
    assert re.search(r'href="/handreiking/hoofdstuk-1/" rel="prev">.*Hoofdstuk 1', html)
    assert re.search(r'href="/handreiking/hoofdstuk-3/" rel="next">.*Hoofdstuk 3', html)
    assert chapters[0].summary in html and chapters[2].summary in html


def test_first_chapter_has_no_previous_link(client, chapters):
    html = client.get(chapters[0].get_absolute_url()).content.decode()
    assert 'rel="prev"' not in html
    assert 'rel="next"' in html


def test_chapter_without_text_shows_summary_and_says_text_follows(client):
    page = PageFactory(number=4, title="Psycho-educatie", slug="psycho-educatie", body="")
    html = client.get(page.get_absolute_url()).content.decode()
    assert page.summary in html
    assert "De volledige tekst van dit hoofdstuk volgt." in html


def test_chapter_with_text_does_not_say_text_follows(client, chapters):
    assert "tekst van dit hoofdstuk volgt" not in client.get(chapters[0].get_absolute_url()).content.decode()


def test_subpage_lives_under_its_chapter_with_breadcrumbs(client, chapters):
    sub = PageFactory(parent=chapters[0], slug="overwegingen", title="De overwegingen", number=3)
    response = client.get("/handreiking/hoofdstuk-1/overwegingen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert sub.get_absolute_url() == "/handreiking/hoofdstuk-1/overwegingen/"
    assert '<li><a href="/handreiking/hoofdstuk-1/">Hoofdstuk 1</a></li>' in html
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
    assert f'href="{chapters[0].get_absolute_url()}">{chapters[0].title}</a>' in entry


def test_hulpmiddelen_page_lists_tools_with_link_only_when_known(client):
    page = PageFactory(number=6, slug="hulpmiddelen", title="Hulpmiddelen", body="", listing="tools")
    ToolFactory(name="Protect-vragen", url="https://www.pharos.nl/protect", languages="Nederlands")
    ToolFactory(name="Meetup", url="")
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<a href="https://www.pharos.nl/protect">Protect-vragen</a>' in html
    assert "Meetup" in html and 'href="https://www.meetup' not in html
    assert "Nog geen gecontroleerd webadres." in html
    assert "De volledige tekst" not in html


def test_page_says_where_its_text_comes_from(client):
    page = PageFactory(source_title="Handreiking LPO (LOOP)", source_url="https://loketoekrainepsh.nl/")
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'Bron van deze tekst:\n        <a href="https://loketoekrainepsh.nl/">Handreiking LPO (LOOP)</a>' in html


def test_navigation_lists_the_chapters_on_every_page(client, chapters):
    html = client.get(reverse("keuzehulp:form")).content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    assert [f"{c.number}. {c.title}" for c in chapters] == re.findall(r">(\d\. Hoofdstuk \d)</a>", nav)


def test_pages_declare_dutch(client, chapters):
    assert '<html lang="nl">' in client.get(chapters[0].get_absolute_url()).content.decode()


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
