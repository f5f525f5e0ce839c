"""The published handreiking as one tree, read with a single query per request.

Navigation, breadcrumbs, chapter navigation, subpage lists, the literatuurlijst's citations and the footer
all come from this one list, so the number of queries does not grow with the number of pages.
"""

from functools import cached_property

from guidance.models import Page


class PageTree:
    def __init__(self, pages):
        by_pk = {page.pk: page for page in pages}
        self.pages = []
        for page in pages:
            if page.parent_id is None:
                self.pages.append(page)
            elif page.parent_id in by_pk and by_pk[page.parent_id].parent_id is None:
                page.parent = by_pk[page.parent_id]  # fills the relation cache: no query for page.parent
                self.pages.append(page)
        self.by_pk = {page.pk: page for page in self.pages}

    def top_level(self):
        return [page for page in self.pages if page.parent_id is None]

    def chapters(self):
        return [page for page in self.top_level() if page.number is not None]

    def children(self, page):
        return [child for child in self.pages if child.parent_id == page.pk]

    def numbered_siblings(self, page):
        return [other for other in self.pages if other.parent_id == page.parent_id and other.number is not None]

    def find(self, slug, section=None):
        for page in self.pages:
            parent_slug = page.parent.slug if page.parent_id else None
            if page.slug == slug and parent_slug == section:
                return page
        return None

    def with_listing(self, listing):
        return next((page for page in self.pages if page.listing == listing), None)

    def children_of_slug(self, slug):
        section = self.find(slug)
        return self.children(section) if section else []

    @cached_property
    def sources_url(self):
        page = self.with_listing(Page.Listing.SOURCES)
        return page.get_absolute_url() if page else ""


def page_tree(request):
    """The tree for this request, built once and shared by the view and the context processors."""
    if not hasattr(request, "_page_tree"):
        request._page_tree = PageTree(list(Page.objects.published()))
    return request._page_tree
