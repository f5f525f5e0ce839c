import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from guidance.models import Page, Source, Tool
from interventions.models import Criterion, Fact, FactSource, Intervention, Tag
from lpo.models import LinkCheck


class CriterionFactory(DjangoModelFactory):
    class Meta:
        model = Criterion
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"criterium-{n}")
    name = factory.Sequence(lambda n: f"Criterium {n}")
    question = factory.LazyAttribute(lambda o: f"Welke {o.name.lower()} zoek je?")
    explanation = factory.LazyAttribute(lambda o: f"Uitleg bij {o.name.lower()}.")
    order = factory.Sequence(int)


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ["criterion", "slug"]

    criterion = factory.SubFactory(CriterionFactory)
    slug = factory.Sequence(lambda n: f"kenmerk-{n}")
    label = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    order = factory.Sequence(int)


class InterventionFactory(DjangoModelFactory):
    class Meta:
        model = Intervention
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Interventie {n}")
    slug = factory.Sequence(lambda n: f"interventie-{n}")
    is_published = True
    order = factory.Sequence(int)

    class Params:
        draft = factory.Trait(is_published=False)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class FactFactory(DjangoModelFactory):
    class Meta:
        model = Fact
        skip_postgeneration_save = True

    intervention = factory.SubFactory(InterventionFactory)
    topic = Fact.Topic.SUMMARY
    text = factory.Sequence(lambda n: f"Gecontroleerd feit {n}.")
    # One source by default, as every checked fact has; pass sources=[] for none or sources=[(url, title), …].
    source = factory.RelatedFactory("tests.factories.FactSourceFactory", factory_related_name="fact")

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        if not create or extracted is None:
            return
        self.sources.all().delete()
        for order, (url, title) in enumerate(extracted, start=1):
            FactSource.objects.create(fact=self, url=url, title=title, order=order)


class FactSourceFactory(DjangoModelFactory):
    class Meta:
        model = FactSource

    fact = factory.SubFactory(FactFactory, source=None)
    url = factory.Sequence(lambda n: f"https://example.org/bron-{n}")
    title = "Pharos"
    order = factory.Sequence(int)


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: n + 1)
    author = "Pharos"
    year = "2022"
    title = factory.Sequence(lambda n: f"Publicatie {n}")


class PageFactory(DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")
    summary = factory.LazyAttribute(lambda o: f"Samenvatting van {o.title}.")
    body = "Een alinea tekst."
    is_published = True

    class Params:
        draft = factory.Trait(is_published=False)
        chapter = factory.Trait(number=factory.Sequence(lambda n: n + 1))


class ToolFactory(DjangoModelFactory):
    class Meta:
        model = Tool

    name = factory.Sequence(lambda n: f"Hulpmiddel {n}")
    organisation = "Pharos"
    description = "Helpt bij vroegsignalering."


class LinkCheckFactory(DjangoModelFactory):
    class Meta:
        model = LinkCheck

    url = factory.Sequence(lambda n: f"https://example.org/pagina-{n}")
    status = 200
    final_url = factory.LazyAttribute(lambda o: o.url)
    checked_at = factory.LazyFunction(timezone.now)

    class Params:
        broken = factory.Trait(status=404)
        unreachable = factory.Trait(status=None, error="time-out", final_url="")
        redirected = factory.Trait(final_url=factory.LazyAttribute(lambda o: f"{o.url}/nieuw"))
