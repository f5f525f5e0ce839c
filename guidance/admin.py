import reversion
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from guidance.models import Page, RoleCount, Source, Tool

admin.site.site_header = "LPO-portaal: beheer"
admin.site.site_title = "LPO-portaal beheer"
admin.site.index_title = "Inhoud beheren"


class PublishingMixin:
    """Drafts: publish or withdraw from the list, and a preview that also shows drafts."""

    actions = ["publish", "make_draft"]
    preview_url_name = None

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else reverse(self.preview_url_name, args=[obj.pk])

    @admin.display(description="voorbeeld")
    def preview_link(self, obj):
        if not obj.pk:
            return "Sla eerst op; daarna kunt u hier het voorbeeld bekijken."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Bekijk het voorbeeld zoals bezoekers het zullen zien</a>',
            reverse(self.preview_url_name, args=[obj.pk]),
        )

    @admin.action(description="Publiceren: zichtbaar maken voor bezoekers", permissions=["change"])
    def publish(self, request, queryset):
        count = self._set_published(request, queryset, True)
        self.message_user(request, f"{count} gepubliceerd.", messages.SUCCESS)

    @admin.action(description="Concept maken: verbergen voor bezoekers", permissions=["change"])
    def make_draft(self, request, queryset):
        count = self._set_published(request, queryset, False)
        self.message_user(request, f"{count} teruggezet naar concept.", messages.SUCCESS)

    def _set_published(self, request, queryset, published):
        # One save per object (not queryset.update), so that the history and the page cache see it.
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Gepubliceerd" if published else "Teruggezet naar concept")
            for obj in queryset:
                obj.is_published = published
                obj.save()
        return len(queryset)


@admin.register(Page)
class PageAdmin(PublishingMixin, VersionAdmin, TranslationAdmin):
    preview_url_name = "guidance:preview"
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
        ("Herkomst", {"fields": ["source_title", "source_url"]}),
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
class ToolAdmin(VersionAdmin, TranslationAdmin):
    list_display = ["name", "organisation", "languages", "url", "mentioned_on", "order"]
    list_editable = ["order"]
    list_filter = [("mentioned_on", admin.RelatedOnlyFieldListFilter), "organisation"]
    search_fields = ["name_nl", "name_en", "name_uk", "organisation", "description_nl"]
    ordering = ["order", "name_nl"]
    list_select_related = ["mentioned_on"]


@admin.register(RoleCount)
class RoleCountAdmin(admin.ModelAdmin):
    """Read-only: the counts come from visitors' clicks on the functie-vraag."""

    list_display = ["month", "role", "count"]
    list_filter = ["role", "month"]
    date_hierarchy = "month"
    ordering = ["-month", "role"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
