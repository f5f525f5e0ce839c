from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from interventions.models import Criterion, Fact, Intervention


def comparison_table(interventions, criteria):
    """Rows of the comparison table: each intervention with a yes/no per tag, in the criteria's column order."""
    columns = [tag for criterion in criteria for tag in criterion.tags.all()]
    rows = []
    for intervention in interventions:
        own = {tag.pk for tag in intervention.tags.all()}
        rows.append((intervention, [(tag, tag.pk in own) for tag in columns]))
    return columns, rows


def comparison_context():
    criteria = Criterion.objects.prefetch_related("tags")
    columns, rows = comparison_table(Intervention.objects.published().with_tags(), criteria)
    return {"criteria": criteria, "columns": columns, "rows": rows}


def intervention_list(request):
    return render(request, "interventions/intervention_list.html", comparison_context())


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
