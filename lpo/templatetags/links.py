"""Links that read as names: 'ZonMw (projecten.zonmw.nl)', never a bare address (that is in href and in print)."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from lpo.names import domain as domain_of

register = template.Library()


@register.filter
def domain(url):
    return domain_of(url)


@register.simple_tag
def named_link(url, title, dutch=False):
    """A link that reads as its title, followed by the site's domain; a title that is the domain is not repeated.

    `dutch=True` marks a Dutch title (such as the title of a Dutch original) with lang="nl" on other languages' pages.
    """
    host = domain_of(url)
    title = title or host
    lang = settings.LANGUAGE_CODE if dutch and get_language() != settings.LANGUAGE_CODE else ""
    if lang:
        link = format_html('<a class="utrecht-link utrecht-link--html-a" href="{}" lang="{}">{}</a>', url, lang, title)
    else:
        link = format_html('<a class="utrecht-link utrecht-link--html-a" href="{}">{}</a>', url, title)
    if not host or title == host:
        return link
    return format_html('{} <span class="lpo-domain">({})</span>', link, host)
