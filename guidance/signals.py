"""One hook for cache invalidation: any change to content moves the content generation on."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from guidance.page_cache import content_changed


def _changed(sender, **kwargs):
    content_changed()


def connect():
    from guidance.content import content_models
    from interventions.models import Intervention

    for model in content_models():
        post_save.connect(_changed, sender=model, dispatch_uid=f"lpo-cache-save-{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"lpo-cache-delete-{model._meta.label}")
    m2m_changed.connect(_changed, sender=Intervention.tags.through, dispatch_uid="lpo-cache-intervention-tags")
