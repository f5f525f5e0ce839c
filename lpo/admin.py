import reversion

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format


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
