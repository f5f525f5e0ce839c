from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


def check_due_before(today=None):
    """Checked before this date means checked more than 12 months ago: the check is due again."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


class CheckedQuerySet(models.QuerySet):
    def check_due(self, today=None):
        """Never checked, or checked more than 12 months ago."""
        return self.filter(Q(checked_on__isnull=True) | Q(checked_on__lt=check_due_before(today)))

    def checked_recently(self, today=None):
        return self.filter(checked_on__gte=check_due_before(today))


class Checked(models.Model):
    """Content that an editor checks against its source now and then: when, and by whom."""

    checked_on = models.DateField(
        "gecontroleerd op",
        null=True,
        blank=True,
        help_text="Wanneer iemand dit voor het laatst met de bron heeft vergeleken. Leeg: nog nooit.",
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gecontroleerd door",
    )

    objects = CheckedQuerySet.as_manager()

    class Meta:
        abstract = True
