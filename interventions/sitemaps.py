from interventions.models import Intervention
from lpo.sitemaps import LocalizedSitemap


class InterventionSitemap(LocalizedSitemap):
    def items(self):
        return Intervention.objects.published()
