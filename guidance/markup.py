"""Editors write Markdown; this turns it into safe HTML with footnote marks linked to the literatuurlijst."""

import re

import markdown
import nh3

from django.utils.html import format_html
from django.utils.safestring import mark_safe

FOOTNOTE = re.compile(r"\[\^(\d{1,4})\]")
# A tag in nh3's output, whose attribute values are always double-quoted and may hold '>'.
TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')

# What an editor may use: text structure, links and emphasis. Anything else is dropped, so a pasted
# <script>, an event handler or a javascript: link never reaches a visitor.
ALLOWED_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "a", "em", "strong", "blockquote", "br", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}


def footnote_numbers(text):
    return {int(number) for number in FOOTNOTE.findall(text)}


def render(text, sources_url=""):
    """Markdown to sanitised HTML; `[^5]` becomes a superscript link to source 5 on the literatuurlijst."""
    html = markdown.markdown(text, output_format="html")
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )

    def footnote_link(match):
        number = int(match.group(1))
        return format_html(
            '<sup class="footnote-mark"><a href="{}#bron-{}" aria-label="bron {}">{}</a></sup>',
            sources_url,
            number,
            number,
            number,
        )

    # Marks become links in the text only: a [^5] inside a link's title or address stays as it is.
    parts = TAG.split(html)
    tags = TAG.findall(html)
    pieces = [FOOTNOTE.sub(footnote_link, parts[0])]
    for tag, text in zip(tags, parts[1:], strict=True):
        pieces += [tag, FOOTNOTE.sub(footnote_link, text)]
    return mark_safe("".join(pieces))  # noqa: S308 - sanitised by nh3 above, marks built with format_html
