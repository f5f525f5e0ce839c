import reversion

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from lpo.links import link_usages
from lpo.models import LinkCheck


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
class LinkCheckAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
