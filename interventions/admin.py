from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from reversion.admin import VersionAdmin

from django.contrib import admin

from guidance.admin import PublishingMixin, TranslationReviewMixin
from interventions.models import Criterion, Fact, Intervention, Tag


class TagInline(TranslationTabularInline):
    model = Tag
    fields = ["label", "slug", "order"]
    prepopulated_fields = {"slug": ["label_nl"]}
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(TranslationReviewMixin, VersionAdmin, TranslationAdmin):
    list_display = ["name", "question", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_nl", "question_nl", "question_en", "question_uk", "explanation_nl"]
    ordering = ["order"]
    inlines = [TagInline]


@admin.register(Tag)
class TagAdmin(TranslationReviewMixin, VersionAdmin, TranslationAdmin):
    list_display = ["label", "criterion", "slug", "order"]
    list_filter = ["criterion"]
    search_fields = ["label_nl", "label_en", "label_uk", "slug"]
    ordering = ["criterion__order", "order"]
    list_select_related = ["criterion"]


class FactInline(TranslationStackedInline):
    model = Fact
    fields = ["topic", "text", "sources", "order"]
    extra = 0


@admin.register(Intervention)
class InterventionAdmin(TranslationReviewMixin, PublishingMixin, VersionAdmin, TranslationAdmin):
    preview_url_name = "interventions:preview"
    actions = [*PublishingMixin.actions, *TranslationReviewMixin.actions]
    list_display = ["name", "full_name", "slug", "is_published", "order"]
    list_editable = ["order"]
    list_filter = ["is_published", "tags"]
    search_fields = ["name_nl", "full_name_nl", "facts__text_nl"]
    ordering = ["order", "name_nl"]
    prepopulated_fields = {"slug": ["name_nl"]}
    filter_horizontal = ["tags"]
    readonly_fields = ["preview_link"]
    fields = ["name", "full_name", "slug", "website", "tags", "is_published", "order", "preview_link"]
    inlines = [FactInline]


@admin.register(Fact)
class FactAdmin(TranslationReviewMixin, VersionAdmin, TranslationAdmin):
    list_display = ["intervention", "topic", "text"]
    list_filter = ["intervention", "topic"]
    search_fields = ["text_nl", "text_en", "text_uk", "sources"]
    ordering = ["intervention__order", "order"]
    list_select_related = ["intervention"]
