"""The external addresses the site links to, where each is used, and one visit to an address.

`link_usages()` is shared by `manage.py check_links` (which addresses to visit) and the LinkCheck admin
(where a broken address is used). `check_url()` visits one address; it never touches the database, so the
command can run several at once in threads.
"""

import http.client
import re
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Model
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from lpo.content import content_models

# [text](https://…) in Markdown, allowing one level of parentheses in the address (as Wikipedia's have).
MARKDOWN_LINK = re.compile(r"\]\(\s*<?(https?://(?:[^()\s<>]|\([^()\s<>]*\))+)>?(?:\s+\"[^\"]*\")?\s*\)")
# A bare address (also in pasted HTML: the quotes end it).
BARE_URL = re.compile(r"https?://[^\s<>\"'`\]\[{}|\\^]+")
TRAILING_PUNCTUATION = ".,;:!?*_~"


@dataclass(frozen=True)
class Usage:
    """One place that links to an address: an object, and which of its fields."""

    obj: Model
    field: str

    @property
    def label(self):
        return f"{self.obj._meta.verbose_name.capitalize()}: {self.obj} ({self.field})"

    @property
    def admin_url(self):
        meta = self.obj._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.obj.pk])


def _strip_bare_url(url):
    """A bare address ends before the punctuation of the sentence around it, and before an unopened ')'."""
    while url:
        unopened = url[-1] == ")" and url.count(")") > url.count("(")
        if url[-1] in TRAILING_PUNCTUATION or unopened:
            url = url[:-1]
        else:
            break
    return url


def urls_in_text(text):
    """The http(s) addresses in a text: Markdown link targets and bare addresses, in order, each once."""
    found = []
    for match in MARKDOWN_LINK.finditer(text):
        found.append(match.group(1))
    rest = MARKDOWN_LINK.sub("]()", text)
    for match in BARE_URL.finditer(rest):
        url = _strip_bare_url(match.group(0))
        if len(url) > len("https://"):
            found.append(url)
    return list(dict.fromkeys(found))


def _is_web_address(url):
    return url.startswith(("http://", "https://"))


def link_usages():
    """Every external address on the site, each with the places that use it, in a stable order.

    Each content model that has addresses names them with `external_links()`: (the object a reader sees it on,
    the field, the address). Drafts count too: they will be published.
    """
    usages = {}
    for model in content_models():
        if not hasattr(model, "external_links"):
            continue
        manager = model._default_manager
        objects = manager.for_link_check() if hasattr(manager, "for_link_check") else manager.all()
        for obj in objects.order_by("pk"):
            for owner, field, url in obj.external_links():
                url = (url or "").strip()
                if _is_web_address(url):
                    usages.setdefault(url, []).append(Usage(owner, field))
    return usages


def user_agent():
    """Names the portal and where to find it, so a site owner knows who visits."""
    host = next((host.lstrip(".") for host in settings.ALLOWED_HOSTS if host.lstrip(".") not in ("", "*")), "")
    return f"LPO-portaal linkcontrole (+https://{host}/)" if host else "LPO-portaal linkcontrole"


@dataclass
class Result:
    url: str
    status: int | None = None
    error: str = ""
    final_url: str = ""


class _SameMethodRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects with the same method: Python 3.11 turns a redirected HEAD into a GET."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        request = super().redirect_request(req, fp, code, msg, headers, newurl)
        if request is not None:
            request.method = req.get_method()
        return request


def _opener():
    # Only HTTP and HTTPS: no file:, ftp: or data: handlers, also not after a redirect.
    opener = urllib.request.OpenerDirector()
    for handler in [
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _SameMethodRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ]:
        opener.add_handler(handler)
    return opener


def _describe(error):
    """A short Dutch description of why an address gave no answer."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError):
        return "time-out"
    if isinstance(reason, socket.gaierror):
        return "DNS: de servernaam is niet gevonden"
    if isinstance(reason, ConnectionRefusedError):
        return "verbinding geweigerd"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"SSL: certificaat niet geldig ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"SSL: {reason.reason or reason}"
    if isinstance(reason, ConnectionResetError):  # also http.client.RemoteDisconnected
        return "verbinding verbroken door de server"
    return f"fout: {reason}"[:300]


def _request(opener, url, method, timeout):
    # The opener only speaks HTTP(S), and link_usages() only gives http(s) addresses.
    headers = {"User-Agent": user_agent(), "Accept": "*/*"}
    request = urllib.request.Request(iri_to_uri(url), method=method, headers=headers)  # noqa: S310
    with opener.open(request, timeout=timeout) as response:
        return response.status, response.geturl()


def check_url(url, timeout=10.0):
    """Visits one address: HEAD first, GET when the server refuses HEAD; follows redirects."""
    opener = _opener()
    result = Result(url)
    try:
        for method in ("HEAD", "GET"):
            try:
                result.status, result.final_url = _request(opener, url, method, timeout)
                break
            except urllib.error.HTTPError as error:
                result.status, result.final_url = error.code, error.geturl() or url
                error.close()
                if method == "HEAD" and error.code in (405, 501):
                    continue  # the server does not do HEAD: ask with GET
                if 300 <= error.code < 400:
                    result.error = "te vaak doorgestuurd of doorgestuurd naar niets"
                break
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        result.status, result.error, result.final_url = None, _describe(error), ""
    if result.final_url == iri_to_uri(url):
        result.final_url = url  # only encoded for the request, not sent elsewhere
    return result
