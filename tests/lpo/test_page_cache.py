"""The page cache: one entry per page whatever the URL carries, HTTP revalidation as browsers and proxies expect,
fresh pages after every commit."""

import gzip
import time

import pytest

from django.core.cache import cache
from django.db import transaction

from guidance.models import Page
from lpo import page_cache
from lpo.page_cache import PublicPageCacheMiddleware, accepts_gzip, content_generation
from tests.conftest import parse, text
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db

CHAPTER = "/handreiking/sociale-steun/"


def entries():
    """How many pages the (local memory) cache holds."""
    return sum(":lpo:page:" in key for key in cache._cache)


def test_tracking_parameters_share_the_pages_entry(client, content, django_assert_num_queries):
    client.get(CHAPTER, {"utm_source": "nieuwsbrief"})
    with django_assert_num_queries(0):
        response = client.get(CHAPTER, {"utm_source": "facebook", "fbclid": "abc"})
    assert response.status_code == 200
    assert "utm_source" not in response.content.decode()


def test_a_stream_of_junk_urls_adds_no_entries(client, content):
    client.get(CHAPTER)
    client.get("/keuzehulp/", {"vorm": "groep"})
    before = entries()
    for n in range(200):
        assert client.get(CHAPTER, {f"junk{n}": n, "utm_source": n}).status_code == 200
        assert client.get("/keuzehulp/", {"vorm": "groep", "utm_campaign": n}).status_code == 200
    assert entries() == before


def test_parameters_in_another_order_share_one_entry(client, content, django_assert_num_queries):
    first = client.get("/keuzehulp/?vorm=groep&leeftijd=jongeren")
    with django_assert_num_queries(0):
        second = client.get("/keuzehulp/?leeftijd=jongeren&vorm=groep&utm_source=x")
    assert second.content == first.content


def test_a_form_sent_without_answers_is_not_the_form_unsent(client, content):
    unsent = parse(client.get("/keuzehulp/"))
    sent = parse(client.get("/keuzehulp/?leeftijd=&doel=&vorm="))
    assert text(sent.title) != text(unsent.title)


def test_links_on_the_page_carry_only_what_the_page_reads(client, content):
    page = parse(client.get("/keuzehulp/", {"vorm": "groep", "utm_source": "mail"}))
    assert all("utm_source" not in a["href"] for a in page.select("a[href]"))


@pytest.mark.parametrize("query", ["pagina=01", "pagina=999", "pagina=x", "vorm=groep&pagina=0"])
def test_values_the_view_does_not_take_as_they_are_are_answered_not_stored(client, content, query):
    before = entries()
    assert client.get(f"/keuzehulp/?{query}").status_code == 200
    assert entries() == before


def test_search_results_are_not_stored(client, content):
    before = entries()
    for word in ["rouw", "steun", "vrijwilligers"]:
        assert client.get("/zoeken/", {"q": word}).status_code == 200
    assert entries() == before


def test_the_scheme_is_part_of_the_key(client, content):
    secure = parse(client.get(CHAPTER, secure=True))
    assert secure.select_one("meta[property='og:url']")["content"].startswith("https://")
    plain = parse(client.get(CHAPTER))
    assert plain.select_one("meta[property='og:url']")["content"] == f"http://testserver{CHAPTER}"
    api = client.get("/api/keuzehulp/", secure=True).json()
    assert api["results"][0]["url"].startswith("https://")
    assert client.get("/api/keuzehulp/").json()["results"][0]["url"].startswith("http://testserver/")


@pytest.mark.parametrize("fresh", [True, False], ids=["first-answer", "from-cache"])
def test_gzip_and_identity_are_two_representations_with_strong_etags(client, content, fresh):
    if not fresh:
        client.get(CHAPTER)
    zipped = client.get(CHAPTER, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(CHAPTER, HTTP_ACCEPT_ENCODING="identity")
    assert zipped["Content-Encoding"] == "gzip" and not plain.has_header("Content-Encoding")
    assert gzip.decompress(zipped.content) == plain.content
    assert zipped["ETag"] != plain["ETag"]
    assert not zipped["ETag"].startswith("W/") and not plain["ETag"].startswith("W/")
    assert "Accept-Encoding" in zipped["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert zipped["Content-Length"] == str(len(zipped.content))


@pytest.mark.parametrize(
    "if_none_match",
    ["{etag}", "W/{etag}", '"ouder", {etag}', "*"],
    ids=["exact", "weak-form", "in-a-list", "star"],
)
def test_revalidation_answers_304(client, content, if_none_match):
    etag = client.get(CHAPTER, HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    response = client.get(CHAPTER, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=if_none_match.format(etag=etag))
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""


def test_a_changed_page_answers_200_to_an_old_etag(client, content, django_capture_on_commit_callbacks):
    etag = client.get(CHAPTER, HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        page = Page.objects.get(parent=None, slug="sociale-steun")
        page.summary_nl = "Een nieuwe samenvatting."
        page.save()
    response = client.get(CHAPTER, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("header", "gzipped"),
    [
        ("gzip", True),
        ("gzip;q=0", False),
        ("gzip;q=0, identity", False),
        ("br, gzip;q=0.5", True),
        ("*", True),
        ("*, gzip;q=0", False),
        ("identity", False),
        ("", False),
        ("GZIP ; q=1.0", True),
        ("gzip;q=abc", False),
    ],
)
def test_quality_values_decide_gzip(rf, header, gzipped):
    assert accepts_gzip(rf.get("/", HTTP_ACCEPT_ENCODING=header)) is gzipped


@pytest.mark.parametrize("fresh", [True, False], ids=["first-answer", "from-cache"])
def test_gzip_refused_with_q_0_is_not_sent(client, content, fresh):
    if not fresh:
        client.get(CHAPTER)
    response = client.get(CHAPTER, HTTP_ACCEPT_ENCODING="gzip;q=0")
    assert not response.has_header("Content-Encoding")
    assert b"<html" in response.content


def test_head_has_headers_but_no_body(client, content):
    get = client.get(CHAPTER, HTTP_ACCEPT_ENCODING="gzip")
    head = client.head(CHAPTER, HTTP_ACCEPT_ENCODING="gzip")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"] and head["Content-Length"] == get["Content-Length"]


def test_content_generation_moves_only_when_the_change_is_committed(db, django_capture_on_commit_callbacks):
    """A visitor rendering between an editor's save and its commit reads the old rows: the generation must not
    have moved yet, or the old page would be stored under the new generation for an hour."""
    before = content_generation()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            PageFactory(title="Nieuw hoofdstuk")
            assert content_generation() == before
        assert content_generation() == before
    assert content_generation() != before


def test_a_rolled_back_save_leaves_the_cached_pages(db, django_capture_on_commit_callbacks):
    before = content_generation()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                PageFactory(title="Wordt teruggedraaid")
                raise RuntimeError
        except RuntimeError:
            pass
    assert content_generation() == before


# The worker's own recent pages (page_cache._recent), in front of the shared cache.


def test_a_page_served_again_comes_from_the_workers_recent_pages_without_the_shared_cache(client, content):
    first = client.get(CHAPTER)
    stored = [key for key in cache._cache if ":lpo:page:" in key]
    for key in stored:
        cache._cache.pop(key)  # gone from the shared cache, as if another server's Redis had evicted it
    again = client.get(CHAPTER)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert not [key for key in cache._cache if ":lpo:page:" in key]  # not rendered and stored anew


def test_a_flushed_shared_cache_never_brings_back_a_page_from_before_a_change(client, content):
    client.get(CHAPTER)
    Page.objects.filter(parent=None, slug="sociale-steun").update(title_nl="Een titel van na de flush")
    cache.clear()  # the counter of the content generation goes too: it must not start again where it was
    assert "Een titel van na de flush" in text(parse(client.get(CHAPTER)).h1)


def test_the_workers_recent_pages_stay_bounded(client, content, monkeypatch):
    monkeypatch.setattr(page_cache, "RECENT_LIMIT", 3)
    monkeypatch.setattr(page_cache, "_recent", {})
    for path in ["/", CHAPTER, "/handreiking/het-belang/", "/interventies/", "/keuzehulp/", "/handreiking/lpis/"]:
        assert client.get(path).status_code == 200
        assert len(page_cache._recent) <= 3
    assert page_cache._recent


def test_a_recent_page_expires_when_the_shared_cache_lets_it_go(client, content, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 60
    monkeypatch.setattr(page_cache, "_recent", {})
    now = [time.time()]
    monkeypatch.setattr(page_cache.time, "time", lambda: now[0])
    client.get(CHAPTER)
    [key] = page_cache._recent
    assert PublicPageCacheMiddleware.recent(key) is not None
    now[0] += 59
    assert PublicPageCacheMiddleware.recent(key) is not None
    now[0] += 2  # the page's 60 seconds are over, also for a worker that took it from the shared cache later
    assert PublicPageCacheMiddleware.recent(key) is None
