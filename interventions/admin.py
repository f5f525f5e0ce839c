from django.contrib import admin

from interventions.models import Criterion, Fact, Intervention, Tag


class TagInline(admin.TabularInline):
    model = Tag
    fields = ["label", "slug", "order"]
    prepopulated_fields = {"slug": ["label"]}
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "question", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "question", "explanation"]
    ordering = ["order"]
    inlines = [TagInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["label", "criterion", "slug", "order"]
    list_filter = ["criterion"]
    search_fields = ["label", "slug"]
    ordering = ["criterion__order", "order"]
    list_select_related = ["criterion"]


class FactInline(admin.StackedInline):
    model = Fact
    fields = ["topic", "text", "sources", "order"]
    extra = 0


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["name", "full_name", "slug", "is_published", "order"]
    list_editable = ["order"]
    list_filter = ["is_published", "tags"]
    search_fields = ["name", "full_name", "facts__text"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["tags"]
    inlines = [FactInline]


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["intervention", "topic", "text"]
    list_filter = ["intervention", "topic"]
    search_fields = ["text", "sources"]
    ordering = ["intervention__order", "order"]
    list_select_related = ["intervention"]
