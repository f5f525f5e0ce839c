from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from guidance.views import healthz

# The admin stays Dutch and outside the language prefixes; the public site is Dutch at the root,
# English under /en/ and Ukrainian under /uk/.
urlpatterns = [
    path("beheer/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
urlpatterns += i18n_patterns(
    path("", include("keuzehulp.urls")),
    path("interventies/", include("interventions.urls")),
    path("", include("guidance.urls")),
    prefix_default_language=False,
)
