from modeltranslation.translator import TranslationOptions, register

from guidance.models import Page, Tool


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "lead", "body", "source_title")
    required_languages = ("nl",)


@register(Tool)
class ToolTranslationOptions(TranslationOptions):
    fields = ("name", "description", "languages")
    required_languages = ("nl",)
