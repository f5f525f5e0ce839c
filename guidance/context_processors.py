from django.utils.functional import SimpleLazyObject

from guidance.models import RoleCount
from guidance.tree import page_tree

ABOUT_SECTION = "over-deze-site"
CONSIDERATIONS = "overwegingen"


def chapters(request):
    """Navigation for every page, from the request's page tree (lazy: no query where it is not shown)."""
    return {
        "role_choices": RoleCount.Role.choices,
        "nav_chapters": SimpleLazyObject(lambda: page_tree(request).chapters()),
        "footer_pages": SimpleLazyObject(lambda: page_tree(request).children_of_slug(ABOUT_SECTION)),
        # The keuzehulp and the kwaliteitstoets link the handreiking's reasoning behind them.
        "considerations_page": SimpleLazyObject(lambda: considerations(request)),
    }


def considerations(request):
    return next((page for page in page_tree(request).pages if page.slug == CONSIDERATIONS), None)
