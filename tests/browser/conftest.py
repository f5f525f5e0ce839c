"""Real-browser tests: Debian's Chromium driven by Playwright against one live site for the whole session.

The site is a live server with the real content, loaded and committed once; the tests only read it. It is not
pytest-django's `live_server` fixture, which would empty the database after every test.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from django.core.management import call_command
from django.db import connection

# Playwright's sync API runs an event loop in the test thread; Django must still allow the ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(site):
    # After the live site starts and closed before it stops, so no request of the browser outlives the server.
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Chromium is missing: install it with 'sudo apt-get install chromium' ('make test' does this).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def site(django_db_setup, django_db_blocker):
    """The live site with the real content, for every browser test (they run last, see tests/conftest.py).

    The database stays open to the server thread while the browser tests run, and is emptied afterwards.
    """
    with django_db_blocker.unblock():
        # pytest-django makes the test database only for the tests that ask for one; when only browser tests
        # run, no test does, so the live site makes it itself.
        original_name = None
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            original_name = connection.settings_dict["NAME"]
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        call_command("load_content", verbosity=0)
        server = LiveServer("localhost")
        yield server.url
        server.stop()
        call_command("flush", interactive=False, verbosity=0)
        if original_name is not None:
            # Not destroyed: on PostgreSQL the server's last connections may still be closing; the next run's
            # create_test_db replaces it.
            connection.close()
            connection.settings_dict["NAME"] = original_name


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
