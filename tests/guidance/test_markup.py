import re

from bs4 import BeautifulSoup

from guidance.markup import footnote_numbers, render


def test_markdown_keeps_headings_lists_links_and_emphasis():
    html = render("## Kop\n\nTekst met *nadruk* en **sterk**.\n\n- een\n- twee\n\n[ARQ](https://arq.org)")
    assert "<h2>Kop</h2>" in html
    assert "<em>nadruk</em>" in html and "<strong>sterk</strong>" in html
    assert "<ul>\n<li>een</li>" in html
    assert '<a href="https://arq.org" rel="noopener">ARQ</a>' in html


def test_script_event_handlers_and_javascript_links_never_reach_the_page():
    html = render(
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n'
        '[klik](javascript:alert(3))\n\n<a href="javascript:alert(4)">b</a>'
    )
    assert "<script" not in html and "alert(1)" not in html
    assert "onerror" not in html and "<img" not in html
    assert "javascript:" not in html


def test_footnote_marks_become_links_to_the_literatuurlijst():
    html = render("Zo werkt het.[^12]", "/handreiking/lpis/literatuurlijst/")
    assert (
        '<sup class="footnote-mark"><a href="/handreiking/lpis/literatuurlijst/#bron-12" id="noot-12" '
        'aria-label="bron 12">12</a></sup>' in html
    )


def test_every_footnote_mark_on_a_page_has_its_own_id():
    marks = {}
    lead = render("Eerst.[^5]", "/bronnen/", marks)
    body = render("Dan.[^5] En.[^7] Weer.[^5]", "/bronnen/", marks)
    ids = re.findall(r'id="([^"]+)"', lead + body)
    assert ids == ["noot-5", "noot-5-2", "noot-7", "noot-5-3"]


def test_footnote_numbers_are_read_from_text():
    assert footnote_numbers("a.[^5] b.[^12] c.[^5] [^x]") == {5, 12}


def test_footnote_marks_inside_attributes_stay_text():
    html = render('[ARQ](https://arq.org/x?a=[^3] "titel met [^4] en > teken") en tekst.[^5]', "/bronnen/")
    page = BeautifulSoup(html, "html.parser")
    link = page.select_one('a[rel="noopener"]')
    assert link["title"] == "titel met [^4] en > teken"
    assert "[^3]" in link["href"]
    assert [a["href"] for a in page.select("sup.footnote-mark a")] == ["/bronnen/#bron-5"]
    assert not page.select("a sup") and not page.select("a a")


def test_a_word_marked_as_dutch_keeps_its_language():
    html = render('Зверніться до <span lang="nl">Slachtofferhulp</span> або <span lang="en-GB">Red Cross</span>.')
    assert '<span lang="nl">Slachtofferhulp</span>' in html
    assert '<span lang="en-GB">Red Cross</span>' in html


def test_a_span_keeps_only_a_valid_lang():
    html = render(
        '<span onclick="alert(1)" lang="nl" style="color:red" class="x">a</span> '
        '<span lang="nl&quot; onmouseover=&quot;alert(2)">b</span> <span lang="javascript:alert(3)">c</span>'
    )
    assert "onclick" not in html and "alert" not in html and "style" not in html and "class" not in html
    assert html.count('lang="') == 1 and '<span lang="nl">a</span>' in html
