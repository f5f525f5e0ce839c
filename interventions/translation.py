from modeltranslation.translator import TranslationOptions, register

from interventions.models import Criterion, Fact, Intervention, Tag


@register(Criterion)
class CriterionTranslationOptions(TranslationOptions):
    fields = ("name", "question", "explanation")
    required_languages = ("nl",)


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ("nl",)


@register(Intervention)
class InterventionTranslationOptions(TranslationOptions):
    fields = ("name", "full_name", "note")
    required_languages = ("nl",)


@register(Fact)
class FactTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("nl",)
