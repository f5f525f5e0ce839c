from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from guidance.page_cache import public_page
from guidance.pagination import query_prefix
from interventions.catalog import catalog
from interventions.models import Fact, Intervention

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
    return {
        "interventions": page.object_list,
        "groups": comparison_table(page.object_list, criteria),
        "table_page": page,
        "interventions_count": len(interventions),
        "query_prefix": query_prefix(request),
    }


@public_page
def intervention_list(request):
    return render(request, "interventions/intervention_list.html", comparison_context(request))


@public_page
def intervention_detail(request, slug):
    return render_intervention(request, Intervention.objects.published(), slug=slug)


@staff_member_required
def intervention_preview(request, pk):
    """An intervention exactly as visitors will see it, also while it is a draft; for editors only."""
    if not request.user.has_perm("interventions.view_intervention"):
        raise PermissionDenied
    return render_intervention(request, Intervention.objects.all(), preview=True, pk=pk)


def render_intervention(request, interventions, preview=False, **lookup):
    intervention = get_object_or_404(
        interventions.with_tags().prefetch_related(Prefetch("facts", queryset=Fact.objects.all())), **lookup
    )
    facts = list(intervention.facts.all())
    topics = [(label, [fact for fact in facts if fact.topic == topic]) for topic, label in Fact.Topic.choices]
    criteria = {}
    for tag in intervention.tags.all():
        criteria.setdefault(tag.criterion, []).append(tag)
    return render(
        request,
        "interventions/intervention_detail.html",
        {
            "intervention": intervention,
            "topics": topics,
            "criteria": criteria,
            "crumbs": [(reverse("interventions:list"), _("Interventies"))],
            "preview": preview,
        },
    )
