from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from interventions.catalog import criteria_with_tags, published_interventions
from keuzehulp.forms import KeuzehulpForm, QualityForm
from keuzehulp.matching import match_interventions
from keuzehulp.quality import assess
from lpo import reviews
from lpo.context_processors import alternates
from lpo.page_cache import public_page
from lpo.pagination import query_prefix

EXACT_PER_PAGE = 20
# The JSON answer in pages too, so that a catalogue of thousands never makes one heavy response.
API_RESULTS_PER_PAGE = 50
# "The nearest alternatives": enough to choose from, never the whole catalogue.
ALTERNATIVES_SHOWN = 10
# toets=1: the form was sent (also with nothing answered).
QUALITY_PARAMS = (*QualityForm(None).fields, "toets")


def criteria(request):
    """The keuzehulp's questions with their answers, read once per request."""
    if not hasattr(request, "keuzehulp_criteria"):
        request.keuzehulp_criteria = criteria_with_tags()
    return request.keuzehulp_criteria


def answer_params(request):
    """The query parameters of the keuzehulp: one per question (its code, such as 'leeftijd')."""
    return [criterion.slug for criterion in criteria(request)]


def answer(request):
    """Validate a keuzehulp query and rank the published interventions; shared by the page and the API."""
    form = KeuzehulpForm(request.GET, criteria=criteria(request))
    if not form.is_valid():
        return form, None
    return form, match_interventions(published_interventions(criteria(request)), form.chosen_tags())


def answer_and_page_params(request):
    return [*answer_params(request), "pagina"]


def chosen_query(form, request):
    """The answers as the form understood them, for the questions the visitor sent (an empty one too)."""
    return {name: value or "" for name, value in form.criteria_values().items() if name in request.GET}


def page_query(request, page):
    """`pagina` as the view understood it, where the visitor gave one."""
    return {"pagina": str(page.number)} if "pagina" in request.GET else {}


@public_page(params=answer_and_page_params)
def keuzehulp(request):
    form, results = answer(request)
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
    }
    # The translated texts on the page: the questions and answers, and the names of the interventions shown.
    shown = [result.intervention for result in [*context["exact"], *context["alternatives"]]]
    context["review_notice"] = reviews.notice(
        [*form.criteria, *(tag for criterion in form.criteria for tag in criterion.tag_list), *shown]
    )
    if results is None:
        # Rejected input is not carried into the links to other languages.
        context["alternates"] = alternates(request, keep_query=False)
    response = render(request, "keuzehulp/keuzehulp.html", context, status=200 if results is not None else 400)
    if results is not None:
        response.canonical_query = chosen_query(form, request) | page_query(request, exact_page)
    return response


def _tag_json(tag):
    return {"criterion": tag.criterion.slug, "value": tag.slug, "label": tag.label}


@public_page(params=answer_and_page_params)
def keuzehulp_api(request):
    form, results = answer(request)
    if results is None:
        errors = {field: [str(message) for message in messages] for field, messages in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})
    # The ranked list (exact matches first) in pages; `pagina` as the page understands it (a number out of range
    # gives the last page, anything else the first).
    page = Paginator(results, API_RESULTS_PER_PAGE).get_page(request.GET.get("pagina"))
    # One reverse() for all results: the detail URL differs only in the slug.
    url = request.build_absolute_uri(reverse("interventions:detail", kwargs={"slug": "__slug__"}))

    def page_url(number):
        return request.build_absolute_uri(f"?{query_prefix(request)}pagina={number}")

    response = JsonResponse(
        {
            "criteria": form.criteria_values(),
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [
                {
                    "slug": result.intervention.slug,
                    "name": result.intervention.name,
                    "url": url.replace("__slug__", result.intervention.slug),
                    "match": "exact" if result.is_exact else "partial",
                    "matched": [_tag_json(tag) for tag in result.matched],
                    "unmatched": [_tag_json(tag) for tag in result.unmatched],
                }
                for result in page.object_list
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response.canonical_query = chosen_query(form, request) | page_query(request, page)
    return response


@public_page(params=QUALITY_PARAMS)
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
    }
    if not valid:
        context["alternates"] = alternates(request, keep_query=False)
    response = render(request, "keuzehulp/kwaliteitstoets.html", context, status=200 if valid else 400)
    if valid:
        response.canonical_query = form.canonical_query() | ({"toets": "1"} if request.GET.get("toets") == "1" else {})
    return response
