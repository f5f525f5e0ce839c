"""The organisation that runs the site fills in who it is and how to reach it; until then the pages say so honestly
and the admin warns. The accessibility statement has what the Dutch model statement asks for."""

import datetime

import pytest

from django.core.exceptions import ImproperlyConfigured

from tests.conftest import parse, text
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db

FILLED_IN = {
    "LPO_ORGANISATION": "Gemeente Voorbeeld",
    "LPO_CONTACT_EMAIL": "toegankelijkheid@voorbeeld.nl",
    "LPO_CONTACT_URL": "https://www.voorbeeld.nl/contact",
    "LPO_RESPONSE_DAYS": 5,
    "LPO_STATEMENT_DATE": datetime.date(2026, 11, 1),
    "LPO_AUDIT_DATE": None,
    "LPO_ACCESSIBILITY_STATUS": "C",
}
UNSET = {name: "" if isinstance(value, str) else None for name, value in FILLED_IN.items()}


@pytest.fixture
def about_pages():
    section = PageFactory(slug="over-deze-site", title="Over deze site")
    return {
        slug: PageFactory(parent=section, slug=slug, title=slug.capitalize())
        for slug in ["toegankelijkheid", "colofon", "privacy", "nog-iets"]
    }


def section_text(client, page):
    block = parse(client.get(page.get_absolute_url())).select_one(".lpo-deployer")
    return block and text(block)


def test_statement_says_honestly_what_the_organisation_has_not_filled_in(client, settings, about_pages):
    for name, value in UNSET.items():
        setattr(settings, name, value)
    statement = section_text(client, about_pages["toegankelijkheid"])
    assert "De organisatie die deze site beheert, heeft haar naam hier nog niet ingevuld." in statement
    assert "Nog niet vastgesteld: de organisatie heeft de status nog niet ingevuld." in statement
    assert "Datum van deze verklaring Nog niet ingevuld door de organisatie." in statement
    assert "heeft nog niet ingevuld hoe je haar bereikt" in statement
    assert "Binnen hoeveel werkdagen je antwoord krijgt, heeft de organisatie nog niet ingevuld." in statement
    assert "mailto:" not in str(parse(client.get(about_pages["toegankelijkheid"].get_absolute_url())).main)
    assert "haar naam hier nog niet ingevuld" in section_text(client, about_pages["colofon"])
    assert "haar naam hier nog niet ingevuld" in section_text(client, about_pages["privacy"])
    assert section_text(client, about_pages["nog-iets"]) is None


def test_statement_has_the_parts_of_the_model_statement(client, settings, about_pages):
    for name, value in FILLED_IN.items():
        setattr(settings, name, value)
    page = parse(client.get(about_pages["toegankelijkheid"].get_absolute_url()))
    facts = {text(item.dt): text(item.dd) for item in page.select(".lpo-deployer .utrecht-data-list__item")}
    assert facts["Organisatie"] == "Gemeente Voorbeeld"
    assert facts["Status"] == "C: de eerste maatregelen zijn genomen om aan de eisen te voldoen."
    assert facts["Datum van deze verklaring"] == "1 november 2026"
    assert facts["Laatste onderzoek door een deskundige"].startswith("Nog niet gedaan.")
    assert facts["Website"].startswith("http://testserver/")
    statement = page.select_one(".lpo-deployer")
    headings = [text(heading) for heading in statement.select("h3")]
    assert headings == ["Problemen die we kennen", "Iets melden", "Niet tevreden?"]
    problem = text(statement.select_one("ul li"))
    assert "Wat we doen:" in problem and "Wanneer alles vertaald is:" in problem
    links = {text(link): link["href"] for link in statement.select("a")}
    assert links["toegankelijkheid@voorbeeld.nl"] == "mailto:toegankelijkheid@voorbeeld.nl"
    assert links["het contactformulier"] == "https://www.voorbeeld.nl/contact"
    assert links["Nationale ombudsman"] == "https://www.nationaleombudsman.nl/"
    assert "Je krijgt binnen 5 werkdagen antwoord." in text(statement)


def test_colofon_and_privacy_name_the_organisation_and_how_to_reach_it(client, settings, about_pages):
    for name, value in FILLED_IN.items():
        setattr(settings, name, value)
    settings.LPO_CONTACT_URL = ""
    colofon = section_text(client, about_pages["colofon"])
    assert colofon.startswith("Uitgever Deze site wordt uitgegeven door Gemeente Voorbeeld.")
    assert "Mail naar toegankelijkheid@voorbeeld.nl" in colofon and "contactformulier" not in colofon
    privacy = section_text(client, about_pages["privacy"])
    assert privacy.startswith("Wie is verantwoordelijk? Gemeente Voorbeeld is verantwoordelijk voor wat deze site")


def test_english_statement_is_in_english(client, settings, about_pages):
    for name, value in UNSET.items():
        setattr(settings, name, value)
    statement = parse(client.get("/en" + about_pages["toegankelijkheid"].get_absolute_url())).select_one(
        ".lpo-deployer"
    )
    assert text(statement.h2) == "The statement"
    assert "has not filled in its name here yet" in text(statement)


def test_admin_warns_while_the_organisation_is_not_filled_in(admin_client, settings):
    for name, value in UNSET.items():
        setattr(settings, name, value)
    warning = parse(admin_client.get("/beheer/")).select_one(".lpo-deployer-warning")
    assert "LPO_ORGANISATION" in text(warning) and "LPO_STATEMENT_DATE" in text(warning)
    assert "LPO_CONTACT_EMAIL of LPO_CONTACT_URL" in text(warning)
    for name, value in FILLED_IN.items():
        setattr(settings, name, value)
    assert not parse(admin_client.get("/beheer/")).select(".lpo-deployer-warning")


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("LPO_STATEMENT_DATE", "1 november", "LPO_STATEMENT_DATE must be a date written as YYYY-MM-DD"),
        ("LPO_ACCESSIBILITY_STATUS", "AA", "LPO_ACCESSIBILITY_STATUS must be one of A, B, C, D or E"),
    ],
)
def test_a_malformed_statement_setting_stops_the_start(load_settings, name, value, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.nl", **{name: value})
