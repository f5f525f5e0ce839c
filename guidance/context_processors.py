from guidance.models import Page


def chapters(request):
    """The chapters for the site navigation; lazy, so pages that do not show them cost no query."""
    return {"nav_chapters": Page.objects.published().chapters()}
