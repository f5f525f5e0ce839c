"""A cache of whole public pages, checked before sessions, languages and URL resolving run.

A cached page costs about as much as a static file. Every save of content moves the content generation on
(see guidance.signals), and the generation is part of each cache key, so no visitor sees a page from before
a save. The generation lives in two places so that this holds both for several workers on one machine with
the default local-memory cache (a stamp file's modification time) and for several machines sharing Redis or
Memcached (a counter in that cache).
"""

import gzip
import hashlib
import logging
import os
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

GENERATION_KEY = "lpo:content-generation"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Cache-Control")


def public_page(view):
    """Marks a view's responses as the same for every visitor, so the page cache may keep them.

    Public pages only read: other methods get 405.
    """

    @require_safe
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.public_page = True
        # Browsers may keep the page but must ask again (cheaply, with the ETag) before showing it.
        patch_cache_control(response, no_cache=True)
        return response

    return wrapper


def content_generation():
    try:
        stamp = os.stat(settings.CONTENT_STAMP_FILE).st_mtime_ns
    except OSError:
        stamp = 0
    return f"{stamp}.{cache.get(GENERATION_KEY, 0)}"


def content_changed():
    """Called after every change of content: all cached pages are out of date from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)
    try:
        settings.CONTENT_STAMP_FILE.parent.mkdir(parents=True, exist_ok=True)
        settings.CONTENT_STAMP_FILE.touch()
    except OSError:
        logger.warning("Could not touch %s; other workers rely on the shared cache.", settings.CONTENT_STAMP_FILE)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            return self.get_response(request)
        key = self.key(request)
        entry = cache.get(key)
        if entry is not None:
            return self.respond(request, entry)
        response = self.get_response(request)
        if self.may_store(response):
            entry = self.entry(response)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            response["ETag"] = entry["etag"]
            if request.headers.get("If-None-Match") == entry["etag"]:
                return self.not_modified(entry)
        return response

    @staticmethod
    def may_use_cache(request):
        # Editors (with a session) always see the live site; everyone else shares the cached pages.
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def key(request):
        address = f"{request.get_host()}{request.get_full_path()}".encode("utf-8", "surrogateescape")
        return f"lpo:page:{content_generation()}:{hashlib.sha256(address).hexdigest()}"

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
        return {
            "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
            "body": body,
            "gzip": gzip.compress(body, compresslevel=6, mtime=0),
            "etag": f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        }

    def respond(self, request, entry):
        if request.headers.get("If-None-Match") == entry["etag"]:
            return self.not_modified(entry)
        accepts_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        response = HttpResponse(entry["gzip"] if accepts_gzip else entry["body"])
        for name, value in entry["headers"].items():
            response[name] = value
        if accepts_gzip:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
        response["ETag"] = entry["etag"]
        patch_vary_headers(response, ["Accept-Encoding"])
        return response

    @staticmethod
    def not_modified(entry):
        response = HttpResponseNotModified()
        response["ETag"] = entry["etag"]
        return response
