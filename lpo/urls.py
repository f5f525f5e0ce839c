from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from guidance.sitemaps import PageSitemap
from interventions.sitemaps import InterventionSitemap
from lpo.sitemaps import FixedPagesSitemap
from lpo.views import healthz, robots_txt

SITEMAPS = {"pages": PageSitemap, "interventions": InterventionSitemap, "fixed": FixedPagesSitemap}

# The admin stays Dutch and outside the language prefixes; the public site is Dutch at the root,
# English under /en/ and Ukrainian under /uk/.
urlpatterns = [
    path("beheer/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
]
urlpatterns += i18n_patterns(
    path("", include("keuzehulp.urls")),
    path("interventies/", include("interventions.urls")),
    path("", include("guidance.urls")),
    prefix_default_language=False,
)

handler400 = "lpo.views.bad_request"
