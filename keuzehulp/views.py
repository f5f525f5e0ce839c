from django.http import JsonResponse
from django.shortcuts import render

from guidance.context_processors import alternates
from guidance.models import Page
from interventions.models import Criterion, Intervention
from keuzehulp.forms import KeuzehulpForm
from keuzehulp.matching import match_interventions


def answer(query):
    """Validate a keuzehulp query and rank the published interventions; shared by the page and the API."""
    form = KeuzehulpForm(query, criteria=Criterion.objects.prefetch_related("tags"))
    if not form.is_valid():
        return form, None
    return form, match_interventions(Intervention.objects.published().with_tags(), form.chosen_tags())


def keuzehulp(request):
    form, results = answer(request.GET)
    context = {
        "form": form,
        "chosen": form.chosen_tags() if results is not None else [],
        "exact": [result for result in results or [] if result.is_exact],
        "alternatives": [result for result in results or [] if not result.is_exact],
        "considerations": Page.objects.published().filter(slug="overwegingen").select_related("parent").first(),
    }
    if results is None:
        # Rejected input is not carried into the links to other languages.
        context["alternates"] = alternates(request, keep_query=False)
    return render(request, "keuzehulp/keuzehulp.html", context, status=200 if results is not None else 400)


def _tag_json(tag):
    return {"criterion": tag.criterion.slug, "value": tag.slug, "label": tag.label}


def keuzehulp_api(request):
    form, results = answer(request.GET)
    if results is None:
        errors = {field: [str(message) for message in messages] for field, messages in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})
    return JsonResponse(
        {
            "criteria": form.criteria_values(),
            "results": [
                {
                    "slug": result.intervention.slug,
                    "name": result.intervention.name,
                    "url": request.build_absolute_uri(result.intervention.get_absolute_url()),
                    "match": "exact" if result.is_exact else "partial",
                    "matched": [_tag_json(tag) for tag in result.matched],
                    "unmatched": [_tag_json(tag) for tag in result.unmatched],
                }
                for result in results
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
