from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from guidance import markup
from guidance.models import Page, Source, Tool
from guidance.templatetags.translated import tr
from interventions.views import comparison_context


def home(request):
    return render(request, "guidance/home.html", {"sections": Page.objects.published().filter(parent=None)})


def page_detail(request, slug, section=None):
    pages = Page.objects.published().select_related("parent")
    if section is None:
        page = get_object_or_404(pages, parent=None, slug=slug)
    else:
        page = get_object_or_404(pages, parent__slug=section, parent__parent=None, parent__is_published=True, slug=slug)
    return render_page(request, page)


@staff_member_required
def page_preview(request, pk):
    """A page exactly as visitors will see it, also while it is a draft; for editors only."""
    if not request.user.has_perm("guidance.view_page"):
        raise PermissionDenied
    page = get_object_or_404(Page.objects.select_related("parent"), pk=pk)
    return render_page(request, page, preview=True)


def render_page(request, page, preview=False):
    pages = Page.objects.published().select_related("parent")
    siblings = list(pages.filter(parent=page.parent_id, number__isnull=False))
    sources_page = pages.filter(listing=Page.Listing.SOURCES).first()
    sources_url = sources_page.get_absolute_url() if sources_page else ""
    context = {
        "page": page,
        "lead": markup.render(page.lead, sources_url),
        "body": markup.render(page.body, sources_url),
        "children": pages.filter(parent=page),
        "crumbs": [(page.parent.get_absolute_url(), tr(page.parent, "title"))] if page.parent else [],
        "previous": _neighbour(siblings, page, -1),
        "next": _neighbour(siblings, page, +1),
        "preview": preview,
    }
    context.update(LISTINGS.get(page.listing, lambda: {})())
    return render(request, "guidance/page_detail.html", context)


def _neighbour(siblings, page, step):
    if page not in siblings:
        return None
    index = siblings.index(page) + step
    return siblings[index] if 0 <= index < len(siblings) else None


def citations():
    """Which published pages cite each source number, read from the texts so that it is never stale."""
    cited_by = {}
    for page in Page.objects.published().select_related("parent"):
        for number in sorted(page.cited_source_numbers()):
            cited_by.setdefault(number, []).append(page)
    return cited_by


def _sources_listing():
    cited_by = citations()
    return {"sources": [(source, cited_by.get(source.number, [])) for source in Source.objects.all()]}


def _tools_listing():
    return {"tools": Tool.objects.select_related("mentioned_on__parent")}


LISTINGS = {
    Page.Listing.SOURCES: _sources_listing,
    Page.Listing.TOOLS: _tools_listing,
    Page.Listing.INTERVENTIONS: comparison_context,
}
