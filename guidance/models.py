from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guidance.markup import footnote_numbers
from lpo.links import urls_in_text
from lpo.models import Checked, Versioned
from lpo.reviews import TranslationReview
from lpo.search import Document


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_search_index(self):
        return self.select_related("parent")

    def for_link_check(self):
        return self.select_related("parent")

    def in_load_order(self):
        """Chapters before the pages under them, for export and import."""
        return self.order_by(models.F("parent").asc(nulls_first=True), "pk")

    def chapters(self):
        """The numbered top-level pages: the six chapters of the handreiking."""
        return self.filter(parent__isnull=True, number__isnull=False)


class Page(TranslationReview, Versioned):
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
            "Laat leeg als de tekst niet op deze site staat: de pagina toont dan de samenvatting en linkt het "
            "origineel (vul daarvoor de titel en het webadres van het origineel in)."
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
    original_title = models.CharField(
        "titel van het origineel",
        max_length=300,
        blank=True,
        help_text=(
            "De eigen titel van de brontekst, als die anders is dan de titel hierboven, bijvoorbeeld "
            "'Handreiking Veerkrachtige statushouders'. De pagina toont hem onder de titel. Heeft de pagina geen "
            "tekst, dan is dit de linktekst naar het origineel."
        ),
    )
    source_url = models.URLField(
        "webadres van de herkomst",
        blank=True,
        help_text="Het gecontroleerde adres van het origineel. Heeft de pagina geen tekst, dan linkt ze hierheen.",
    )
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
        if self.parent_id and self.pk and self.children.exists():
            # Its subpages would sit three levels deep, where the site does not show them.
            raise ValidationError(
                {
                    "parent": "Deze pagina heeft zelf pagina's onder zich en kan daarom niet onder een ander "
                    "hoofdstuk vallen. Verplaats eerst die pagina's."
                }
            )
        if self.is_published and self.text_elsewhere and not (self.source_url and self.original_title):
            raise ValidationError(
                {
                    "source_url": "Een gepubliceerde pagina zonder tekst linkt naar het origineel: geef het "
                    "gecontroleerde webadres en de titel van het origineel, of schrijf de tekst."
                }
            )
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
    def text_elsewhere(self):
        """No text and no list of its own: the page shows its summary and links the original's full text."""
        return not self.body.strip() and not self.listing

    # Search (lpo.search)
    search_kind = "page"

    def search_document(self, index):
        if not self.is_public:
            return None
        location = " › ".join([gettext("Handreiking")] + ([self.parent.title] if self.parent_id else []))
        order = self.parent.order if self.parent_id else self.order
        text = " ".join([self.summary, self.lead, self.body])
        return Document(self.title, location, self.get_absolute_url(), text, order)

    def search_related(self):
        # Subpages live under the page's address, and tools and sources are found on their list's page, which
        # may be this one, or may have been until this change.
        if not self.pk:
            return []
        return [*self.children.select_related("parent"), *Tool.objects.all(), *Source.objects.all()]

    def external_links(self):
        """For the link check (lpo.links): the origin, and the links in the texts in every language."""
        yield self, "webadres van de herkomst", self.source_url
        for field, name in (("lead", "inleiding"), ("body", "tekst")):
            for code, _language in settings.LANGUAGES:
                for url in urls_in_text(getattr(self, f"{field}_{code}") or ""):
                    yield self, f"{name} [{code}]", url

    @classmethod
    def listing_url(cls, listing):
        page = cls.objects.published().filter(listing=listing).select_related("parent").first()
        return page.get_absolute_url() if page else "/"


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

    search_kind = "source"

    def external_links(self):
        yield self, "webadres", self.url

    def search_document(self, index):
        url = index.remember(Page.Listing.SOURCES, lambda: Page.listing_url(Page.Listing.SOURCES))
        text = f"{self.author} {self.year} {self.title}"
        return Document(str(self), gettext("Literatuurlijst"), f"{url}#{self.anchor}", text, 3000 + self.number)

    def clean(self):
        if not self.pk:
            return
        old_number = Source.objects.filter(pk=self.pk).values_list("number", flat=True).first()
        if old_number is None or old_number == self.number:
            return
        citing = [page for page in Page.objects.all() if old_number in page.cited_source_numbers()]
        if citing:
            names = ", ".join(f"'{page.title}'" for page in citing[:5])
            raise ValidationError(
                {
                    "number": f"Bron {old_number} wordt aangehaald met [^{old_number}] op {names}. Pas eerst "
                    "die teksten aan, anders wijzen ze naar de verkeerde bron."
                }
            )


class Tool(TranslationReview, Checked, Versioned):
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

    search_kind = "tool"

    def external_links(self):
        yield self, "webadres", self.url

    def search_document(self, index):
        url = index.remember(Page.Listing.TOOLS, lambda: Page.listing_url(Page.Listing.TOOLS))
        text = " ".join([self.organisation, self.description, self.languages])
        return Document(self.name, gettext("Hulpmiddelen"), url, text, 2000 + self.order)


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
