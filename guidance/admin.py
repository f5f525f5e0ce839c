from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from django.contrib import admin
from django.urls import reverse

from guidance.models import Page, RoleCount, Source, Tool
from lpo.admin import CheckedAdminMixin, CheckedListFilter, PublishingMixin, ReadOnlyAdminMixin, TranslationReviewMixin
from lpo.concept_admin import ConceptAdminMixin

admin.site.site_header = "LPO-portaal: beheer"
admin.site.site_title = "LPO-portaal beheer"
admin.site.index_title = "Inhoud beheren"


@admin.register(Page)
class PageAdmin(TranslationReviewMixin, ConceptAdminMixin, PublishingMixin, VersionAdmin, TabbedTranslationAdmin):
    preview_url_name = "guidance:preview"
    actions = [*PublishingMixin.actions, *ConceptAdminMixin.actions, *TranslationReviewMixin.actions]
    list_display = ["__str__", "parent", "summary", "listing", "is_published", "updated_at"]
    list_display_links = ["__str__"]
    list_filter = ["is_published", ("parent", admin.RelatedOnlyFieldListFilter), "listing"]
    search_fields = ["title_nl", "title_en", "title_uk", "summary_nl", "lead_nl", "body_nl", "body_en", "body_uk"]
    ordering = ["parent__order", "parent__number", "order", "number", "title_nl"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["title_nl"]}
    readonly_fields = ["preview_link"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "number", "order", "is_published", "preview_link"]}),
        ("Tekst", {"fields": ["summary", "lead", "body", "listing"]}),
        ("Herkomst", {"fields": ["source_title", "original_title", "source_url"]}),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Two levels only: a page can sit under a top-level page, never under a subpage.
            kwargs["queryset"] = Page.objects.filter(parent__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Source)
class SourceAdmin(VersionAdmin):
    list_display = ["number", "author", "year", "title", "language", "url"]
    list_display_links = ["number", "title"]
    list_filter = ["year", "language"]
    search_fields = ["author", "title", "=number"]
    ordering = ["number"]

    def has_delete_permission(self, request, obj=None):
        # A cited source cannot go: its footnote marks would point nowhere.
        if obj is not None and any(obj.number in page.cited_source_numbers() for page in Page.objects.all()):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Tool)
class ToolAdmin(TranslationReviewMixin, CheckedAdminMixin, ConceptAdminMixin, VersionAdmin, TabbedTranslationAdmin):
    actions = [*CheckedAdminMixin.actions, *ConceptAdminMixin.actions, *TranslationReviewMixin.actions]
    list_display = ["name", "organisation", "languages", "url", "mentioned_on", "checked_on", "order"]
    list_editable = ["order"]
    list_filter = [CheckedListFilter, ("mentioned_on", admin.RelatedOnlyFieldListFilter), "organisation"]
    fields = [
        "name",
        "organisation",
        "description",
        "languages",
        "url",
        "mentioned_on",
        "order",
        "checked_on",
        "checked_by",
    ]
    readonly_fields = ["checked_by"]
    search_fields = ["name_nl", "name_en", "name_uk", "organisation", "description_nl"]
    ordering = ["order", "name_nl"]
    list_select_related = ["mentioned_on"]

    def concept_preview_url(self, obj):
        # A tool shows on the page that lists all tools.
        page = Page.objects.filter(listing=Page.Listing.TOOLS).first()
        return reverse("guidance:preview", args=[page.pk]) if page else None


@admin.register(RoleCount)
class RoleCountAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the counts come from visitors' clicks on the functie-vraag."""

    list_display = ["month", "role", "count"]
    list_filter = ["role", "month"]
    date_hierarchy = "month"
    ordering = ["-month", "role"]
