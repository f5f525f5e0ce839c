from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class LocalizedSitemap(Sitemap):
    """Every page in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class FixedPagesSitemap(LocalizedSitemap):
    def items(self):
        return ["guidance:home", "keuzehulp:form", "keuzehulp:kwaliteitstoets", "interventions:list", "guidance:search"]

    def location(self, name):
        return reverse(name)
