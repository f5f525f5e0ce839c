"""One hook for every change to content: the page cache moves on and the search index follows; before a save,
the review state of the translations follows the texts (lpo.reviews)."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from lpo import reviews, search
from lpo.content import content_models
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
    search.update_for(instance, itself=False)


def connect():
    for model in content_models():
        label = model._meta.label
        if issubclass(model, reviews.TranslationReview):
            pre_save.connect(reviews.keep_in_step, sender=model, dispatch_uid=f"lpo-review-{label}")
        post_save.connect(_saved, sender=model, dispatch_uid=f"lpo-content-save-{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"lpo-content-delete-{label}")
        for field in model._meta.many_to_many:  # an intervention's tags
            through = field.remote_field.through
            m2m_changed.connect(_changed, sender=through, dispatch_uid=f"lpo-content-m2m-{through._meta.label}")
