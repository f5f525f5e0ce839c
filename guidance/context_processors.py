from guidance.models import Page

ABOUT_SECTION = "over-deze-site"


def chapters(request):
    """Navigation for every page; lazy querysets, so a page that does not show them costs no query."""
    return {
        "nav_chapters": Page.objects.published().chapters(),
        "footer_pages": Page.objects.published().filter(parent__slug=ABOUT_SECTION, parent__parent=None),
    }
