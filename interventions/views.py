from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from interventions.catalog import comparison_context
from interventions.models import Fact, Intervention
from lpo import concepts, reviews
from lpo.page_cache import public_page


@public_page(params=["pagina"])
def intervention_list(request):
    context = comparison_context(request)
    response = render(request, "interventions/intervention_list.html", context)
    response.canonical_query = {"pagina": str(context["table_page"].number)} if "pagina" in request.GET else {}
    return response


@public_page
def intervention_detail(request, slug):
    intervention = get_object_or_404(Intervention.objects.published().with_tags(), slug=slug)
    return render_intervention(request, intervention, Fact.objects.filter(intervention=intervention).with_sources())


# A preview may show a concept: never kept by a browser or a proxy.
@never_cache
@staff_member_required
def intervention_preview(request, pk):
    """An intervention exactly as visitors will see it, with the open concepts of it and its facts, also while it
    is a draft; for editors only."""
    if not request.user.has_perm("interventions.view_intervention"):
        raise PermissionDenied
    intervention, concept = concepts.with_concept(get_object_or_404(Intervention.objects.with_tags(), pk=pk))
    facts, fact_concepts = concepts.with_concepts(Fact.objects.filter(intervention=intervention).with_sources())
    facts.sort(key=lambda fact: (fact.order, fact.pk))
    response = render_intervention(
        request, intervention, facts, preview=True, concept=concept is not None or fact_concepts
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def render_intervention(request, intervention, facts, preview=False, concept=False):
    topics = [(label, [fact for fact in facts if fact.topic == topic]) for topic, label in Fact.Topic.choices]
    criteria = {}
    for tag in intervention.tags.all():
        criteria.setdefault(tag.criterion, []).append(tag)
    translated = [intervention, *facts, *criteria, *intervention.tags.all()]
    return render(
        request,
        "interventions/intervention_detail.html",
        {
            "intervention": intervention,
            "topics": topics,
            "criteria": criteria,
            "crumbs": [(reverse("interventions:list"), _("Interventies"))],
            "preview": preview,
            "concept": concept,
            "review_notice": reviews.notice(translated),
        },
    )
