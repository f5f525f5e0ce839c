"""Queries per request stay bounded, cached pages are fresh after every save, pages stay light."""

import gzip
import re

import pytest

from django.contrib.staticfiles import finders
from django.db import connection, transaction
from django.urls import reverse

from guidance.models import Page
from interventions.models import Intervention, Tag
from tests.conftest import parse
from tests.factories import PageFactory

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


def insert_rows(model, rows):
    """Plain INSERTs with every other column at its default: with modeltranslation, making 5 000 model objects
    and saving them with bulk_create costs seconds; the rows are the same."""
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    defaults = {field.attname: field.get_default() for field in fields}
    values = [list((defaults | row).values()) for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY, PostgreSQL's bulk load: a tenth of the time of 20 000 INSERTs.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            # Table and column names come from the model, the values are parameters.
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", values)  # noqa: S608
        if connection.vendor == "postgresql":
            # Statistics for the planner: without them it takes the tables for as small as they were and joins
            # 15 000 rows by nested loops, for seconds per page.
            cursor.execute(f"ANALYZE {table}")


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_page_needs_at_most_4_queries(client, content, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200


@pytest.fixture(scope="class")
def _many_rows(_loaded_content, django_db_blocker):
    """5 000 interventions (three tags each) and 50 more pages on top of the real content, inserted once for the
    tests of a class in a savepoint of their own, and rolled back after the last of them."""
    with django_db_blocker.unblock():
        savepoint = transaction.savepoint()
        tags = list(Tag.objects.values_list("pk", flat=True))
        insert_rows(
            Intervention,
            (
                {"name": f"Interventie {n}", "name_nl": f"Interventie {n}", "slug": f"interventie-{n}"}
                for n in range(5000)
            ),
        )
        new = Intervention.objects.filter(slug__startswith="interventie-").values_list("pk", flat=True)
        insert_rows(
            Intervention.tags.through,
            (
                {"intervention_id": pk, "tag_id": tags[(i + j) % len(tags)]}
                for i, pk in enumerate(new.order_by("pk"))
                for j in range(3)
            ),
        )
        lpis = Page.objects.get(parent=None, slug="lpis")
        Page.objects.bulk_create(
            PageFactory.build_batch(25) + [PageFactory.build(parent=lpis, number=10 + n) for n in range(25)]
        )
    yield
    with django_db_blocker.unblock():
        transaction.savepoint_rollback(savepoint)


@pytest.fixture
def many(_many_rows, content):
    yield
    # A test case checks all deferred foreign keys before it rolls back (on PostgreSQL, 20 000 of them, for
    # seconds); marked for rollback, it skips that.
    transaction.set_rollback(True)


class TestWith5000Interventions:
    @pytest.mark.parametrize("url", PUBLIC_URLS)
    def test_query_count_does_not_grow_with_5000_interventions_and_50_pages(
        self, client, many, django_assert_max_num_queries, url
    ):
        with django_assert_max_num_queries(4):
            response = client.get(url)
        assert response.status_code == 200, url

    def test_the_api_answers_with_every_match_among_5000_interventions_in_light_pages(self, client, many):
        url = "/api/keuzehulp/?leeftijd=ouders-gezin&vorm=individueel"
        first = client.get(url)
        data = first.json()
        assert data["count"] > 1000 and len(data["results"]) == 50
        assert data["pages"] == -(-data["count"] // 50)
        assert len(gzip.compress(first.content)) < 13_000  # less than the site's stylesheet
        last = client.get(f"{url}&pagina={data['pages']}").json()
        assert len(last["results"]) == data["count"] - 50 * (data["pages"] - 1)
        assert last["next"] is None
        assert {r["match"] for r in data["results"] + last["results"]} <= {"exact", "partial"}

    # Long lists come in pages, so that every page stays light.
    @pytest.mark.parametrize("url", ["/keuzehulp/?vorm=groep", "/interventies/", "/handreiking/lpis/"])
    def test_long_results_come_in_light_pages_with_5000_interventions(self, client, many, url):
        assert len(gzip.compress(client.get(url).content)) < 40_000, url

    def test_the_keuzehulp_shows_5000_interventions_20_at_a_time(self, client, many):
        result = parse(client.get("/keuzehulp/?vorm=groep&pagina=2"))
        assert len(result.select('[data-match="exact"]')) == 20
        assert result.select_one("nav.utrecht-pagination a[rel=next]")["href"] == "?vorm=groep&pagina=3"

    def test_the_comparison_table_of_5000_interventions_comes_in_pages(self, client, many):
        table = parse(client.get("/interventies/"))
        assert len(table.select("thead th[scope=col]")) == 6
        assert table.select_one("nav.utrecht-pagination a[rel=next]")["href"] == "?pagina=2"


def test_the_real_content_is_back_after_the_tests_with_5000_interventions(content):
    assert not Intervention.objects.filter(slug__startswith="interventie-").exists()
    assert Intervention.objects.count() == 5


def test_second_visit_is_served_from_the_cache_without_queries(client, content, django_assert_num_queries):
    first = client.get("/handreiking/sociale-steun/")
    with django_assert_num_queries(0):
        second = client.get("/handreiking/sociale-steun/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_cache_is_invalidated_when_an_editor_saves(client, admin_client, content, django_capture_on_commit_callbacks):
    url = "/handreiking/sociale-steun/"
    assert "Nieuwe alinea van de redactie." not in client.get(url).content.decode()
    page = Page.objects.get(parent=None, slug="sociale-steun")
    change = reverse("admin:guidance_page_change", args=[page.pk])
    form = admin_client.get(change).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["body_nl"] = page.body_nl + "\n\nNieuwe alinea van de redactie."
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change, data).status_code == 302
    assert "Nieuwe alinea van de redactie." in client.get(url).content.decode()


def test_cache_is_invalidated_when_tags_change(client, content, django_capture_on_commit_callbacks):
    url = "/api/keuzehulp/?leeftijd=ouders-gezin"
    assert [r["slug"] for r in client.get(url).json()["results"]] == ["mind-spring"]
    with django_capture_on_commit_callbacks(execute=True):
        Intervention.objects.get(slug="bamboo").tags.add(Tag.objects.get(slug="ouders-gezin"))
    assert [r["slug"] for r in client.get(url).json()["results"]] == ["bamboo", "mind-spring"]


def test_cache_is_invalidated_when_content_is_deleted(client, content, django_capture_on_commit_callbacks):
    assert client.get("/interventies/mindfit/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        Intervention.objects.get(slug="mindfit").delete()
    assert client.get("/interventies/mindfit/").status_code == 404


def test_editors_see_the_live_site_not_the_cache(admin_client, client, content):
    client.get("/")
    Page.objects.filter(slug="sociale-steun").update(title_nl="Stil gewijzigd")  # no signal: the cache is stale
    assert "Stil gewijzigd" not in client.get("/").content.decode()
    assert "Stil gewijzigd" in admin_client.get("/").content.decode()


@pytest.mark.parametrize("encoding", ["gzip, deflate, br", ""])
def test_unchanged_page_answers_304_to_its_etag(client, content, encoding):
    first = client.get("/keuzehulp/", HTTP_ACCEPT_ENCODING=encoding)
    etag = first.headers["ETag"]
    assert not etag.startswith("W/")
    again = client.get("/keuzehulp/", HTTP_ACCEPT_ENCODING=encoding, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
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
