"""Fixtures for the handreiking's tests."""

import pytest
import reversion

from django.urls import reverse

from tests.factories import PageFactory


@pytest.fixture
def chapter(db):
    """The chapter Sociale steun, with a first version in its history."""
    with reversion.create_revision():
        return PageFactory(number=3, title="Sociale steun", slug="sociale-steun", body="Oude tekst.")


def change_url(page):
    return reverse("admin:guidance_page_change", args=[page.pk])
