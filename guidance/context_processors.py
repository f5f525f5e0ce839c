from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from guidance.models import Page

ABOUT_SECTION = "over-deze-site"


def chapters(request):
    """Navigation for every page; lazy querysets, so a page that does not show them costs no query."""
    return {
        "nav_chapters": Page.objects.published().chapters(),
        "footer_pages": Page.objects.published().filter(parent__slug=ABOUT_SECTION, parent__parent=None),
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
