"""Content that editors cannot break: the page tree, the footnote marks, the search index's addresses."""

import pytest

from django.core.exceptions import ValidationError

from guidance.models import Page, Source, Tool
from lpo.models import SearchEntry
from tests.factories import PageFactory, SourceFactory, ToolFactory

pytestmark = pytest.mark.django_db


def test_a_chapter_with_subpages_cannot_move_under_another_chapter():
    chapter = PageFactory(number=1)
    PageFactory(parent=chapter)
    other = PageFactory(number=2)
    chapter.parent = other
    with pytest.raises(ValidationError, match="pagina's onder zich"):
        chapter.full_clean()


def test_a_page_without_subpages_can_move_under_a_chapter():
    page = PageFactory(number=1)
    page.parent = PageFactory(number=2)
    page.full_clean()


def test_a_cited_source_cannot_be_renumbered_away_from_its_marks():
    source = SourceFactory(number=5)
    PageFactory(title="Sociale steun", body="Lotgenoten helpen.[^5]")
    source.number = 6
    with pytest.raises(ValidationError, match=r"\[\^5\].*Sociale steun"):
        source.full_clean()


def test_an_uncited_source_can_be_renumbered():
    source = SourceFactory(number=5)
    source.number = 6
    source.full_clean()


def test_search_follows_a_renamed_list_of_sources_and_tools():
    chapter = PageFactory(number=5, slug="lpis")
    sources_page = PageFactory(parent=chapter, slug="literatuurlijst", listing=Page.Listing.SOURCES)
    tools_page = PageFactory(number=6, slug="hulpmiddelen", listing=Page.Listing.TOOLS)
    source = SourceFactory(number=3)
    tool = ToolFactory()
    sources_page.slug = "bronnen"
    sources_page.save()
    tools_page.slug = "handige-middelen"
    tools_page.save()
    source_urls = set(SearchEntry.objects.filter(kind="source", object_id=source.pk).values_list("url", flat=True))
    tool_urls = set(SearchEntry.objects.filter(kind="tool", object_id=tool.pk).values_list("url", flat=True))
    assert source_urls == {f"{prefix}/handreiking/lpis/bronnen/#bron-3" for prefix in ("", "/en", "/uk")}
    assert tool_urls == {f"{prefix}/handreiking/handige-middelen/" for prefix in ("", "/en", "/uk")}
    assert Source.objects.count() == 1 and Tool.objects.count() == 1
