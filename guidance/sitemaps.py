from guidance.models import Page
from lpo.sitemaps import LocalizedSitemap


class PageSitemap(LocalizedSitemap):
    def items(self):
        # Only pages whose chapter is published too: the same pages the site shows.
        pages = Page.objects.published().select_related("parent")
        return [page for page in pages if page.is_public]

    def lastmod(self, page):
        return page.updated_at
