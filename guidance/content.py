"""All editable content of the portal, in an order that loads: what is referred to comes first."""

import reversion

from django.db.models import F

from guidance.models import Page, Source, Tool
from interventions.models import Criterion, Fact, FactSource, Intervention, Tag


def content_querysets():
    return [
        Source.objects.order_by("pk"),
        Page.objects.order_by(F("parent").asc(nulls_first=True), "pk"),
        Tool.objects.order_by("pk"),
        Criterion.objects.order_by("pk"),
        Tag.objects.order_by("pk"),
        Intervention.objects.order_by("pk"),
        Fact.objects.order_by("pk"),
        FactSource.objects.order_by("pk"),
    ]


def content_models():
    return [queryset.model for queryset in content_querysets()]


def has_content():
    return any(model.objects.exists() for model in content_models())


def record_initial_versions(comment):
    """A first version of everything in one revision, so an editor's first change can be undone."""
    with reversion.create_revision():
        reversion.set_comment(comment)
        for queryset in content_querysets():
            for obj in queryset:
                reversion.add_to_revision(obj)
