"""One stylesheet per page (the components, the theme and the portal's CSS built into one file) and our own favicon."""

import re
from pathlib import Path

import pytest

from django.contrib.staticfiles import finders

from tests.conftest import parse
from tests.test_performance import PUBLIC_URLS

ROOT = Path(__file__).resolve().parents[1]


def built_css():
    return Path(finders.find("site/lpo.css")).read_text()


@pytest.mark.parametrize("url", [url for url in PUBLIC_URLS if not url.startswith("/api/")] + ["/bestaat-niet/"])
def test_every_page_loads_one_stylesheet_the_built_one(client, content, url):
    links = parse(client.get(url)).select("link[rel=stylesheet]")
    assert [link["href"] for link in links] == ["/static/site/lpo.css"]


def test_the_error_page_loads_the_same_one_stylesheet():
    page = (ROOT / "templates" / "500.html").read_text()
    assert re.findall(r'rel="stylesheet" href="([^"]+)"', page) == ["{% static 'site/lpo.css' %}"]


def test_built_stylesheet_has_the_components_then_the_theme_then_the_portal():
    css = built_css()
    component = css.index(".utrecht-button{")
    theme = css.index("--lpo-color-primary:")
    portal = css.index(".lpo-visually-hidden")
    assert component < theme < portal


def test_built_stylesheet_leaves_out_what_no_page_uses():
    css = built_css()
    # Used: the primary button and links inside Markdown text.
    assert ".utrecht-button--primary-action" in css and ".utrecht-html a{" in css
    # Never on a page: danger buttons, and form controls inside an editor's Markdown.
    assert "utrecht-button--danger" not in css
    assert ".utrecht-html button" not in css and ".utrecht-html select" not in css


def test_favicon_ico_answers_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = b"".join(response.streaming_content)
    assert icon[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert b"\x89PNG" in icon


def test_favicon_is_drawn_in_the_themes_colours():
    theme = (ROOT / "static" / "css" / "theme.css").read_text()
    svg = (ROOT / "static" / "favicon.svg").read_text()
    for token in ["--lpo-color-primary", "--lpo-color-focus"]:
        colour = re.search(rf"{token}: (#[0-9a-f]{{6}});", theme).group(1)
        assert f'fill="{colour}"' in svg, token


def test_pages_link_both_favicons(client, content):
    icons = {link.get("type", ""): link["href"] for link in parse(client.get("/")).select("link[rel=icon]")}
    assert icons == {"": "/favicon.ico", "image/svg+xml": "/static/favicon.svg"}
