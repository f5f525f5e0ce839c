"""Editors write Markdown; this turns it into safe HTML with footnote marks linked to the literatuurlijst."""

import functools
import re

import markdown
import nh3

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

FOOTNOTE = re.compile(r"\[\^(\d{1,4})\]")
# A tag in nh3's output, whose attribute values are always double-quoted and may hold '>'.
TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')

# What an editor may use: text structure, links and emphasis, and <span lang="…"> for a word in another
# language (a Dutch name in a Ukrainian text), so that screen readers pronounce it right. Anything else is
# dropped, so a pasted <script>, an event handler or a javascript: link never reaches a visitor.
ALLOWED_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "a", "em", "strong", "blockquote", "br", "abbr", "span"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "span": {"lang"}}
# A language tag as BCP 47 writes it: "nl", "en-GB", "uk", "sr-Latn"; nothing else passes as lang.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def footnote_numbers(text):
    return {int(number) for number in FOOTNOTE.findall(text)}


def _attribute_filter(tag, attribute, value):
    if attribute == "lang":
        return value if LANGUAGE_TAG.fullmatch(value) else None
    return value


def mark_id(number, marks):
    """The id of a footnote mark: noot-5 for the page's first mark of source 5, then noot-5-2, noot-5-3 …"""
    marks[number] = marks.get(number, 0) + 1
    return f"noot-{number}" if marks[number] == 1 else f"noot-{number}-{marks[number]}"


# The texts of the pages a worker renders, each converted once: Markdown is the dearest part of a page, and a
# text only changes when an editor saves it (a new text is a new key).
@functools.lru_cache(maxsize=1024)
def _sanitised_html(text):
    return nh3.clean(
        markdown.markdown(text, output_format="html"),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )


def render(text, sources_url="", marks=None):
    """Markdown to sanitised HTML; `[^5]` becomes a superscript link to source 5 on the literatuurlijst.

    Each mark gets an id, so that the literatuurlijst can link back to where a page cites a source. Texts
    shown on one page (a lead and a body) share `marks`, a dict that counts the marks per source.
    """
    marks = {} if marks is None else marks
    html = _sanitised_html(text)

    def footnote_link(match):
        number = int(match.group(1))
        return format_html(
            '<sup class="footnote-mark"><a href="{}#bron-{}" id="{}" aria-label="{}">{}</a></sup>',
            sources_url,
            number,
            mark_id(number, marks),
            _("bron %(number)s") % {"number": number},
            number,
        )

    # Marks become links in the text only: a [^5] inside a link's title or address stays as it is.
    parts = TAG.split(html)
    tags = TAG.findall(html)
    pieces = [FOOTNOTE.sub(footnote_link, parts[0])]
    for tag, text in zip(tags, parts[1:], strict=True):
        pieces += [tag, FOOTNOTE.sub(footnote_link, text)]
    return mark_safe("".join(pieces))  # noqa: S308 - sanitised by nh3 above, marks built with format_html
