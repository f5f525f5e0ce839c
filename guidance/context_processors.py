from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from guidance.models import RoleCount
from guidance.tree import page_tree

ABOUT_SECTION = "over-deze-site"


def chapters(request):
    """Navigation for every page, from the request's page tree (lazy: no query where it is not shown)."""
    return {
        "role_choices": RoleCount.Role.choices,
        "nav_chapters": SimpleLazyObject(lambda: page_tree(request).chapters()),
        "footer_pages": SimpleLazyObject(lambda: page_tree(request).children_of_slug(ABOUT_SECTION)),
    }


def languages(request):
    return {"alternates": alternates(request)}


def alternates(request, keep_query=True):
    """This page in every language, for the language switcher and the hreflang links."""
    current = get_language()
    path = request.get_full_path() if keep_query else request.path
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "absolute_url": request.build_absolute_uri(translate_url(path, code)),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
