from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from guidance.reviews import TranslationReview
from lpo.models import Checked, Versioned


class Criterion(TranslationReview):
    """One question of the keuzehulp (leeftijd, doel, vorm); its tags are the possible answers."""

    slug = models.SlugField(
        "code", unique=True, help_text="Naam van de vraag in de adresbalk, bijvoorbeeld 'leeftijd'."
    )
    name = models.CharField("naam", max_length=100)
    question = models.CharField("vraag", max_length=200)
    explanation = models.TextField("toelichting", blank=True, help_text="Korte uitleg naast de vraag in de keuzehulp.")
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "criterium"
        verbose_name_plural = "criteria"

    def __str__(self):
        return self.name


class Tag(TranslationReview):
    """An answer to a criterion, e.g. 'kinderen (tot 12 jaar)' for leeftijd."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="tags", verbose_name="criterium")
    slug = models.SlugField("code", help_text="Waarde in de adresbalk, bijvoorbeeld 'kinderen'.")
    label = models.CharField("label", max_length=100)
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["criterion__order", "order", "pk"]
        verbose_name = "kenmerk"
        verbose_name_plural = "kenmerken"
        constraints = [models.UniqueConstraint(fields=["criterion", "slug"], name="unique_tag_per_criterion")]

    def __str__(self):
        return f"{self.criterion}: {self.label}"


class InterventionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_tags(self):
        return self.prefetch_related(models.Prefetch("tags", queryset=Tag.objects.select_related("criterion")))


class Intervention(TranslationReview, Versioned):
    name = models.CharField("naam", max_length=100)
    slug = models.SlugField("code", unique=True, help_text="Deel van het webadres, bijvoorbeeld 'pm-plus'.")
    full_name = models.CharField(
        "volledige naam", max_length=200, blank=True, help_text="Alleen als de naam een afkorting is."
    )
    website = models.URLField(
        "website", blank=True, help_text="Alleen een adres dat u heeft gecontroleerd; laat leeg als het niet bekend is."
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="interventions", verbose_name="kenmerken")
    is_published = models.BooleanField("gepubliceerd", default=True)
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    objects = InterventionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "interventie"
        verbose_name_plural = "interventies"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("interventions:detail", kwargs={"slug": self.slug})


def validate_source_urls(value):
    validate = URLValidator(schemes=["http", "https"])
    for line in value.split():
        try:
            validate(line)
        except ValidationError as error:
            raise ValidationError(f"'{line[:80]}' is geen geldig webadres. Zet één adres op elke regel.") from error


class Fact(TranslationReview, Checked, Versioned):
    """A fact about an intervention, shown under one heading of its page, with its public source and check date."""

    class Topic(models.TextChoices):
        SUMMARY = "summary", _("In het kort")
        TARGET_GROUP = "target_group", _("Doelgroep")
        GOAL = "goal", _("Doel")
        APPROACH = "approach", _("Aanpak")
        EXECUTORS = "executors", _("Uitvoerders")
        OWNER = "owner", _("Ontwikkelaar / eigenaar")
        EVIDENCE = "evidence", _("Onderbouwing en erkenning")
        COSTS = "costs", _("Kosten")

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="facts", verbose_name="interventie"
    )
    topic = models.CharField("onderwerp", max_length=20, choices=Topic.choices)
    text = models.TextField("feit")
    sources = models.TextField(
        "bronnen",
        validators=[validate_source_urls],
        help_text="Het openbare webadres waar dit feit staat; één adres per regel.",
    )
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["intervention", "order", "pk"]
        verbose_name = "feit"
        verbose_name_plural = "feiten"

    def __str__(self):
        return f"{self.intervention}: {self.get_topic_display()}"

    @property
    def source_urls(self):
        return self.sources.split()
