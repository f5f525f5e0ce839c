import re

import pytest

from django.urls import reverse

from interventions.models import Fact
from tests.factories import FactFactory, InterventionFactory

pytestmark = pytest.mark.django_db


def test_detail_page_shows_each_fact_with_its_source(client, source_table_interventions):
    pm_plus = source_table_interventions["pm-plus"]
    FactFactory(
        intervention=pm_plus,
        topic=Fact.Topic.APPROACH,
        text="Vijf wekelijkse individuele bijeenkomsten van 90 minuten.",
        sources="https://www.mhinnovation.net/pm\nhttps://mhpss.net/pm",
    )
    html = client.get(pm_plus.get_absolute_url()).content.decode()
    approach = re.search(r"<h2>Aanpak</h2>(.*?)<h2>", html, re.S).group(1)
    assert "Vijf wekelijkse individuele bijeenkomsten van 90 minuten." in approach
    assert '<a href="https://www.mhinnovation.net/pm">' in approach and '<a href="https://mhpss.net/pm">' in approach


def test_detail_page_says_unknown_and_points_to_the_provider_for_missing_facts(client, source_table_interventions):
    html = client.get(source_table_interventions["bamboo"].get_absolute_url()).content.decode()
    costs = re.search(r"<h2>Kosten</h2>(.*?)<h2>", html, re.S).group(1)
    assert "Niet bekend: vraag het de aanbieder." in costs
    for heading in [
        "In het kort",
        "Doelgroep",
        "Doel",
        "Aanpak",
        "Uitvoerders",
        "Ontwikkelaar / eigenaar",
        "Onderbouwing en erkenning",
        "Kosten",
        "Website",
    ]:
        assert f"<h2>{heading}</h2>" in html


def test_detail_page_names_its_keuzehulp_tags_in_words(client, source_table_interventions):
    html = client.get(source_table_interventions["7roses"].get_absolute_url()).content.decode()
    tags = re.search(r'<dl class="facts">(.*?)</dl>', html, re.S).group(1)
    assert re.search(r"<dt>Vorm</dt>\s*<dd>(Individueel, Groep|Groep, Individueel)</dd>", tags)
    assert re.search(r"<dt>Leeftijd</dt>\s*<dd>Volwassenen</dd>", tags)


def test_draft_intervention_is_invisible(client):
    draft = InterventionFactory(draft=True)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.name not in client.get(reverse("interventions:list")).content.decode()


def test_overview_table_has_a_yes_or_no_for_every_criterion_value(client, source_table_interventions):
    html = client.get(reverse("interventions:list")).content.decode()
    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    assert "<caption" in table
    assert table.count('scope="colgroup"') == 3
    assert table.count('<th scope="col">') == 8
    rows = re.findall(r'<th scope="row"><a href="/interventies/([^/]+)/">.*?</tr>', table, re.S)
    assert rows == ["bamboo", "mindfit", "mind-spring", "7roses", "pm-plus"]
    for row in re.findall(r'<th scope="row">.*?</tr>', table, re.S):
        cells = re.findall(r'<td class="(yes|no)">(Ja|Nee)</td>', row)
        assert len(cells) == 8
        assert all((cls == "yes") == (text == "Ja") for cls, text in cells)


def test_overview_table_marks_only_mind_spring_for_ouders_en_gezin(client, source_table_interventions):
    html = client.get(reverse("interventions:list")).content.decode()
    headers = re.findall(r'<th scope="col">(.*?)</th>', html)
    column = headers.index("Ouders gezin")
    yes = []
    for slug, row in re.findall(r'<th scope="row"><a href="/interventies/([^/]+)/">.*?</a></th>(.*?)</tr>', html, re.S):
        if re.findall(r'<td class="(yes|no)">', row)[column] == "yes":
            yes.append(slug)
    assert yes == ["mind-spring"]
