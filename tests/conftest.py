import html
import importlib.util
import os
import re
from collections import deque
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import translation

from lpo.content import content_models
from lpo.models import SearchEntry
from tests.factories import CriterionFactory, InterventionFactory, TagFactory

ROOT = Path(__file__).resolve().parents[1]

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


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Production hashing costs a third of a second per password; the tests check logins, not hash strength."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def own_content_stamp(tmp_path_factory):
    """Each pytest run moves the content generation on in a stamp file of its own: the two runs of `make test`
    side by side, and a developer's `make run` in the same checkout, then never see each other's saves."""
    with override_settings(CONTENT_STAMP_FILE=tmp_path_factory.mktemp("stamp") / "content-stamp"):
        yield


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
    return parse_markup(response.content)


def parse_markup(markup):
    return BeautifulSoup(markup, "lxml")


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


# A link's address in a page as the site writes it (double quotes, & written as &amp;).
LINK = re.compile(r'<a\b[^>]*?\shref="([^"]*)"')


def crawl(client, start="/"):
    """Every Dutch page a visitor reaches by following links from `start`, as a crawler would: [(path, markup)]."""
    seen, queue, pages = set(), deque([start]), []
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        markup = response.content.decode()
        pages.append((path, markup))
        for href in LINK.findall(markup):
            href = html.unescape(href).split("#")[0]
            if href.startswith("/") and not href.startswith(("/en/", "/uk/", "/beheer/", "/static/", "/functie/")):
                queue.append(href)
    return pages


def alternate(page, language):
    """The path of this page in another language, from its hreflang link."""
    href = page.select_one(f'link[rel=alternate][hreflang="{language}"]')["href"]
    return href.removeprefix("http://testserver")


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


def empty_content():
    """No content left, as in a database that never had any: one DELETE per table. (Deleting row by row would
    re-index, for every row, what that row touches.)"""
    with connection.cursor() as cursor:
        for model in reversed(content_models()):
            tables = [field.remote_field.through._meta.db_table for field in model._meta.many_to_many]
            for table in [*tables, model._meta.db_table]:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
    SearchEntry.objects.all().delete()


class LoadedContent:
    """The real content, loaded once in an outer transaction; each test's own transaction is a savepoint in it.

    Loading costs about a second (fixtures, search index, first versions). The tests that read the real content
    run one after the other (see pytest_collection_modifyitems), so they share one load and each rolls back to
    it. The outer transaction is rolled back after the last of them, before any test that must see an empty
    database or needs real commits (transactional tests, the live server).
    """

    def __init__(self):
        self.atomic = None
        self.blocker = None

    def open(self, blocker):
        if self.atomic is None:
            self.blocker = blocker
            with blocker.unblock():
                self.atomic = transaction.atomic()
                self.atomic.__enter__()
                call_command("load_content", verbosity=0)

    def close(self):
        if self.atomic is not None:
            with self.blocker.unblock():
                transaction.set_rollback(True)
                self.atomic.__exit__(None, None, None)
            self.atomic = None


LOADED_CONTENT = LoadedContent()


@pytest.fixture(scope="session")
def _loaded_content(django_db_setup, django_db_blocker):
    # Session scope makes pytest set this up before any function-scoped fixture, so the outer transaction is
    # open before the test's own (pytest-django's `db`) starts.
    LOADED_CONTENT.open(django_db_blocker)


@pytest.fixture
def content(_loaded_content, db):
    """The real content from fixtures/, for tests about what the portal publishes (rolled back after each)."""
    if LOADED_CONTENT.atomic is None:
        pytest.fail("The real content was already rolled back: tests using `content` must run one after another.")


def uses_content(item):
    return "content" in getattr(item, "fixturenames", ())


def is_transactional(item):
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return (
        "transactional_db" in fixtures
        or "live_server" in fixtures
        or bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )


def uses_db(item):
    return "db" in getattr(item, "fixturenames", ()) or item.get_closest_marker("django_db") is not None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Database tests on factories first, then the ones on the real content (one load serves them all), then
    transactional tests and those without a database, browser tests last (one live site for all of them), and
    last of all the browser tests that change the live site's content."""
    position = {id(item): index for index, item in enumerate(items)}

    def group(item):
        if item.get_closest_marker("writes_content"):
            return 5
        if item.get_closest_marker("browser"):
            return 4
        if uses_content(item):
            return 1
        if is_transactional(item):
            return 2
        return 0 if uses_db(item) else 3

    items.sort(key=lambda item: (group(item), position[id(item)]))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # After the test's own fixtures are torn down (its savepoint rolled back), drop the shared content when
    # the next test does not read it.
    result = yield
    if nextitem is None or not uses_content(nextitem):
        LOADED_CONTENT.close()
    return result


@pytest.fixture
def load_settings(monkeypatch):
    """Loads the project's own settings module afresh with only the given environment (no .env file), as a
    server started with that environment would see it."""

    def load(**environment):
        for key in list(os.environ):
            if key.startswith(("DJANGO_", "LPO_")) or key in ("DATABASE_URL", "CACHE_URL"):
                monkeypatch.delenv(key)
        monkeypatch.setenv("DJANGO_READ_DOT_ENV_FILE", "false")
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        spec = importlib.util.spec_from_file_location("lpo_settings_under_test", ROOT / "lpo" / "settings.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


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
