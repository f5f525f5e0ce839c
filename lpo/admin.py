import json

import reversion

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from lpo.links import link_usages
from lpo.locking import LockedForm
from lpo.models import LinkCheck
from lpo.reviews import LANGUAGE_ADJECTIVES, TRANSLATED_LANGUAGES, TranslationState


class ReadOnlyAdminMixin:
    """For records the site keeps itself (link checks, the functie-vraag's counts): to look at, not to edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CheckedListFilter(admin.SimpleListFilter):
    title = "gecontroleerd"
    parameter_name = "gecontroleerd"
    CHECK_DUE = "oud"
    RECENT = "recent"

    def lookups(self, request, model_admin):
        return [
            (self.CHECK_DUE, "langer dan 12 maanden geleden of nooit"),
            (self.RECENT, "in de laatste 12 maanden"),
        ]

    def queryset(self, request, queryset):
        if self.value() == self.CHECK_DUE:
            return queryset.check_due()
        if self.value() == self.RECENT:
            return queryset.checked_recently()
        return queryset


def note_checker(request, form):
    """Whoever sets or changes the check date in a form is the one who checked; clearing it clears both."""
    if "checked_on" in form.changed_data:
        form.instance.checked_by = request.user if form.instance.checked_on else None


class CheckedAdminMixin:
    """For models with a check date (lpo.models.Checked): a list action, and the checker recorded on save."""

    actions = ["mark_checked"]

    @admin.action(description="Markeer als gecontroleerd (vandaag)", permissions=["change"])
    def mark_checked(self, request, queryset):
        today = timezone.localdate()
        # One save per object (not queryset.update), so that the history and the page cache see it.
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Gecontroleerd")
            for obj in queryset:
                obj.checked_on, obj.checked_by = today, request.user
                obj.save()
        self.message_user(
            request, f"{len(queryset)} gemarkeerd als gecontroleerd op {date_format(today)}.", messages.SUCCESS
        )

    def save_model(self, request, obj, form, change):
        note_checker(request, form)
        super().save_model(request, obj, form, change)


class LinkStateFilter(admin.SimpleListFilter):
    title = "toestand"
    parameter_name = "toestand"

    def lookups(self, request, model_admin):
        return [("kapot", "kapot"), ("doorgestuurd", "doorgestuurd"), ("in-orde", "in orde")]

    def queryset(self, request, queryset):
        return {
            "kapot": queryset.broken,
            "doorgestuurd": queryset.redirected,
            "in-orde": queryset.working,
        }.get(self.value(), queryset.all)()


def outcome(check):
    if check.error:
        return f"kapot: {check.error}"
    if check.is_broken:
        return f"kapot ({check.status})"
    if check.is_redirected:
        return f"doorgestuurd ({check.status})"
    return f"in orde ({check.status})"


def usages_html(usages):
    if not usages:
        return "niet meer op de site"
    return format_html_join(mark_safe("<br>"), '<a href="{}">{}</a>', ((u.admin_url, u.label) for u in usages))


@admin.register(LinkCheck)
class LinkCheckAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: `manage.py check_links` fills it. Shows where each address is used, to repair it there."""

    list_filter = [LinkStateFilter]
    search_fields = ["url", "final_url"]
    ordering = ["url"]
    fields = ["url", "outcome", "redirected_to", "checked_at", "used_on"]
    readonly_fields = fields

    def get_list_display(self, request):
        usages = None

        # The places that use each address, looked up once per list (not once per row).
        @admin.display(description="gebruikt op")
        def used_on(check):
            nonlocal usages
            if usages is None:
                usages = link_usages()
            return usages_html(usages.get(check.url, []))

        return ["url", "outcome", "redirected_to", "checked_at", used_on]

    @admin.display(description="uitkomst")
    def outcome(self, check):
        return outcome(check)

    @admin.display(description="doorgestuurd naar")
    def redirected_to(self, check):
        return check.final_url if check.is_redirected else ""

    @admin.display(description="gebruikt op")
    def used_on(self, check):
        return usages_html(link_usages().get(check.url, []))


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

    @admin.action(description="Publiceren: zichtbaar maken voor bezoekers", permissions=["publish"])
    def publish(self, request, queryset):
        count = self._set_published(request, queryset, True)
        self.message_user(request, f"{count} gepubliceerd.", messages.SUCCESS)

    @admin.action(description="Concept maken: verbergen voor bezoekers", permissions=["publish"])
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


def review_comment(language):
    return f"{LANGUAGE_ADJECTIVES[language]} vertaling gemarkeerd als nagekeken."


class TranslationReviewForm(LockedForm):
    """The admin form of a translatable model, with a box per language to mark its translation as checked; it
    refuses a save over someone else's newer one, as every content form does (lpo.locking)."""

    mark_reviewed_en = forms.BooleanField(
        label="Markeer de Engelse vertaling als nagekeken",
        required=False,
        help_text="Alleen als u Engels leest en de vertaling met de Nederlandse tekst hebt vergeleken.",
    )
    mark_reviewed_uk = forms.BooleanField(
        label="Markeer de Oekraïense vertaling als nagekeken",
        required=False,
        help_text="Alleen als u Oekraïens leest en de vertaling met de Nederlandse tekst hebt vergeleken.",
    )


def translation_state_filter(language):
    """A list filter on the review state of the translation in `language` ("Engels: nog niet nagekeken", …)."""

    class TranslationStateFilter(admin.SimpleListFilter):
        title = f"{LANGUAGE_ADJECTIVES[language]} vertaling"
        parameter_name = f"vertaling_{language}"

        def lookups(self, request, model_admin):
            # In a list of translated objects, "nog niet nagekeken" says it: the translation is there.
            labels = {**{state: state.label for state in TranslationState}, "niet-nagekeken": "nog niet nagekeken"}
            return [(state.value, f"{TRANSLATED_LANGUAGES[language]}: {labels[state]}") for state in TranslationState]

        def queryset(self, request, queryset):
            if self.value() in TranslationState.values:
                return queryset.filter(queryset.model.translation_state_filter(language, self.value()))
            return queryset

    return TranslationStateFilter


class TranslationReviewMixin:
    """The review state of the translations (lpo.reviews): a column and a filter per language in the list,
    an action per language, and in the form the state with who checked it and when, and a box to mark it.

    Marking is kept in the history (django-reversion): a revision with the editor and a comment."""

    form = TranslationReviewForm
    actions = ["mark_reviewed_en", "mark_reviewed_uk"]
    review_fields = ["translation_reviews", "mark_reviewed_en", "mark_reviewed_uk"]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "review_state_en", "review_state_uk"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), *(translation_state_filter(code) for code in TRANSLATED_LANGUAGES)]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "translation_reviews"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [field for field in options["fields"] if field not in self.review_fields]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        description = (
            "Geldt voor de vertaalde velden van dit onderdeel zelf; feiten en kenmerken eronder kijkt u na in hun "
            "eigen lijst. Een wijziging van de Nederlandse tekst maakt de vertalingen verouderd."
        )
        return [*fieldsets, ("Vertalingen nakijken", {"fields": self.review_fields, "description": description})]

    @admin.display(description="Engels")
    def review_state_en(self, obj):
        return obj.translation_state("en").label

    @admin.display(description="Oekraïens")
    def review_state_uk(self, obj):
        return obj.translation_state("uk").label

    @admin.display(description="stand van de vertalingen")
    def translation_reviews(self, obj):
        lines = []
        for code, name in TRANSLATED_LANGUAGES.items():
            state = obj.translation_state(code) if obj.pk else TranslationState.MISSING
            detail = ""
            if state == TranslationState.REVIEWED:
                moment = timezone.localtime(getattr(obj, f"reviewed_at_{code}"))
                detail = f" door {getattr(obj, f'reviewed_by_{code}')} op {moment:%d-%m-%Y %H:%M}"
            elif state == TranslationState.OUTDATED:
                detail = ": de Nederlandse tekst is gewijzigd na de vertaling of het nakijken"
            lines.append((name, state.label, detail))
        return format_html_join("", "<p>{}: {}{}</p>", lines)

    @admin.action(description="Markeer de Engelse vertaling als nagekeken", permissions=["change"])
    def mark_reviewed_en(self, request, queryset):
        self._mark_reviewed(request, queryset, "en")

    @admin.action(description="Markeer de Oekraïense vertaling als nagekeken", permissions=["change"])
    def mark_reviewed_uk(self, request, queryset):
        self._mark_reviewed(request, queryset, "uk")

    def _mark_reviewed(self, request, queryset, language):
        marked = skipped = 0
        # One save per object (not queryset.update), so that the history, the page cache and search see it.
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(review_comment(language))
            for obj in queryset:
                if not obj.has_translation(language):
                    skipped += 1
                    continue
                obj.mark_translation_reviewed(language, request.user.get_username())
                obj.save()
                marked += 1
        adjective = LANGUAGE_ADJECTIVES[language]
        self.message_user(request, f"{marked} {adjective} vertaling(en) gemarkeerd als nagekeken.", messages.SUCCESS)
        if skipped:
            self.message_user(request, f"{skipped} zonder {adjective} vertaling overgeslagen.", messages.WARNING)

    def save_model(self, request, obj, form, change):
        for code in TRANSLATED_LANGUAGES:
            if form.cleaned_data.get(f"mark_reviewed_{code}") and obj.has_translation(code):
                obj.mark_translation_reviewed(code, request.user.get_username())
        super().save_model(request, obj, form, change)

    def construct_change_message(self, request, form, formsets, add=False):
        """The usual message, with "… vertaling gemarkeerd als nagekeken." instead of the box as a changed field;
        it is also the comment of the revision in the history."""
        message = super().construct_change_message(request, form, formsets, add)
        marked = [code for code in TRANSLATED_LANGUAGES if form.cleaned_data.get(f"mark_reviewed_{code}")]
        if not marked:
            return message
        boxes = {str(form.fields[f"mark_reviewed_{code}"].label) for code in TRANSLATED_LANGUAGES}
        for part in message:
            if "changed" in part:
                part["changed"]["fields"] = [field for field in part["changed"]["fields"] if field not in boxes]
        message = [part for part in message if part.get("changed", {"fields": True})["fields"]]
        usual = LogEntry(change_message=json.dumps(message)).get_change_message() if message else ""
        return " ".join([usual, *(review_comment(code) for code in marked)]).strip()
