from django.contrib import admin

from guidance.models import Page, Source, Tool

admin.site.site_header = "LPO-portaal: beheer"
admin.site.site_title = "LPO-portaal beheer"
admin.site.index_title = "Inhoud beheren"


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "parent", "summary", "listing", "is_published", "updated_at"]
    list_display_links = ["__str__"]
    list_filter = ["is_published", ("parent", admin.RelatedOnlyFieldListFilter), "listing"]
    search_fields = ["title", "summary", "lead", "body", "source_title"]
    ordering = ["parent__order", "parent__number", "order", "number", "title"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "number", "order", "is_published"]}),
        ("Tekst", {"fields": ["summary", "lead", "body", "listing"]}),
        ("Herkomst", {"fields": ["source_title", "source_url"]}),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Two levels only: a page can sit under a top-level page, never under a subpage.
            kwargs["queryset"] = Page.objects.filter(parent__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["number", "author", "year", "title", "url"]
    list_display_links = ["number", "title"]
    list_filter = ["year"]
    search_fields = ["author", "title", "=number"]
    ordering = ["number"]


@admin.register(Tool)
class ToolAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "languages", "url", "mentioned_on", "order"]
    list_editable = ["order"]
    list_filter = ["mentioned_on", "organisation"]
    search_fields = ["name", "organisation", "description", "languages"]
    ordering = ["order", "name"]
    list_select_related = ["mentioned_on"]
