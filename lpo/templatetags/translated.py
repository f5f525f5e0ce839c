"""Show translated content, and mark Dutch text that stands in for a missing translation."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


def is_untranslated(obj, field):
    """True when the visitor's language has no text for this field, so the Dutch text is shown instead."""
    language = get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return False
    return not getattr(obj, f"{field}_{language}", None) and bool(getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", ""))


@register.filter
def tr(obj, field):
    """The field in the visitor's language; a Dutch stand-in gets lang="nl" and a visible "(in Dutch)".

    In a menu or a card that tells the reader, before following the link, that the page is in Dutch.
    """
    value = getattr(obj, field)
    if not is_untranslated(obj, field):
        return value
    return format_html(
        '<span lang="{}">{}</span> <span class="lpo-untranslated">({})</span>',
        settings.LANGUAGE_CODE,
        value,
        _("in het Nederlands"),
    )


@register.filter
def tr_plain(obj, field):
    """As `tr`, without the "(in Dutch)": for names and titles that are Dutch by nature, such as the title of a
    Dutch publication, where the note would tell nothing."""
    value = getattr(obj, field)
    if not is_untranslated(obj, field):
        return value
    return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, value)


@register.filter
def untranslated(obj, field):
    return is_untranslated(obj, field)
