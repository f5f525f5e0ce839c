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

import functools
import gzip
import hashlib
import logging
import os
import time
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
# Part of every page key: a shared cache may still hold entries of another shape from before a deploy.
ENTRY_FORMAT = 2
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Cache-Control")
# The paths this worker has served as public pages, with the parameters their views read. Bounded by the
# site's real pages: a path only gets here after its view answered 200 as a public page.
KNOWN_PATHS_LIMIT = 20_000
_known_params = {}
# The pages this worker served last, by cache key: a hit skips the shared cache's round trip (Redis: the network)
# and unpickling. A key holds the content generation, so an entry here is never out of date, only unused; it
# expires with the shared entry (entry["expires"]), and the dict is emptied when full.
RECENT_LIMIT = 256
_recent = {}


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
    counter = cache.get(GENERATION_KEY)
    if counter is None:
        # A counter the cache lost (flushed, restarted, culled) starts again from the clock, never from a value
        # it had before: pages kept under an old generation (see _recent) are never taken for current.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        counter = cache.get(GENERATION_KEY)
    return f"{stamp}.{counter}"


def content_changed():
    """Call after every committed change of content: all cached pages are out of date from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    try:
        settings.CONTENT_STAMP_FILE.parent.mkdir(parents=True, exist_ok=True)
        settings.CONTENT_STAMP_FILE.touch()
    except OSError:
        logger.warning("Could not touch %s; other workers rely on the shared cache.", settings.CONTENT_STAMP_FILE)


def accepted_encodings(request):
    """The content codings the client accepts, honouring quality values (`gzip;q=0` refuses gzip)."""
    return _parse_accept_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""))


# Browsers send a handful of distinct headers; each is parsed once per worker.
@functools.lru_cache(maxsize=256)
def _parse_accept_encoding(header):
    accepted, refused, wildcard = set(), set(), None
    for part in header.split(","):
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
    return frozenset(accepted), frozenset(refused), wildcard


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
            key = self.key(request, generation, params)
            entry = self.recent(key) or cache.get(key)
            if entry is not None:
                self.remember(key, entry)
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
            key = self.key(request, generation, response.page_params)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            self.remember(key, entry)
        # The first answer is the same representation as every later one, so its ETag revalidates.
        return self.respond(request, entry)

    @staticmethod
    def recent(key):
        entry = _recent.get(key)
        return entry if entry is not None and time.time() < entry["expires"] else None

    @staticmethod
    def remember(key, entry):
        if key not in _recent:
            if len(_recent) >= RECENT_LIMIT:
                _recent.clear()
            _recent[key] = entry

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
        return f"lpo:page:{ENTRY_FORMAT}:{generation}:{digest}"

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
        """The page in both representations, each with every header it is sent with, worked out once."""
        body = response.content
        compressed = gzip.compress(body, compresslevel=6, mtime=0)
        digest = hashlib.sha256(body).hexdigest()[:32]
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        vary = HttpResponse(headers={"Vary": response["Vary"]} if response.has_header("Vary") else {})
        patch_vary_headers(vary, ["Accept-Encoding"])
        headers["Vary"] = vary["Vary"]
        return {
            # The page's own expiry, so that a worker's copy goes when the shared one does.
            "expires": time.time() + settings.PAGE_CACHE_SECONDS,
            "body": body,
            "gzip": compressed,
            # One strong ETag per representation: the gzip body and the identity body differ.
            "headers": headers | {"Content-Length": str(len(body)), "ETag": f'"{digest}"'},
            "gzip_headers": headers
            | {"Content-Encoding": "gzip", "Content-Length": str(len(compressed)), "ETag": f'"{digest}-gzip"'},
        }

    @staticmethod
    def respond(request, entry):
        compressed = accepts_gzip(request)
        headers = entry["gzip_headers"] if compressed else entry["headers"]
        response = HttpResponse(entry["gzip"] if compressed else entry["body"], headers=headers)
        conditional = get_conditional_response(request, etag=headers["ETag"], response=response)
        if conditional is not response:
            return conditional
        if request.method == "HEAD":
            response.content = b""
            response["Content-Length"] = headers["Content-Length"]
        return response
