import pytest

from django.urls import reverse

from interventions.models import Fact
from tests.conftest import parse, text
from tests.factories import FactFactory, InterventionFactory

pytestmark = pytest.mark.django_db


def section(page, heading):
    """The elements between an h2 with this text and the next h2."""
    start = next(h2 for h2 in page.select("main h2") if text(h2) == heading)
    parts = []
    for sibling in start.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    return parts


def test_detail_page_shows_each_fact_with_its_source(client, source_table_interventions):
    pm_plus = source_table_interventions["pm-plus"]
    FactFactory(
        intervention=pm_plus,
        topic=Fact.Topic.APPROACH,
        text="Vijf wekelijkse individuele bijeenkomsten van 90 minuten.",
        sources="https://www.mhinnovation.net/pm\nhttps://mhpss.net/pm",
    )
    approach = section(parse(client.get(pm_plus.get_absolute_url())), "Aanpak")
    assert len(approach) == 1
    assert text(approach[0].p) == "Vijf wekelijkse individuele bijeenkomsten van 90 minuten."
    assert [a["href"] for a in approach[0].select(".lpo-fact__source a")] == [
        "https://www.mhinnovation.net/pm",
        "https://mhpss.net/pm",
    ]


def test_detail_page_says_unknown_and_points_to_the_provider_for_missing_facts(client, source_table_interventions):
    page = parse(client.get(source_table_interventions["bamboo"].get_absolute_url()))
    headings = [text(h2) for h2 in page.select("main h2")]
    assert headings == [
        "Kenmerken in de keuzehulp",
        "In het kort",
        "Doelgroep",
        "Doel",
        "Aanpak",
        "Uitvoerders",
        "Ontwikkelaar / eigenaar",
        "Onderbouwing en erkenning",
        "Kosten",
        "Website",
    ]
    for heading in headings[1:]:
        assert [text(part) for part in section(page, heading)] == ["Niet bekend: vraag het de aanbieder."], heading


def test_detail_page_names_its_keuzehulp_tags_in_words(client, source_table_interventions):
    page = parse(client.get(source_table_interventions["7roses"].get_absolute_url()))
    tags = {text(item.dt): text(item.dd) for item in page.select(".lpo-tags .utrecht-data-list__item")}
    assert tags == {"Leeftijd": "Volwassenen", "Doel": "Veerkracht", "Vorm": "Individueel, Groep"}


def test_draft_intervention_is_invisible(client):
    draft = InterventionFactory(draft=True)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.name not in client.get(reverse("interventions:list")).content.decode()


def comparison(client):
    table = parse(client.get(reverse("interventions:list"))).select_one("table")
    columns = [text(th) for th in table.select("thead th[scope=col]")]
    rows = {text(row.th): [text(td) for td in row.select("td")] for row in table.select("tbody tr")}
    return table, columns, rows


def test_overview_table_has_a_yes_or_no_for_every_criterion_value(client, source_table_interventions):
    table, columns, rows = comparison(client)
    assert text(table.caption).startswith("Welke interventie past bij welke leeftijd")
    assert [text(th) for th in table.select("thead th[scope=colgroup]")] == ["Leeftijd", "Doel", "Vorm"]
    assert len(columns) == 8
    assert list(rows) == ["BAMBOO", "MINDFIT", "MIND-SPRING", "7ROSES", "PM-PLUS"]
    assert all(len(cells) == 8 and set(cells) <= {"Ja", "Nee"} for cells in rows.values())


def test_overview_table_marks_only_mind_spring_for_ouders_en_gezin(client, source_table_interventions):
    _, columns, rows = comparison(client)
    column = columns.index("Ouders gezin")
    assert [name for name, cells in rows.items() if cells[column] == "Ja"] == ["MIND-SPRING"]
    individual = columns.index("Individueel")
    assert [name for name, cells in rows.items() if cells[individual] == "Ja"] == ["7ROSES", "PM-PLUS"]
