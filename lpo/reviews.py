"""Whether a translation of a text has been checked by someone who reads the language, and whether it is still
the translation of the current Dutch text.

Every translatable model (see each app's translation.py) carries its review state on its own row, so a page
that shows the state needs no extra query. Per language (en, uk) the row keeps whether the translation was
marked "nagekeken", by whom and when, and a hash of the Dutch text the translation belongs to (`nl_hash_en`,
`nl_hash_uk`); `nl_hash` is the hash of the current Dutch text. When they differ, the Dutch text changed after
the translation was made or reviewed: the translation is out of date ("verouderd").

The hashes are kept up to date by one pre_save receiver (`keep_in_step`, connected in lpo.signals): a new
or changed translation belongs to the current Dutch text and is not reviewed yet; a change of only the Dutch
text leaves the translation's hash as it was, so the translation shows as out of date.
"""

import hashlib

from modeltranslation.translator import translator

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language

# The languages that are translated from Dutch, with their names as the (Dutch) admin writes them.
TRANSLATED_LANGUAGES = {"en": "Engels", "uk": "Oekraïens"}
LANGUAGE_ADJECTIVES = {"en": "Engelse", "uk": "Oekraïense"}


class TranslationState(models.TextChoices):
    MISSING = "niet-vertaald", "nog niet vertaald"
    UNREVIEWED = "niet-nagekeken", "vertaald, nog niet nagekeken"
    REVIEWED = "nagekeken", "nagekeken"
    OUTDATED = "verouderd", "verouderd"


def text_hash(values):
    """A hash of the named texts; empty texts count as absent, so adding an empty field changes nothing."""
    parts = [f"{name}={value}" for name, value in sorted(values.items()) if value]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _hash_field(verbose_name):
    return models.CharField(verbose_name, max_length=64, blank=True, default="", editable=False)


class TranslationReview(models.Model):
    """The review state of this object's translations (abstract: its fields go on every translatable model).

    Not editable in forms: the state changes with the texts, and with the admin's "nagekeken" action.
    """

    nl_hash = _hash_field("kenmerk van de Nederlandse tekst")
    nl_hash_en = _hash_field("kenmerk van de Nederlandse tekst van de Engelse vertaling")
    reviewed_en = models.BooleanField("Engelse vertaling nagekeken", default=False, editable=False)
    reviewed_by_en = models.CharField(
        "Engelse vertaling nagekeken door", max_length=150, blank=True, default="", editable=False
    )
    reviewed_at_en = models.DateTimeField("Engelse vertaling nagekeken op", null=True, blank=True, editable=False)
    nl_hash_uk = _hash_field("kenmerk van de Nederlandse tekst van de Oekraïense vertaling")
    reviewed_uk = models.BooleanField("Oekraïense vertaling nagekeken", default=False, editable=False)
    reviewed_by_uk = models.CharField(
        "Oekraïense vertaling nagekeken door", max_length=150, blank=True, default="", editable=False
    )
    reviewed_at_uk = models.DateTimeField("Oekraïense vertaling nagekeken op", null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def translated_fields(cls):
        return sorted(translator.get_options_for_model(cls).get_field_names())

    def texts(self, language):
        return {field: self.__dict__.get(f"{field}_{language}") or "" for field in self.translated_fields()}

    def has_translation(self, language):
        return any(self.texts(language).values())

    def translation_state(self, language):
        if not self.has_translation(language):
            return TranslationState.MISSING
        if getattr(self, f"nl_hash_{language}") != self.nl_hash:
            return TranslationState.OUTDATED
        if getattr(self, f"reviewed_{language}"):
            return TranslationState.REVIEWED
        return TranslationState.UNREVIEWED

    def mark_translation_reviewed(self, language, reviewer):
        """Marks the translation as checked against the current Dutch text; the caller saves."""
        setattr(self, f"reviewed_{language}", True)
        setattr(self, f"reviewed_by_{language}", reviewer)
        setattr(self, f"reviewed_at_{language}", timezone.now())
        self.__dict__.setdefault("_reviewed_now", set()).add(language)

    @classmethod
    def translation_state_filter(cls, language, state):
        """The objects whose translation in `language` is in `state`, as a filter for a queryset."""
        translated = Q()
        for field in cls.translated_fields():
            translated |= Q(**{f"{field}_{language}__gt": ""})
        current = Q(**{f"nl_hash_{language}": F("nl_hash")})
        reviewed = Q(**{f"reviewed_{language}": True})
        return {
            TranslationState.MISSING: ~translated,
            TranslationState.OUTDATED: translated & ~current,
            TranslationState.REVIEWED: translated & current & reviewed,
            TranslationState.UNREVIEWED: translated & current & ~reviewed,
        }[state]


def keep_in_step(sender, instance, raw=False, **kwargs):
    """Before every save: the hash of the current Dutch text, and per language the Dutch text it translates.

    Also for fixtures and restored versions (`raw`): a translation without a hash was made from the Dutch text
    it arrives with. Outside `raw`, the row as stored tells whether the translation or only the Dutch changed.
    """
    fields = instance.translated_fields()
    instance.nl_hash = text_hash(instance.texts(settings.LANGUAGE_CODE))
    stored = None
    if not raw and instance.pk is not None and not instance._state.adding:
        columns = [f"{field}_{code}" for field in fields for code in [settings.LANGUAGE_CODE, *TRANSLATED_LANGUAGES]]
        stored = type(instance)._base_manager.filter(pk=instance.pk).values(*columns).first()
    reviewed_now = instance.__dict__.pop("_reviewed_now", set())
    for language in TRANSLATED_LANGUAGES:
        if not instance.has_translation(language):
            _forget_review(instance, language)
            setattr(instance, f"nl_hash_{language}", "")
            continue
        changed = stored is not None and any(
            (stored[f"{field}_{language}"] or "") != text for field, text in instance.texts(language).items()
        )
        if language in reviewed_now or changed:
            # Reviewed or (re)translated now: it belongs to the Dutch text as it is now.
            setattr(instance, f"nl_hash_{language}", instance.nl_hash)
        elif not getattr(instance, f"nl_hash_{language}"):
            # A translation from before the hashes: it belongs to the Dutch text as stored.
            dutch = {field: stored[f"{field}_{settings.LANGUAGE_CODE}"] or "" for field in fields} if stored else None
            setattr(instance, f"nl_hash_{language}", text_hash(dutch) if dutch is not None else instance.nl_hash)
        if changed and language not in reviewed_now:
            _forget_review(instance, language)


def _forget_review(instance, language):
    setattr(instance, f"reviewed_{language}", False)
    setattr(instance, f"reviewed_by_{language}", "")
    setattr(instance, f"reviewed_at_{language}", None)


def notice(objects, language=None):
    """What a reader of `language` is told about the translations of these objects, shown on one page:
    "verouderd" if any is out of date, else "niet-nagekeken" if any is not reviewed, else nothing. Objects that
    are not translated at all are left out: their Dutch text is marked "nog niet vertaald" where it shows."""
    language = language or get_language()
    if language not in TRANSLATED_LANGUAGES:
        return None
    states = {obj.translation_state(language) for obj in objects if isinstance(obj, TranslationReview)}
    for state in (TranslationState.OUTDATED, TranslationState.UNREVIEWED):
        if state in states:
            return state.value
    return None
