"""The keuzehulp's criteria and the published interventions with their tags, in three queries.

Interventions get `tag_list`, a list of the shared Tag objects (one per tag, not one per intervention and
tag), so thousands of interventions cost thousands of small objects rather than tens of thousands.
"""

from django.core.paginator import Paginator

from interventions.models import Intervention, Tag
from lpo import reviews
from lpo.pagination import query_prefix


def criteria_with_tags():
    """The criteria in order, each with `tag_list`: one query, however many criteria and tags there are."""
    criteria = {}
    for tag in Tag.objects.select_related("criterion"):
        criterion = criteria.setdefault(tag.criterion_id, tag.criterion)
        if not hasattr(criterion, "tag_list"):
            criterion.tag_list = []
        criterion.tag_list.append(tag)
        tag.criterion = criterion  # one shared criterion object per criterion
    return sorted(criteria.values(), key=lambda criterion: (criterion.order, criterion.pk))


def published_interventions(criteria):
    """Published interventions in order, each with `tag_list` in the order of the criteria's tags."""
    tags = {tag.pk: tag for criterion in criteria for tag in criterion.tag_list}
    position = {pk: index for index, pk in enumerate(tags)}
    interventions = list(Intervention.objects.published())
    by_pk = {intervention.pk: intervention for intervention in interventions}
    for intervention in interventions:
        intervention.tag_list = []
    links = Intervention.tags.through.objects.filter(intervention__is_published=True)
    for intervention_id, tag_id in links.values_list("intervention_id", "tag_id"):
        if intervention_id in by_pk and tag_id in tags:
            by_pk[intervention_id].tag_list.append(tags[tag_id])
    for intervention in interventions:
        intervention.tag_list.sort(key=lambda tag: position[tag.pk])
    return interventions


def catalog():
    criteria = criteria_with_tags()
    return criteria, published_interventions(criteria)


# The interventions are the table's columns: as many as fit side by side on a 320 px wide phone.
TABLE_COLUMNS_PER_PAGE = 6


def comparison_table(interventions, criteria):
    """The comparison table's row groups: per criterion, each tag with a yes/no per intervention (the columns)."""
    owned = [{tag.pk for tag in intervention.tag_list} for intervention in interventions]
    return [
        (criterion, [(tag, [tag.pk in own for own in owned]) for tag in criterion.tag_list]) for criterion in criteria
    ]


def comparison_context(request):
    criteria, interventions = catalog()
    page = Paginator(interventions, TABLE_COLUMNS_PER_PAGE).get_page(request.GET.get("pagina"))
    # The translated texts the table shows: questions, answers and the interventions' names.
    translated = [*criteria, *(tag for criterion in criteria for tag in criterion.tag_list), *page.object_list]
    return {
        "interventions": page.object_list,
        "groups": comparison_table(page.object_list, criteria),
        "table_page": page,
        "interventions_count": len(interventions),
        "query_prefix": query_prefix(request),
        "translated": translated,
        "review_notice": reviews.notice(translated),
    }
