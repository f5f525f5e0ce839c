"""All editable content of the portal, in an order that loads: what is referred to comes first.

The content models are named in settings.LPO_CONTENT_MODELS, so that the site machinery knows no app.
"""

import reversion

from django.apps import apps
from django.conf import settings


def content_models():
    return [apps.get_model(label) for label in settings.LPO_CONTENT_MODELS]


def content_querysets():
    """Each content model's rows in an order that loads (a model's queryset may say so with in_load_order())."""
    querysets = []
    for model in content_models():
        queryset = model._default_manager.all()
        querysets.append(queryset.in_load_order() if hasattr(queryset, "in_load_order") else queryset.order_by("pk"))
    return querysets


def has_content():
    return any(model.objects.exists() for model in content_models())


def record_initial_versions(comment):
    """A first version of everything in one revision, so an editor's first change can be undone."""
    with reversion.create_revision():
        reversion.set_comment(comment)
        for queryset in content_querysets():
            # A version names its object (str()): a fact by its intervention, a tag by its criterion. Reversion
            # also adds what an object follows (an intervention's facts, a fact's sources): fetched in one query
            # per relation, not one per object.
            follows = reversion.revisions._get_options(queryset.model).follow
            for obj in queryset.select_related().prefetch_related(*follows):
                reversion.add_to_revision(obj)
