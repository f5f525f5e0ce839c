"""Links read as names, never as bare addresses: the address is in href (and in print), the text names the page."""

from urllib.parse import urlsplit


def domain(url):
    """The host of a web address without 'www.', as readers know a site: 'https://www.isrctn.com/…' → 'isrctn.com'."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def looks_like_address(text):
    """True for link text that is a web address rather than a name (what no visitor should have to read)."""
    text = " ".join((text or "").split()).lower()
    return text.startswith(("http://", "https://", "www.", "mailto:")) or "://" in text
