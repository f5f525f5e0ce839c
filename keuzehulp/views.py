from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from guidance.context_processors import alternates
from guidance.page_cache import public_page
from guidance.pagination import query_prefix
from guidance.tree import page_tree
from interventions.catalog import criteria_with_tags, published_interventions
from keuzehulp.forms import KeuzehulpForm, QualityForm
from keuzehulp.matching import match_interventions
from keuzehulp.quality import assess

EXACT_PER_PAGE = 20
# "The nearest alternatives": enough to choose from, never the whole catalogue.
ALTERNATIVES_SHOWN = 10


def answer(query):
    """Validate a keuzehulp query and rank the published interventions; shared by the page and the API."""
    criteria = criteria_with_tags()
    form = KeuzehulpForm(query, criteria=criteria)
    if not form.is_valid():
        return form, None
    return form, match_interventions(published_interventions(criteria), form.chosen_tags())


@public_page
def keuzehulp(request):
    form, results = answer(request.GET)
    exact = [result for result in results or [] if result.is_exact]
    alternatives = [result for result in results or [] if not result.is_exact]
    exact_page = Paginator(exact, EXACT_PER_PAGE).get_page(request.GET.get("pagina"))
    context = {
        "form": form,
        # Sent by the form (which always sends its questions): the title then says the outcome.
        "submitted": bool(request.GET),
        "chosen": form.chosen_tags() if results is not None else [],
        "exact_count": len(exact),
        "exact": exact_page.object_list,
        "exact_page": exact_page,
        "query_prefix": query_prefix(request),
        "alternatives": alternatives[:ALTERNATIVES_SHOWN] if exact_page.number == 1 else [],
        "more_alternatives": max(0, len(alternatives) - ALTERNATIVES_SHOWN),
        "considerations": next((page for page in page_tree(request).pages if page.slug == "overwegingen"), None),
    }
    if results is None:
        # Rejected input is not carried into the links to other languages.
        context["alternates"] = alternates(request, keep_query=False)
    return render(request, "keuzehulp/keuzehulp.html", context, status=200 if results is not None else 400)


def _tag_json(tag):
    return {"criterion": tag.criterion.slug, "value": tag.slug, "label": tag.label}


@public_page
def keuzehulp_api(request):
    form, results = answer(request.GET)
    if results is None:
        errors = {field: [str(message) for message in messages] for field, messages in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})
    # One reverse() for all results: the detail URL differs only in the slug.
    url = request.build_absolute_uri(reverse("interventions:detail", kwargs={"slug": "__slug__"}))
    return JsonResponse(
        {
            "criteria": form.criteria_values(),
            "results": [
                {
                    "slug": result.intervention.slug,
                    "name": result.intervention.name,
                    "url": url.replace("__slug__", result.intervention.slug),
                    "match": "exact" if result.is_exact else "partial",
                    "matched": [_tag_json(tag) for tag in result.matched],
                    "unmatched": [_tag_json(tag) for tag in result.unmatched],
                }
                for result in results
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@public_page
def kwaliteitstoets(request):
    """The four quality criteria as a check; the answers live only in the URL, nothing is stored."""
    form = QualityForm(request.GET)
    valid = form.is_valid()
    context = {
        "form": form,
        "findings": assess(form.answers()) if valid else [],
        "answered": valid and any(request.GET.get(name) for name in form.fields),
        # The form sends toets=1, so that sending it with nothing answered can say what to do.
        "submitted": bool(request.GET),
        "considerations": next((page for page in page_tree(request).pages if page.slug == "overwegingen"), None),
    }
    if not valid:
        context["alternates"] = alternates(request, keep_query=False)
    return render(request, "keuzehulp/kwaliteitstoets.html", context, status=200 if valid else 400)
