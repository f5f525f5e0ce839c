from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def languages(request):
    return {"alternates": alternates(request)}


def alternates(request, keep_query=True):
    """This page in every language, for the language switcher and the hreflang links."""
    current = get_language()
    # request.GET, not the raw query string: a public page's view sees only the parameters it reads.
    query = request.GET.urlencode() if keep_query else ""
    path = f"{request.path}?{query}" if query else request.path
    urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    return [
        {
            "code": code,
            "name": name,
            "url": urls[code],
            "absolute_url": request.build_absolute_uri(urls[code]),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
