"""sitemap.xml lists every public page in every language; robots.txt keeps the admin out; pages describe themselves."""

import pytest

from guidance.models import Page
from interventions.models import Intervention
from tests.conftest import parse

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_public_page_in_every_language(client, content):
    xml = client.get("/sitemap.xml").content.decode()
    for page in Page.objects.published().select_related("parent"):
        for prefix in ["", "/en", "/uk"]:
            assert f"<loc>http://testserver{prefix}{page.get_absolute_url()}</loc>" in xml, (prefix, page.slug)
    for intervention in Intervention.objects.published():
        assert f"http://testserver/uk{intervention.get_absolute_url()}" in xml
    for path in ["/keuzehulp/", "/kwaliteitstoets/", "/interventies/", "/zoeken/"]:
        assert f"<loc>http://testserver{path}</loc>" in xml
    assert 'hreflang="x-default"' in xml


def test_sitemap_leaves_out_drafts(client, content):
    Page.objects.filter(slug="psycho-educatie").update(is_published=False)
    assert "/handreiking/psycho-educatie/" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_keeps_the_admin_out_and_names_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /beheer/" in body.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.parametrize(
    "url", ["/", "/handreiking/sociale-steun/", "/interventies/pm-plus/", "/keuzehulp/", "/kwaliteitstoets/"]
)
def test_every_page_has_a_description_and_open_graph_title(client, content, url):
    head = parse(client.get(url)).head
    assert head.select_one("meta[name=description]")["content"].strip()
    assert head.select_one("meta[property='og:title']")["content"].strip()
    assert head.select_one("meta[property='og:url']")["content"] == f"http://testserver{url}"
    chapter = parse(client.get("/handreiking/sociale-steun/")).head
    assert chapter.select_one("meta[property='og:title']")["content"] == "Sociale steun"


def test_sitemap_leaves_out_pages_under_a_draft_chapter(client, content):
    Page.objects.filter(parent=None, slug="lpis").update(is_published=False)
    assert "/handreiking/lpis/overwegingen/" not in client.get("/sitemap.xml").content.decode()
