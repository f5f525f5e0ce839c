from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.defaults import bad_request as django_bad_request


def bad_request(request, exception=None):
    """400. For a Host the site does not serve, a page that needs nothing of the request: the usual 400 page
    (and everything in base.html) asks for the host, which would fail again."""
    if isinstance(exception, DisallowedHost):
        return HttpResponseBadRequest(loader.render_to_string("400_host.html"))
    return django_bad_request(request, exception)


@never_cache
@require_safe
def healthz(request):
    """For load balancers: is this server up and can it reach its database?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /beheer/", "Disallow: /voorbeeld/", "Disallow: /functie/"]
    lines += [f"Disallow: /{code}/voorbeeld/" for code, _ in settings.LANGUAGES]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
