import reversion
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline
from reversion.admin import VersionAdmin

from django.contrib import admin
from django.urls import reverse

from interventions.models import Criterion, Fact, FactSource, Intervention, Tag
from lpo.admin import CheckedAdminMixin, CheckedListFilter, PublishingMixin, TranslationReviewMixin, note_checker
from lpo.concept_admin import ConceptAdminMixin, LockedInlineMixin

# Registered before the admin classes: otherwise reversion registers Fact as the interventions' inline, without
# its sources, and the history of a fact or an intervention would not bring its sources back.
reversion.register(FactSource)
reversion.register(Fact, follow=["sources"])


class TagInline(TranslationTabularInline):
    model = Tag
    fields = ["label", "slug", "order"]
    prepopulated_fields = {"slug": ["label_nl"]}
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(TranslationReviewMixin, VersionAdmin, TabbedTranslationAdmin):
    list_display = ["name", "question", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_nl", "question_nl", "question_en", "question_uk", "explanation_nl"]
    ordering = ["order"]
    inlines = [TagInline]


@admin.register(Tag)
class TagAdmin(TranslationReviewMixin, VersionAdmin, TabbedTranslationAdmin):
    list_display = ["label", "criterion", "slug", "order"]
    list_filter = ["criterion"]
    search_fields = ["label_nl", "label_en", "label_uk", "slug"]
    ordering = ["criterion__order", "order"]
    list_select_related = ["criterion"]


class FactInline(LockedInlineMixin, TranslationStackedInline):
    model = Fact
    fields = ["topic", "text", "order", "source_summary", "checked_on", "checked_by"]
    readonly_fields = ["source_summary", "checked_by"]
    extra = 0
    show_change_link = True  # the sources of a fact are edited on the fact's own page

    @admin.display(description="bronnen")
    def source_summary(self, obj):
        if not obj.pk:
            return "Sla eerst op; daarna voegt u via 'Wijzigen' de bronnen van dit feit toe."
        sources = list(obj.sources.all())
        if not sources:
            return "Nog geen bron: open het feit via 'Wijzigen' en voeg de bron toe."
        return "; ".join(
            source.title if source.title == source.domain else f"{source.title} ({source.domain})" for source in sources
        )


class FactSourceInline(admin.TabularInline):
    model = FactSource
    fields = ["title", "url", "order"]
    extra = 0
    min_num = 1


@admin.register(Intervention)
class InterventionAdmin(
    TranslationReviewMixin, ConceptAdminMixin, PublishingMixin, VersionAdmin, TabbedTranslationAdmin
):
    preview_url_name = "interventions:preview"
    actions = [*PublishingMixin.actions, *ConceptAdminMixin.actions, *TranslationReviewMixin.actions]
    list_display = ["name", "full_name", "slug", "is_published", "order"]
    list_editable = ["order"]
    list_filter = ["is_published", "tags"]
    search_fields = ["name_nl", "full_name_nl", "facts__text_nl"]
    ordering = ["order", "name_nl"]
    prepopulated_fields = {"slug": ["name_nl"]}
    filter_horizontal = ["tags"]
    readonly_fields = ["preview_link"]
    fields = [
        "name",
        "full_name",
        "slug",
        "website",
        "website_kind",
        "note",
        "tags",
        "is_published",
        "order",
        "preview_link",
    ]
    inlines = [FactInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is Fact:
            for fact_form in formset.forms:
                note_checker(request, fact_form)
        super().save_formset(request, form, formset, change)


@admin.register(Fact)
class FactAdmin(TranslationReviewMixin, CheckedAdminMixin, ConceptAdminMixin, VersionAdmin, TabbedTranslationAdmin):
    actions = [*CheckedAdminMixin.actions, *ConceptAdminMixin.actions, *TranslationReviewMixin.actions]
    list_display = ["intervention", "topic", "text", "checked_on"]
    list_filter = [CheckedListFilter, "intervention", "topic"]
    fields = ["intervention", "topic", "text", "order", "checked_on", "checked_by"]
    readonly_fields = ["checked_by"]
    search_fields = ["text_nl", "text_en", "text_uk", "sources__url", "sources__title"]
    ordering = ["intervention__order", "order"]
    list_select_related = ["intervention"]
    inlines = [FactSourceInline]

    def concept_preview_url(self, obj):
        # A fact shows on its intervention's page.
        return reverse("interventions:preview", args=[obj.intervention_id])
