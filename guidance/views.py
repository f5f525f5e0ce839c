from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from guidance import markup, roles
from guidance.context_processors import ABOUT_SECTION
from guidance.models import Page, RoleCount, Source, Tool
from guidance.tree import page_tree
from interventions.catalog import comparison_context
from lpo import concepts, deployer, reviews
from lpo import search as site_search
from lpo.page_cache import public_page
from lpo.templatetags.translated import tr


@public_page
def home(request):
    return render(request, "guidance/home.html", {"sections": page_tree(request).top_level()})


@public_page(params=["pagina"])
def page_detail(request, slug, section=None):
    page = page_tree(request).find(slug, section)
    if page is None:
        raise Http404("Deze pagina bestaat niet (meer).")
    return render_page(request, page)


# A preview may show a concept: never kept by a browser or a proxy.
@never_cache
@staff_member_required
def page_preview(request, pk):
    """A page exactly as visitors will see it, with its open concept, also while it is a draft; for editors only."""
    if not request.user.has_perm("guidance.view_page"):
        raise PermissionDenied
    page, concept = concepts.with_concept(get_object_or_404(Page.objects.select_related("parent"), pk=pk))
    return render_page(request, page, preview=True, concept=concept is not None)


def render_page(request, page, preview=False, concept=False):
    tree = page_tree(request)
    siblings = tree.numbered_siblings(page)
    marks = {}  # the lead's and the body's footnote marks get ids that differ
    context = {
        "page": page,
        "lead": markup.render(page.lead, tree.sources_url, marks),
        "body": markup.render(page.body, tree.sources_url, marks),
        "children": tree.children(page),
        "crumbs": [(page.parent.get_absolute_url(), tr(page.parent, "title"))] if page.parent_id else [],
        "previous": _neighbour(siblings, page, -1),
        "next": _neighbour(siblings, page, +1),
        "preview": preview,
        "concept": concept,
    }
    translated = [page]
    if page.listing == Page.Listing.SOURCES:
        context["sources"] = sources_with_citations(tree)
    elif page.listing == Page.Listing.TOOLS:
        context["tools"] = tools(tree)
        translated += context["tools"]
        if preview:  # the tools' open concepts too
            context["tools"], tool_concepts = concepts.with_concepts(context["tools"])
            context["concept"] = concept or tool_concepts
    elif page.listing == Page.Listing.INTERVENTIONS:
        context.update(comparison_context(request))
        translated += context["translated"]
    context["review_notice"] = reviews.notice(translated)
    if page.parent_id and page.parent.slug == ABOUT_SECTION and page.slug in deployer.PAGES:
        # The accessibility statement, colofon and privacy page name the organisation that runs the site.
        context["deployer"] = deployer.deployer()
        context["ombudsman"] = deployer.NATIONALE_OMBUDSMAN
    response = render(request, "guidance/page_detail.html", context)
    table_page = context.get("table_page")
    response.canonical_query = {"pagina": str(table_page.number)} if table_page and "pagina" in request.GET else {}
    return response


def _neighbour(siblings, page, step):
    positions = [sibling.pk for sibling in siblings]
    if page.pk not in positions:
        return None
    index = positions.index(page.pk) + step
    return siblings[index] if 0 <= index < len(siblings) else None


def sources_with_citations(tree):
    """Each source with the published pages that cite it, read from the texts so that it is never stale."""
    cited_by = {}
    for page in tree.pages:
        for number in sorted(page.cited_source_numbers()):
            cited_by.setdefault(number, []).append(page)
    return [(source, cited_by.get(source.number, [])) for source in Source.objects.all()]


def tools(tree):
    tools = list(Tool.objects.all())
    for tool in tools:
        tool.mentioned_page = tree.by_pk.get(tool.mentioned_on_id)
    return tools


@public_page(params=["q"], uncached=["q"])
def search(request):
    query, was_cut = site_search.clean_query(request.GET.get("q", ""))
    results = site_search.search(query, get_language()) if query else []
    context = {"query": query, "was_cut": was_cut, "results": results, "searched": bool(query)}
    return render(request, "guidance/search.html", context)


def _back(request, value):
    return value if url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}) else "/"


# No CSRF cookie on public pages: the functie-vraag checks the Origin header instead (guidance.roles).
@csrf_exempt
@require_POST
def role_answer(request):
    back = _back(request, request.POST.get("terug", "/"))
    if not roles.same_origin(request):
        return render(request, "guidance/role_thanks.html", {"back": back, "refused": True}, status=403)
    role = request.POST.get("functie", "")
    if role not in RoleCount.Role.values:
        return render(request, "guidance/role_thanks.html", {"back": back, "invalid": True}, status=400)
    if not roles.allow(request):
        return render(request, "guidance/role_thanks.html", {"back": back, "too_often": True}, status=429)
    roles.count(role)
    return HttpResponseRedirect(f"{reverse('guidance:role_thanks')}?{urlencode({'terug': back})}", status=303)


def role_thanks(request):
    return render(request, "guidance/role_thanks.html", {"back": _back(request, request.GET.get("terug", "/"))})
