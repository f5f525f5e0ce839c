import os

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from tests.factories import CriterionFactory, InterventionFactory, TagFactory

# Playwright's sync API runs an event loop in the test thread; Django must still allow the ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The keuzehulp tables of the source ("Inhoudelijke overwegingen"): which intervention suits which answer.
SOURCE_TABLE = {
    "leeftijd": {
        "volwassenen": {"bamboo", "mindfit", "mind-spring", "7roses", "pm-plus"},
        "jongeren": {"bamboo", "mind-spring", "pm-plus"},
        "kinderen": {"bamboo", "mind-spring"},
        "ouders-gezin": {"mind-spring"},
    },
    "doel": {
        "veerkracht": {"bamboo", "mindfit", "mind-spring", "7roses"},
        "mentaal-welzijn": {"bamboo", "mindfit", "mind-spring", "pm-plus"},
    },
    "vorm": {
        "individueel": {"7roses", "pm-plus"},
        "groep": {"bamboo", "mindfit", "mind-spring", "7roses", "pm-plus"},
    },
}
INTERVENTION_SLUGS = ["bamboo", "mindfit", "mind-spring", "7roses", "pm-plus"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Rolled-back test data sends no signal, so no cached page may outlive its test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def dutch_by_default():
    """Each test starts in Dutch, as a fresh request would; translated fields are then set in Dutch."""
    with translation.override("nl"):
        yield


def parse(response):
    """The page as a tree, so tests ask for elements and text rather than for exact markup."""
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def form_data(client, url, response=None):
    """The admin form's current values, as a browser would post them back (hidden fields too)."""
    response = response or client.get(url)
    data = {}
    forms = [response.context["adminform"].form] + [
        form for formset in response.context.get("inline_admin_formsets", []) for form in formset.formset.forms
    ]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            key = form.add_prefix(name)
            data[key] = [str(v) for v in value] if isinstance(value, list) else value
    for formset in response.context.get("inline_admin_formsets", []):
        management = formset.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
    return data


@pytest.fixture
def source_table_interventions(db):
    """The five interventions with the source's tags, built by factories (not from the fixtures)."""
    tags = {}
    for order, (criterion_slug, values) in enumerate(SOURCE_TABLE.items()):
        criterion = CriterionFactory(slug=criterion_slug, name=criterion_slug.capitalize(), order=order)
        for value in values:
            tags[criterion_slug, value] = TagFactory(criterion=criterion, slug=value)
    return {
        slug: InterventionFactory(
            slug=slug,
            name=slug.upper(),
            order=order,
            tags=[tag for (criterion, value), tag in tags.items() if slug in SOURCE_TABLE[criterion][value]],
        )
        for order, slug in enumerate(INTERVENTION_SLUGS)
    }


@pytest.fixture
def editor(client):
    """A logged-in account in the Redacteur group, as `make editor` makes one."""
    user = User.objects.create_user("redacteur", password="een-lang-wachtwoord-42", is_staff=True)
    user.groups.add(Group.objects.get(name="Redacteur"))
    client.force_login(user)
    return user


@pytest.fixture
def other_editor(db):
    """A second editor in the Redacteur group, logged in with a browser (client) of their own."""
    user = User.objects.create_user("tweede-redacteur", password="een-lang-wachtwoord-43", is_staff=True)
    user.groups.add(Group.objects.get(name="Redacteur"))
    other = Client()
    other.force_login(user)
    return other


@pytest.fixture
def reader(db):
    """A future 'Meelezer': every right of a Redacteur except publishing, so concepts only."""
    user = User.objects.create_user("meelezer", password="een-lang-wachtwoord-44", is_staff=True)
    user.user_permissions.set(Group.objects.get(name="Redacteur").permissions.exclude(codename="publish_concept"))
    reader = Client()
    reader.force_login(user)
    return reader


@pytest.fixture
def content(db):
    """The real content from fixtures/, for tests about what the portal publishes."""
    call_command("load_content", verbosity=0)
