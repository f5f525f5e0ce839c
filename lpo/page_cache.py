"""A cache of whole public pages, checked before sessions, languages and URL resolving run.

A cached page costs about as much as a static file. Every committed change of content moves the content
generation on (see lpo.signals), and the generation is part of each cache key, so no visitor sees a page from
before a save. The generation lives in two places so that this holds both for several workers on one machine
with the default local-memory cache (a stamp file's modification time) and for several machines sharing Redis
or Memcached (a counter in that cache).

The key holds only what a page depends on: scheme, host, path and the query parameters its view declares
(`public_page(params=…)`), in a canonical order. A URL with tracking parameters or
the parameters in another order shares its entry; a value the view does not take as it is (`?pagina=01`) is
answered but never stored, so no stream of URLs can grow the cache.
"""

import gzip
import hashlib
import logging
import os
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

GENERATION_KEY = "lpo:content-generation"
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Cache-Control")
# The paths this worker has served as public pages, with the parameters their views read. Bounded by the
# site's real pages: a path only gets here after its view answered 200 as a public page.
KNOWN_PATHS_LIMIT = 20_000
_known_params = {}


def public_page(view=None, *, params=(), uncached=()):
    """Marks a view's responses as the same for every visitor, so the page cache may keep them.

    `params` are the query parameters the view reads (or a function of the request that names them); it sees
    no others. A request with a non-empty value for
    one of `uncached` (free-text search) is answered but not stored. A view may set `response.canonical_query`
    (a dict of parameter to value or list of values) to what it made of the query; when that differs from the
    request's, the answer is not stored. Public pages only read: other methods get 405.
    """

    def decorate(view):
        @require_safe
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            names = tuple(params(request) if callable(params) else params)
            request.GET = only(request.GET, names)
            response = view(request, *args, **kwargs)
            response.public_page = True
            response.page_params = names
            storable = not any(request.GET.get(name) for name in uncached)
            canonical = getattr(response, "canonical_query", None)
            if canonical is not None:
                storable = storable and normalised(canonical, names) == normalised(request.GET, names)
            response.page_storable = storable
            # Browsers may keep the page but must ask again (cheaply, with the ETag) before showing it.
            patch_cache_control(response, no_cache=True)
            return response

        return wrapper

    return decorate(view) if view is not None else decorate


def only(query, names):
    """The query with only the given parameters, as a view would get it."""
    return QueryDict(urlencode([(name, value) for name in names for value in query.getlist(name)]))


def normalised(query, names):
    """The declared parameters with their values, in a fixed order. An empty value counts: a form sent with no
    answer chosen is another page than the form not sent."""
    pairs = []
    for name in sorted(names):
        values = query.getlist(name) if hasattr(query, "getlist") else query.get(name)
        if values is None:
            continue
        for value in values if isinstance(values, list | tuple) else [values]:
            pairs.append((name, str(value)))
    return tuple(pairs)


def content_generation():
    try:
        stamp = os.stat(settings.CONTENT_STAMP_FILE).st_mtime_ns
    except OSError:
        stamp = 0
    return f"{stamp}.{cache.get(GENERATION_KEY, 0)}"


def content_changed():
    """Call after every committed change of content: all cached pages are out of date from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)
    try:
        settings.CONTENT_STAMP_FILE.parent.mkdir(parents=True, exist_ok=True)
        settings.CONTENT_STAMP_FILE.touch()
    except OSError:
        logger.warning("Could not touch %s; other workers rely on the shared cache.", settings.CONTENT_STAMP_FILE)


def accepted_encodings(request):
    """The content codings the client accepts, honouring quality values (`gzip;q=0` refuses gzip)."""
    accepted, refused, wildcard = set(), set(), None
    for part in request.headers.get("Accept-Encoding", "").split(","):
        coding, _, parameters = part.strip().partition(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding == "*":
            wildcard = quality > 0
        elif quality > 0:
            accepted.add(coding)
        else:
            refused.add(coding)
    return accepted, refused, wildcard


def accepts_gzip(request):
    accepted, refused, wildcard = accepted_encodings(request)
    return "gzip" in accepted or (bool(wildcard) and "gzip" not in refused)


class QualityAwareGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, but `Accept-Encoding: gzip;q=0` means no gzip, as HTTP says."""

    def process_response(self, request, response):
        if not accepts_gzip(request):
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        return super().process_response(request, response)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            return self.get_response(request)
        generation = content_generation()
        known_generation, params = _known_params.get(request.path, (None, None))
        # What a path's view reads may follow the content (the keuzehulp's questions), so it is learnt anew
        # for every content generation.
        if known_generation == generation:
            entry = cache.get(self.key(request, generation, params))
            if entry is not None:
                return self.respond(request, entry)
        response = self.get_response(request)
        if not self.may_store(response):
            return response
        if len(_known_params) >= KNOWN_PATHS_LIMIT:
            _known_params.clear()
        _known_params[request.path] = (generation, response.page_params)
        entry = self.entry(response)
        if response.page_storable:
            # The generation read before rendering: a page rendered from rows older than a commit that moved
            # the generation on is stored under the old generation, where nobody looks any more.
            cache.set(self.key(request, generation, response.page_params), entry, settings.PAGE_CACHE_SECONDS)
        # The first answer is the same representation as every later one, so its ETag revalidates.
        return self.respond(request, entry)

    @staticmethod
    def may_use_cache(request):
        # Editors (with a session) always see the live site; everyone else shares the cached pages.
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def key(request, generation, params):
        query = "&".join(f"{name}={value}" for name, value in normalised(request.GET, params))
        address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
        digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
        return f"lpo:page:{generation}:{digest}"

    @staticmethod
    def may_store(response):
        return (
            getattr(response, "public_page", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Content-Encoding")
        )

    @staticmethod
    def entry(response):
        body = response.content
        digest = hashlib.sha256(body).hexdigest()[:32]
        return {
            "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
            "vary": response.get("Vary", ""),
            "body": body,
            "gzip": gzip.compress(body, compresslevel=6, mtime=0),
            # One strong ETag per representation: the gzip body and the identity body differ.
            "etag": f'"{digest}"',
            "gzip_etag": f'"{digest}-gzip"',
        }

    @staticmethod
    def respond(request, entry):
        compressed = accepts_gzip(request)
        body = entry["gzip"] if compressed else entry["body"]
        etag = entry["gzip_etag"] if compressed else entry["etag"]
        response = HttpResponse(body)
        for name, value in entry["headers"].items():
            response[name] = value
        if entry["vary"]:
            response["Vary"] = entry["vary"]
        patch_vary_headers(response, ["Accept-Encoding"])
        if compressed:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(body))
        response["ETag"] = etag
        conditional = get_conditional_response(request, etag=etag, response=response)
        if conditional is not response:
            return conditional
        if request.method == "HEAD":
            response.content = b""
            response["Content-Length"] = str(len(body))
        return response
