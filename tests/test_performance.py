"""Queries per request stay bounded, cached pages are fresh after every save, pages stay light."""

import gzip
import re

import pytest

from django.contrib.staticfiles import finders
from django.urls import reverse

from guidance.models import Page
from interventions.models import Intervention, Tag
from tests.conftest import parse
from tests.factories import InterventionFactory, PageFactory

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/handreiking/het-belang/",
    "/handreiking/sociale-steun/",
    "/handreiking/lpis/",
    "/handreiking/lpis/overwegingen/",
    "/handreiking/lpis/literatuurlijst/",
    "/handreiking/hulpmiddelen/",
    "/interventies/",
    "/interventies/pm-plus/",
    "/keuzehulp/",
    "/keuzehulp/?leeftijd=kinderen&doel=mentaal-welzijn&vorm=groep",
    "/keuzehulp/?leeftijd=ouders-gezin&vorm=individueel",
    "/api/keuzehulp/?leeftijd=kinderen",
    "/en/handreiking/sociale-steun/",
    "/uk/keuzehulp/?vorm=groep",
]


@pytest.fixture
def many(content):
    """5 000 interventions and 50 more pages, made by factory-boy, on top of the real content."""
    tags = list(Tag.objects.all())
    interventions = Intervention.objects.bulk_create(InterventionFactory.build_batch(5000))
    Through = Intervention.tags.through
    Through.objects.bulk_create(
        Through(intervention_id=intervention.pk, tag_id=tags[(i + j) % len(tags)].pk)
        for i, intervention in enumerate(interventions)
        for j in range(3)
    )
    lpis = Page.objects.get(parent=None, slug="lpis")
    Page.objects.bulk_create(
        PageFactory.build_batch(25) + [PageFactory.build(parent=lpis, number=10 + n) for n in range(25)]
    )


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_page_needs_at_most_4_queries(client, content, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200


def test_query_count_does_not_grow_with_5000_interventions_and_50_pages(client, many, django_assert_max_num_queries):
    # One test for all URLs: making the 5 000 interventions is the slow part.
    for url in PUBLIC_URLS:
        with django_assert_max_num_queries(4):
            response = client.get(url)
        assert response.status_code == 200, url
    data = client.get("/api/keuzehulp/", {"leeftijd": "ouders-gezin", "vorm": "individueel"}).json()
    assert len(data["results"]) > 1000
    assert {r["match"] for r in data["results"]} <= {"exact", "partial"}

    # Long lists come in pages, so that every page stays light.
    for url in ["/keuzehulp/?vorm=groep", "/interventies/", "/handreiking/lpis/"]:
        assert len(gzip.compress(client.get(url).content)) < 40_000, url
    result = parse(client.get("/keuzehulp/?vorm=groep&pagina=2"))
    assert len(result.select('[data-match="exact"]')) == 20
    assert result.select_one("nav.utrecht-pagination a[rel=next]")["href"] == "?vorm=groep&pagina=3"
    table = parse(client.get("/interventies/"))
    assert len(table.select("thead th[scope=col]")) == 6
    assert table.select_one("nav.utrecht-pagination a[rel=next]")["href"] == "?pagina=2"


def test_second_visit_is_served_from_the_cache_without_queries(client, content, django_assert_num_queries):
    first = client.get("/handreiking/sociale-steun/")
    with django_assert_num_queries(0):
        second = client.get("/handreiking/sociale-steun/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_cache_is_invalidated_when_an_editor_saves(client, admin_client, content):
    url = "/handreiking/sociale-steun/"
    assert "Nieuwe alinea van de redactie." not in client.get(url).content.decode()
    page = Page.objects.get(parent=None, slug="sociale-steun")
    change = reverse("admin:guidance_page_change", args=[page.pk])
    form = admin_client.get(change).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["body_nl"] = page.body_nl + "\n\nNieuwe alinea van de redactie."
    assert admin_client.post(change, data).status_code == 302
    assert "Nieuwe alinea van de redactie." in client.get(url).content.decode()


def test_cache_is_invalidated_when_tags_change(client, content):
    url = "/api/keuzehulp/?leeftijd=ouders-gezin"
    assert [r["slug"] for r in client.get(url).json()["results"]] == ["mind-spring"]
    Intervention.objects.get(slug="bamboo").tags.add(Tag.objects.get(slug="ouders-gezin"))
    assert [r["slug"] for r in client.get(url).json()["results"]] == ["bamboo", "mind-spring"]


def test_cache_is_invalidated_when_content_is_deleted(client, content):
    assert client.get("/interventies/mindfit/").status_code == 200
    Intervention.objects.get(slug="mindfit").delete()
    assert client.get("/interventies/mindfit/").status_code == 404


def test_editors_see_the_live_site_not_the_cache(admin_client, client, content):
    client.get("/")
    Page.objects.filter(slug="sociale-steun").update(title_nl="Stil gewijzigd")  # no signal: the cache is stale
    assert "Stil gewijzigd" not in client.get("/").content.decode()
    assert "Stil gewijzigd" in admin_client.get("/").content.decode()


def test_unchanged_page_answers_304_to_its_etag(client, content):
    etag = client.get("/keuzehulp/").headers["ETag"]
    assert client.get("/keuzehulp/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/keuzehulp/").headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("url", ["/", "/handreiking/sociale-steun/"])
def test_html_is_compressed_first_visit_and_cached(client, content, url):
    for _ in range(2):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert b"<html" in gzip.decompress(response.content)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_page_transfers_at_most_60_kb_compressed(client, content, url):
    html = client.get(url).content
    total = len(gzip.compress(html))
    if url.startswith("/api/"):
        assert total < 60_000
        return
    page = parse(client.get(url))
    assert not page.select("script[src], img, link[rel=preload]"), "count every asset the page loads"
    for link in page.select("link[rel=stylesheet]"):
        path = finders.find(re.sub(r"^/static/", "", link["href"]))
        with open(path, "rb") as stylesheet:
            total += len(gzip.compress(stylesheet.read()))
    assert total <= 60_000, total


def test_short_lists_have_no_pagination(client, content):
    for url in ["/interventies/", "/keuzehulp/", "/handreiking/lpis/"]:
        assert not parse(client.get(url)).select("nav.utrecht-pagination"), url


def test_public_pages_set_no_cookie(client, content):
    for url in PUBLIC_URLS:
        assert not client.get(url).cookies, url
