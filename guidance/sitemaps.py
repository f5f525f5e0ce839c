from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from guidance.models import Page
from interventions.models import Intervention


class LocalizedSitemap(Sitemap):
    """Every page in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(LocalizedSitemap):
    def items(self):
        # Only pages whose chapter is published too: the same pages the site shows.
        pages = Page.objects.published().select_related("parent")
        return [page for page in pages if page.is_public]

    def lastmod(self, page):
        return page.updated_at


class InterventionSitemap(LocalizedSitemap):
    def items(self):
        return Intervention.objects.published()


class FixedPagesSitemap(LocalizedSitemap):
    def items(self):
        return ["guidance:home", "keuzehulp:form", "keuzehulp:kwaliteitstoets", "interventions:list", "guidance:search"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"pages": PageSitemap, "interventions": InterventionSitemap, "fixed": FixedPagesSitemap}
