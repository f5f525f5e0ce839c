"""Concepts: changes to published content kept aside until an editor publishes them.

A concept holds the checked form data of one page, tool, intervention or fact (every language, an intervention's
tags) and the published data it started from. The site shows it only in the editors' preview, applied in memory;
publishing saves the real object, so the page cache and the search index follow as after any save.
"""

from reversion.models import Version

from django.core.exceptions import FieldDoesNotExist

from lpo.locking import NOT_STORED, instance_state, same
from lpo.models import Concept


def concept_for(obj):
    return Concept.objects.for_object(obj).select_related("author", "updated_by").first()


def merged(concept, live):
    """The concept on top of the published data as it is now.

    A field that was published differently after the concept was saved keeps that newer value when the concept
    left it alone; when the concept changed it too, the concept wins and the field is listed as a conflict.
    """
    data, conflicts = dict(live), []
    for name, value in concept.data.items():
        base = concept.base_data.get(name, NOT_STORED)
        if base is NOT_STORED or name not in live:
            data[name] = value
        elif same(value, base):
            continue  # the concept did not touch it: keep what is published now
        else:
            data[name] = value
            if not same(live[name], base) and not same(live[name], value):
                conflicts.append(name)
    return data, conflicts


def apply(obj, data):
    """Puts form data on an object in memory, for the preview. Never saved."""
    for name, value in data.items():
        try:
            field = obj._meta.get_field(name)
        except FieldDoesNotExist:  # a field removed since the concept was saved
            continue
        if field.many_to_many:
            obj._prefetched_objects_cache = getattr(obj, "_prefetched_objects_cache", {})
            obj._prefetched_objects_cache[field.name] = field.related_model._default_manager.filter(pk__in=value or [])
        elif field.many_to_one:
            setattr(obj, field.attname, value or None)
        elif field.concrete:
            setattr(obj, field.attname, field.to_python(value))
    return obj


def with_concept(obj):
    """The object with its open concept applied in memory (and the concept), for the preview."""
    concept = Concept.objects.for_object(obj).first()
    if concept is not None:
        apply(obj, merged(concept, instance_state(obj, list(concept.data)))[0])
    return obj, concept


def with_concepts(objects):
    """Each object with its open concept applied in memory; and whether any had one."""
    objects = list(objects)
    if not objects:
        return objects, False
    concepts = {
        concept.object_id: concept
        for concept in Concept.objects.for_model(type(objects[0])).filter(object_id__in=[obj.pk for obj in objects])
    }
    for obj in objects:
        if obj.pk in concepts:
            concept = concepts[obj.pk]
            apply(obj, merged(concept, instance_state(obj, list(concept.data)))[0])
    return objects, bool(concepts)


def last_change(obj):
    """Who saved the object or its concept last, and when: (user, moment), or None."""
    moments = []
    version = Version.objects.get_for_object(obj).select_related("revision__user").first()
    if version is not None:
        moments.append((version.revision.user, version.revision.date_created))
    concept = concept_for(obj)
    if concept is not None:
        moments.append((concept.updated_by, concept.updated_at))
    return max(moments, key=lambda moment: moment[1]) if moments else None
