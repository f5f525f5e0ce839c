"""Search over chapters, interventions, hulpmiddelen and sources, ignoring case and accents, in every language.

Every published item is kept in SearchEntry per language, with its text folded (lower case, no accents) and
its word stems (Snowball: Dutch for nl, English for en; Ukrainian words are kept whole, as PostgreSQL's 'simple'
configuration does). On PostgreSQL the folded text is searched with full-text search in the language's
configuration ('dutch', 'english', 'simple'); on SQLite the stems are matched as word prefixes, which finds the
same word forms ("steun" finds "ondersteuning"'s stem "ondersteun" only as a separate word).

Folding treats both sides alike: "й" becomes "и" and "ї" becomes "і" (their marks are accents to fold()), and
apostrophes inside a word go ("сім'я", "сімʼя" and "сімя" are one word), so a query typed with or without
them finds the same words. An English or Ukrainian search also finds words that only the Dutch text has (a
Dutch name, say): a word matches when the entry in the visitor's language or the Dutch entry of the same item
has it, still in one query; matches in the visitor's language come first.
"""

import functools
import html
import re
import unicodedata
from dataclasses import dataclass

import snowballstemmer

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from lpo.content import content_models
from lpo.models import SearchEntry

APOSTROPHES = "'\u2019\u02bc"
# A word, with the apostrophes inside it ("сім'я", "LPI's").
WORD = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*", re.UNICODE)
INNER_APOSTROPHE = re.compile(rf"(?<=\w)[{APOSTROPHES}](?=\w)")
MARKDOWN = re.compile(r"\[\^\d+\]|[#*_>`\[\]]|\(https?://[^)]*\)")
# Inline HTML in a text (<span lang="nl">, <em>) goes without a trace; other tags leave a space.
INLINE_TAG = re.compile(r"</?(?:span|em|strong|abbr|a|sup|sub)\b[^>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
MAX_QUERY = 200
STEMMERS = {"nl": "dutch", "en": "english"}
FULL_TEXT_CONFIG = {"nl": "dutch", "en": "english", "uk": "simple"}


class _WithoutMarks(dict):
    """A str.translate table that drops every combining mark; each code point is asked about once."""

    def __missing__(self, code_point):
        self[code_point] = None if unicodedata.combining(chr(code_point)) else code_point
        return self[code_point]


WITHOUT_MARKS = _WithoutMarks()


def fold(text):
    """Lower case, without accents or apostrophes inside words; the same for texts and queries."""
    bare = unicodedata.normalize("NFKD", text or "").translate(WITHOUT_MARKS)
    return INNER_APOSTROPHE.sub("", bare).lower()


@functools.cache
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMERS[language])


@functools.lru_cache(maxsize=100_000)
def _stem(word, language):
    # Texts repeat their words; stemming each distinct word once makes rebuilding the index cheap.
    return _stemmer(language).stemWord(word) if language in STEMMERS else word


def stems(text, language):
    words = [word for word in WORD.findall(fold(text)) if len(word) > 1 or word.isdigit()]
    return [_stem(word, language) for word in words]


def plain(markdown_text):
    """The words of a Markdown text as a reader sees them: no marks, no HTML tags, no entities."""
    text = INLINE_TAG.sub("", markdown_text or "")
    text = html.unescape(TAG.sub(" ", text))
    return " ".join(MARKDOWN.sub(" ", text).split())


def clean_query(raw):
    """The query without control characters, cut to a sane length; returns (query, was_cut)."""
    text = "".join(char for char in (raw or "") if unicodedata.category(char)[0] != "C" or char == " ")
    text = " ".join(text.split())
    return text[:MAX_QUERY], len(text) > MAX_QUERY


# Building the index
#
# A content model takes part by defining `search_kind` and `search_document(index)`, which returns a Document
# in the active language or None when visitors cannot reach the object; `search_related()` names the other
# objects whose entries a change to it touches (a fact: its intervention). The index knows no app.


@dataclass
class Document:
    title: str
    location: str
    url: str
    text: str
    order: int


class Index:
    """One indexing run: what many documents share (where a list page is) is looked up once, per language."""

    def __init__(self):
        self.memo = {}

    def remember(self, key, compute):
        key = (translation.get_language(), key)
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


def _entry(obj, language, document):
    body = plain(document.text)
    return SearchEntry(
        kind=obj.search_kind,
        object_id=obj.pk,
        language=language,
        title=document.title[:300],
        location=document.location[:300],
        url=document.url[:300],
        text=body,
        folded=fold(f"{document.title} {body}"),
        stems=" " + " ".join(stems(f"{document.title} {body}", language)) + " ",
        order=document.order,
    )


def _entries_for(obj, index):
    """The entries of one object in every language (none when visitors cannot reach it)."""
    entries = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            document = obj.search_document(index)
            if document is None:
                return []
            entries.append(_entry(obj, language, document))
    return entries


def _indexed(obj):
    return hasattr(obj, "search_document")


def update_for(obj, itself=True):
    """Re-index what a change to `obj` touches: itself (unless it is gone) and what it names as related."""
    objects = [obj] if itself and _indexed(obj) else []
    if hasattr(obj, "search_related"):
        objects += [item for item in obj.search_related() if _indexed(item)]
    if not objects:
        return
    index = Index()
    with transaction.atomic():
        for kind in {item.search_kind for item in objects}:
            ids = [item.pk for item in objects if item.search_kind == kind]
            SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
        SearchEntry.objects.bulk_create([entry for item in objects for entry in _entries_for(item, index)])


def remove(obj):
    if _indexed(obj):
        SearchEntry.objects.filter(kind=obj.search_kind, object_id=obj.pk).delete()


def rebuild():
    """The whole index anew, e.g. after loading or importing content."""
    index = Index()
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        entries = []
        for model in content_models():
            if _indexed(model):
                manager = model._default_manager
                objects = manager.for_search_index() if hasattr(manager, "for_search_index") else manager.all()
                for obj in objects:
                    entries += _entries_for(obj, index)
        SearchEntry.objects.bulk_create(entries, batch_size=500)


# Searching


def search(query, language, limit=50):
    """Entries in `language` matching every word of the query (in any form, in that language or in the Dutch
    text of the same item), those that match in `language` itself first; one query."""
    query_stems = stems(query, language)
    own = _word_conditions(query, language)
    if not query_stems or not own:
        return []
    entries = _searchable(SearchEntry.objects.filter(language=language), language)
    matches = own
    if language != settings.LANGUAGE_CODE:
        dutch_entries = _searchable(
            SearchEntry.objects.filter(
                language=settings.LANGUAGE_CODE, kind=OuterRef("kind"), object_id=OuterRef("object_id")
            ),
            settings.LANGUAGE_CODE,
        )
        dutch = _word_conditions(query, settings.LANGUAGE_CODE)
        matches = [
            own_word | Exists(dutch_entries.filter(dutch_word)) for own_word, dutch_word in zip(own, dutch, strict=True)
        ]
    entries = entries.filter(*matches).annotate(in_own_language=ExpressionWrapper(Q(*own), output_field=BooleanField()))
    if connection.vendor == "postgresql":
        words = " & ".join(f"{word}:*" for word in _words(query))
        rank = SearchRank("document", SearchQuery(words, config=_config(language), search_type="raw"))
        results = list(entries.annotate(rank=rank).order_by("-in_own_language", "-rank", "order")[:limit])
    else:
        results = list(entries.order_by("-in_own_language", "order", "title")[:limit])
    for entry in results:
        entry.snippet = snippet(entry.text, query_stems, language)
        entry.title_marked = highlight(entry.title, query_stems, language)
    return results


def _config(language):
    return FULL_TEXT_CONFIG.get(language, "simple")


def _words(query):
    return [word for word in WORD.findall(fold(query)) if word.isalnum()]


def _searchable(entries, language):
    if connection.vendor == "postgresql":
        return entries.annotate(document=SearchVector("folded", config=_config(language)))
    return entries


def _word_conditions(query, language):
    """Per word of the query, the condition that an entry in `language` has it (see _searchable)."""
    if connection.vendor == "postgresql":
        # Every word as a prefix of a stemmed word, so "oekraine" also finds "Oekraïners".
        config = _config(language)
        return [Q(document=SearchQuery(f"{word}:*", config=config, search_type="raw")) for word in _words(query)]
    return [Q(stems__contains=f" {stem}") for stem in stems(query, language)]


def _matches(word, query_stems, language):
    word_stems = stems(word, language)
    return bool(word_stems) and any(word_stems[0].startswith(stem) for stem in query_stems)


def highlight(text, query_stems, language):
    parts, last = [], 0
    for match in WORD.finditer(text):
        if _matches(match.group(), query_stems, language):
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def snippet(text, query_stems, language, width=90):
    """A short piece of the text around the first match, with the matching words marked."""
    first = next((m.start() for m in WORD.finditer(text) if _matches(m.group(), query_stems, language)), 0)
    start = max(0, first - width)
    end = min(len(text), first + width * 2)
    piece = text[start:end]
    if start:
        piece = "… " + piece.split(" ", 1)[-1]
    if end < len(text):
        piece = piece.rsplit(" ", 1)[0] + " …"
    return highlight(piece, query_stems, language)
