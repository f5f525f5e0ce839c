from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from guidance.markup import footnote_numbers


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def chapters(self):
        """The numbered top-level pages: the six chapters of the handreiking."""
        return self.filter(parent__isnull=True, number__isnull=False)


class Page(models.Model):
    """A page of the handreiking: a chapter, a section such as 'Inspiratie uit de praktijk', or a page under one."""

    class Listing(models.TextChoices):
        NONE = "", "Geen"
        SOURCES = "sources", "Literatuurlijst (alle bronnen)"
        TOOLS = "tools", "Hulpmiddelen (alle hulpmiddelen)"
        INTERVENTIONS = "interventions", "Interventies (vergelijkingstabel)"
        KEUZEHULP = "keuzehulp", "Keuzehulp (link naar de keuzehulp)"

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="valt onder",
        help_text="Leeg voor een hoofdstuk of een eigen onderdeel; anders het hoofdstuk waar de pagina onder valt.",
    )
    number = models.PositiveSmallIntegerField(
        "nummer",
        null=True,
        blank=True,
        help_text="Nummer in de hoofdstuknavigatie. Leeg voor een pagina zonder nummer.",
    )
    title = models.CharField("titel", max_length=200)
    slug = models.SlugField(
        "webadres", max_length=100, help_text="Deel van het webadres, bijvoorbeeld 'sociale-steun'."
    )
    summary = models.CharField(
        "samenvatting", max_length=300, help_text="Eén zin, getoond in overzichten en in de hoofdstuknavigatie."
    )
    lead = models.TextField("inleiding", blank=True, help_text="Korte inleiding boven de tekst (Markdown).")
    body = models.TextField(
        "tekst",
        blank=True,
        help_text=(
            "Markdown: '## Kop' voor een kop, een lege regel tussen alinea's, '- ' voor een opsomming. "
            "Een bron noemt u met [^nummer], bijvoorbeeld [^5] voor bron 5 van de literatuurlijst. "
            "Laat leeg als de tekst nog volgt."
        ),
    )
    listing = models.CharField(
        "lijst op de pagina",
        max_length=20,
        choices=Listing.choices,
        blank=True,
        default="",
        help_text="Een lijst die de site onder de tekst toont.",
    )
    source_title = models.CharField(
        "herkomst van de tekst", max_length=300, blank=True, help_text="Waar de tekst van deze pagina vandaan komt."
    )
    source_url = models.URLField("webadres van de herkomst", blank=True)
    is_published = models.BooleanField("gepubliceerd", default=True)
    order = models.PositiveSmallIntegerField("volgorde", default=0)
    updated_at = models.DateTimeField("laatst gewijzigd", auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "number", "title"]
        verbose_name = "pagina"
        verbose_name_plural = "pagina's"
        constraints = [
            models.UniqueConstraint(fields=["parent", "slug"], name="unique_slug_per_parent"),
            models.UniqueConstraint(
                fields=["slug"], condition=models.Q(parent__isnull=True), name="unique_top_level_slug"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title

    def get_absolute_url(self):
        if self.parent_id:
            return reverse("guidance:subpage", kwargs={"section": self.parent.slug, "slug": self.slug})
        return reverse("guidance:page", kwargs={"slug": self.slug})

    def clean(self):
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": "Kies een hoofdstuk of onderdeel: de handreiking heeft twee niveaus."})
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "Een pagina kan niet onder zichzelf vallen."})
        cited = self.cited_source_numbers()
        known = set(Source.objects.filter(number__in=cited).values_list("number", flat=True))
        missing = sorted(cited - known)
        if missing:
            # Not tied to one field: the mark may be in the lead or the text, in any language.
            raise ValidationError(
                f"Deze bronnen staan niet in de literatuurlijst: {', '.join(map(str, missing))}. "
                "Voeg ze eerst toe als bron, of pas het nummer aan."
            )

    def cited_source_numbers(self):
        """The source numbers that the texts cite, in every language."""
        texts = [
            getattr(self, f"{field}_{code}", None) or "" for field in ("lead", "body") for code, _ in settings.LANGUAGES
        ]
        return footnote_numbers("\n".join(texts))

    @property
    def is_public(self):
        """Published, and under a published chapter if it sits under one: what visitors can reach."""
        if not self.is_published:
            return False
        return self.parent_id is None or (self.parent.is_published and self.parent.parent_id is None)

    @property
    def text_follows(self):
        return not self.body.strip() and not self.listing


class Source(models.Model):
    """An entry of the literatuurlijst, cited in texts as [^number]."""

    number = models.PositiveSmallIntegerField(
        "nummer", unique=True, help_text="Het nummer waarmee teksten deze bron noemen, zoals [^5]."
    )
    author = models.CharField("auteur of organisatie", max_length=200)
    year = models.CharField("jaar", max_length=20, help_text="Jaartal, of 'z.d.' als de bron geen datum heeft.")
    title = models.CharField("titel", max_length=400)
    url = models.URLField("webadres", blank=True, help_text="Alleen een adres dat u heeft gecontroleerd.")
    language = models.CharField(
        "taal",
        max_length=8,
        choices=[("nl", "Nederlands"), ("en", "Engels"), ("de", "Duits"), ("fr", "Frans"), ("uk", "Oekraïens")],
        default="nl",
        help_text="De taal waarin de bron geschreven is. De literatuurlijst geeft de titel die taal mee, zodat een "
        "schermlezer hem goed uitspreekt.",
    )

    class Meta:
        ordering = ["number"]
        verbose_name = "bron"
        verbose_name_plural = "bronnen"

    def __str__(self):
        return f"{self.author} ({self.year}). {self.title}"

    @property
    def anchor(self):
        return f"bron-{self.number}"


class Tool(models.Model):
    """A tool or organisation that the handreiking names (hulpmiddelen)."""

    name = models.CharField("naam", max_length=200)
    organisation = models.CharField("organisatie", max_length=200, blank=True)
    description = models.TextField("waarmee het helpt")
    languages = models.CharField(
        "talen", max_length=200, blank=True, help_text="Alleen als de bron zegt in welke talen het er is."
    )
    url = models.URLField("webadres", blank=True, help_text="Alleen een adres dat u heeft gecontroleerd.")
    mentioned_on = models.ForeignKey(
        Page,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tools",
        verbose_name="genoemd op",
        help_text="De pagina van de handreiking die dit hulpmiddel noemt.",
    )
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "hulpmiddel"
        verbose_name_plural = "hulpmiddelen"

    def __str__(self):
        return self.name


class RoleCount(models.Model):
    """How often visitors answered the functie-vraag, per answer and month. No visitor data, only counts."""

    class Role(models.TextChoices):
        RECEPTION = "opvangmedewerker", _("Opvangmedewerker")
        VOLUNTEER = "vrijwilliger", _("Vrijwilliger")
        MUNICIPALITY = "gemeente", _("Medewerker gemeente")
        CARE = "zorg", _("Zorg- of hulpverlener")
        OTHER = "anders", _("Anders")

    role = models.CharField("antwoord", max_length=20, choices=Role.choices)
    month = models.DateField("maand", help_text="De eerste dag van de maand.")
    count = models.PositiveIntegerField("aantal", default=0)

    class Meta:
        ordering = ["-month", "role"]
        verbose_name = "antwoord op de functie-vraag"
        verbose_name_plural = "antwoorden op de functie-vraag"
        constraints = [models.UniqueConstraint(fields=["role", "month"], name="one_count_per_role_and_month")]

    def __str__(self):
        return f"{self.get_role_display()} ({self.month:%B %Y}): {self.count}"


class SearchEntry(models.Model):
    """One published page, intervention, tool or source in one language, prepared for search.

    Kept up to date by guidance.signals; rebuilt whole by the content commands. Not edited by hand.
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
