from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lpo.models import Checked, CheckedQuerySet, Versioned
from lpo.names import domain
from lpo.reviews import TranslationReview
from lpo.search import Document


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

    def for_search_index(self):
        return self.prefetch_related("facts")


class Intervention(TranslationReview, Versioned):
    class WebsiteKind(models.TextChoices):
        # Labels for editors only (the beheer is Dutch); the site words the link itself.
        OWN = "", "Website van de interventie"
        NEWS = "news", "Nieuwsbericht over de interventie"
        DATABASE = "database", "Beschrijving in een databank"

    name = models.CharField("naam", max_length=100)
    slug = models.SlugField("code", unique=True, help_text="Deel van het webadres, bijvoorbeeld 'pm-plus'.")
    full_name = models.CharField(
        "volledige naam", max_length=200, blank=True, help_text="Alleen als de naam een afkorting is."
    )
    website = models.URLField(
        "website", blank=True, help_text="Alleen een adres dat u heeft gecontroleerd; laat leeg als het niet bekend is."
    )
    website_kind = models.CharField(
        "soort webpagina",
        max_length=20,
        choices=WebsiteKind.choices,
        blank=True,
        default="",
        help_text="Wat het webadres hierboven is: de eigen site van de interventie, een nieuwsbericht of een "
        "beschrijving in een databank. De link op de site zegt dat.",
    )
    note = models.TextField(
        "toelichting",
        blank=True,
        help_text="Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de interventie "
        "en in de keuzehulp. Alleen wat de bronnen zeggen.",
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

    def external_links(self):
        """For the link check (lpo.links)."""
        yield self, "website", self.website

    # Search (lpo.search)
    search_kind = "intervention"

    def search_document(self, index):
        if not self.is_published:
            return None
        text = " ".join([self.full_name or ""] + [fact.text for fact in self.facts.all()])
        return Document(self.name, gettext("Interventies"), self.get_absolute_url(), text, 1000)


def validate_source_urls(value):
    """The validator of the former Fact.sources (one address per line); migrations 0001-0003 still refer to it."""
    validate = URLValidator(schemes=["http", "https"])
    for line in value.split():
        try:
            validate(line)
        except ValidationError as error:
            raise ValidationError(f"'{line[:80]}' is geen geldig webadres. Zet één adres op elke regel.") from error


class FactQuerySet(CheckedQuerySet):
    def with_sources(self):
        """The facts as a list, each with `source_list`, read in one query (a row per source, joined).

        One query rather than a prefetch keeps an intervention's page within its query budget.
        """
        rows = self.annotate(
            source_id=F("sources__pk"),
            source_url=F("sources__url"),
            source_title=F("sources__title"),
            source_order=F("sources__order"),
        ).order_by("intervention_id", "order", "pk", "sources__order", "sources__pk")
        facts = {}
        for row in rows:
            fact = facts.setdefault(row.pk, row)
            if fact is row:
                fact.source_list = []
            if row.source_id is not None:
                fact.source_list.append(
                    FactSource(
                        pk=row.source_id, fact=fact, url=row.source_url, title=row.source_title, order=row.source_order
                    )
                )
        return list(facts.values())


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
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    objects = FactQuerySet.as_manager()

    class Meta:
        ordering = ["intervention", "order", "pk"]
        verbose_name = "feit"
        verbose_name_plural = "feiten"

    def __str__(self):
        return f"{self.intervention}: {self.get_topic_display()}"

    def search_related(self):
        # A fact is found on its intervention's page.
        return list(Intervention.objects.filter(pk=self.intervention_id))


class FactSource(models.Model):
    """The public page where a fact stands, with a title that readers see instead of the address."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="sources", verbose_name="feit")
    url = models.URLField(
        "webadres",
        max_length=500,
        help_text="Het openbare webadres waar dit feit staat; alleen een gecontroleerd adres.",
    )
    title = models.CharField(
        "titel",
        max_length=300,
        help_text="De naam van de publicatie of van de organisatie achter het adres, zoals de gecontroleerde feiten "
        "die noemen; weet u die niet, dan het domein (bijvoorbeeld 'mhpss.net'). Nooit het hele webadres.",
    )
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["fact", "order", "pk"]
        verbose_name = "bron van een feit"
        verbose_name_plural = "bronnen van feiten"

    def __str__(self):
        return self.title

    def clean(self):
        if self.title.strip().lower().startswith(("http://", "https://", "www.")):
            raise ValidationError({"title": "Geef een naam, geen webadres: bezoekers lezen deze titel als linktekst."})

    @property
    def domain(self):
        return domain(self.url)

    def external_links(self):
        """For the link check (lpo.links): a reader finds the address with its fact."""
        yield self.fact, "bronnen", self.url
