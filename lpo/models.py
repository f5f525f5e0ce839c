from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


def check_due_before(today=None):
    """Checked before this date means checked more than 12 months ago: the check is due again."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


class Versioned(models.Model):
    """Counts every save, so that the admin can refuse a save from a form opened before someone else's save.

    The admin compares and raises the number in one conditional UPDATE (lpo.locking).
    """

    version = models.PositiveIntegerField(
        "versie", default=0, help_text="Telt elke opslag; zo merkt het beheer dat iemand anders intussen opsloeg."
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.version += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


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


# No answer, or an error answer (4xx, 5xx): a visitor following the link does not get the page.
BROKEN = Q(status__isnull=True) | Q(status__gte=400) | ~Q(error="")
REDIRECTED = ~Q(final_url="") & ~Q(final_url=F("url"))


class LinkCheckQuerySet(models.QuerySet):
    def broken(self):
        return self.filter(BROKEN)

    def redirected(self):
        """Working, but the server sends visitors on to another address."""
        return self.exclude(BROKEN).filter(REDIRECTED)

    def working(self):
        return self.exclude(BROKEN).exclude(REDIRECTED)


class LinkCheck(models.Model):
    """The last visit of `manage.py check_links` to one external address that the site links to."""

    url = models.URLField("webadres", max_length=2000, unique=True)
    status = models.PositiveSmallIntegerField(
        "statuscode", null=True, blank=True, help_text="Het antwoord van de server, zoals 200 (in orde) of 404."
    )
    error = models.CharField(
        "fout", max_length=300, blank=True, help_text="Waarom er geen antwoord kwam, zoals een time-out."
    )
    final_url = models.URLField(
        "eindadres", max_length=2000, blank=True, help_text="Waar het adres naartoe leidt na doorsturen."
    )
    checked_at = models.DateTimeField("gecontroleerd op")

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["url"]
        verbose_name = "linkcontrole"
        verbose_name_plural = "linkcontroles"

    def __str__(self):
        return self.url

    @property
    def is_broken(self):
        return bool(self.error) or self.status is None or self.status >= 400

    @property
    def is_redirected(self):
        return not self.is_broken and bool(self.final_url) and self.final_url != self.url


class SearchEntry(models.Model):
    """One published page, intervention, tool or source in one language, prepared for search.

    Kept up to date by lpo.signals; rebuilt whole by the content commands. Not edited by hand.
    """

    kind = models.CharField("soort", max_length=20)
    object_id = models.PositiveIntegerField("object")
    language = models.CharField("taal", max_length=8)
    title = models.CharField("titel", max_length=300)
    location = models.CharField("plaats", max_length=300)
    url = models.CharField("webadres", max_length=300)
    text = models.TextField("tekst")
    folded = models.TextField("tekst zonder hoofdletters en accenten")
    stems = models.TextField("woordstammen")
    order = models.PositiveIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "zoekingang"
        verbose_name_plural = "zoekingangen"
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return f"{self.title} ({self.language})"


class ConceptQuerySet(models.QuerySet):
    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def for_object(self, obj):
        return self.for_model(type(obj)).filter(object_id=obj.pk)


class Concept(models.Model):
    """A change to a page, tool, intervention or fact, kept aside until an editor publishes it.

    Visitors never see it: it is not content (lpo.content), so saving it moves no cache and no search index.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name="soort")
    object_id = models.PositiveBigIntegerField("object")
    content_object = GenericForeignKey()
    data = models.JSONField(
        "gegevens",
        encoder=DjangoJSONEncoder,
        help_text="De gecontroleerde gegevens uit het formulier, in alle talen.",
    )
    base_data = models.JSONField(
        "gepubliceerde gegevens",
        encoder=DjangoJSONEncoder,
        default=dict,
        help_text="De gepubliceerde gegevens toen het concept werd opgeslagen; zo blijft een latere wijziging staan.",
    )
    base_version = models.PositiveIntegerField("gebaseerd op versie")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="gemaakt door",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="laatst gewijzigd door",
    )
    created_at = models.DateTimeField("gemaakt op", auto_now_add=True)
    updated_at = models.DateTimeField("laatst gewijzigd", auto_now=True)

    objects = ConceptQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = "concept"
        verbose_name_plural = "concepten"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_concept_per_object"),
        ]
        permissions = [("publish_concept", "Mag concepten publiceren")]

    def __str__(self):
        return f"Concept van {self.content_type.name} {self.object_id}"
