from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest
from django.template import loader
from django.views.defaults import bad_request as django_bad_request


def bad_request(request, exception=None):
    """400. For a Host the site does not serve, a page that needs nothing of the request: the usual 400 page
    (and everything in base.html) asks for the host, which would fail again."""
    if isinstance(exception, DisallowedHost):
        return HttpResponseBadRequest(loader.render_to_string("400_host.html"))
    return django_bad_request(request, exception)
