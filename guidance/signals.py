"""One hook for every change to content: the page cache moves on and the search index follows; before a save,
the review state of the translations follows the texts (guidance.reviews)."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from guidance import reviews, search
from interventions.models import Fact
from lpo.page_cache import content_changed


def _content_changed():
    # After the commit, not at the save: a visitor who renders the page between the save and the commit
    # still reads the old rows, and must store them under the old generation, where nobody looks any more.
    transaction.on_commit(content_changed)


def _changed(sender, **kwargs):
    _content_changed()


def _saved(sender, instance, raw=False, **kwargs):
    _content_changed()
    if not raw:  # loading fixtures or an import rebuilds the whole search index afterwards
        search.update_for(instance)


def _deleted(sender, instance, **kwargs):
    _content_changed()
    search.remove(instance)
    if isinstance(instance, Fact):
        search.update_for(instance)


def connect():
    from guidance.content import content_models
    from interventions.models import Intervention

    for model in content_models():
        if issubclass(model, reviews.TranslationReview):
            pre_save.connect(reviews.keep_in_step, sender=model, dispatch_uid=f"lpo-review-{model._meta.label}")
        post_save.connect(_saved, sender=model, dispatch_uid=f"lpo-content-save-{model._meta.label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"lpo-content-delete-{model._meta.label}")
    m2m_changed.connect(_changed, sender=Intervention.tags.through, dispatch_uid="lpo-cache-intervention-tags")
