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


def test_detail_page_shows_each_fact_with_its_sources_by_title_and_domain(client, source_table_interventions):
    pm_plus = source_table_interventions["pm-plus"]
    FactFactory(
        intervention=pm_plus,
        topic=Fact.Topic.APPROACH,
        text="Vijf wekelijkse individuele bijeenkomsten van 90 minuten.",
        sources=[("https://www.mhinnovation.net/pm", "mhinnovation.net"), ("https://www.vu.nl/pm", "VU")],
    )
    approach = section(parse(client.get(pm_plus.get_absolute_url())), "Aanpak")
    assert len(approach) == 1
    assert text(approach[0].p) == "Vijf wekelijkse individuele bijeenkomsten van 90 minuten."
    source = approach[0].select_one(".lpo-fact__source")
    assert [(text(a), a["href"]) for a in source.select("a")] == [
        ("mhinnovation.net", "https://www.mhinnovation.net/pm"),
        ("VU", "https://www.vu.nl/pm"),
    ]
    # The address only in href: the reader sees the name, and the domain once.
    assert text(source) == "Bronnen: mhinnovation.net , VU (vu.nl)"


def test_fact_with_one_source_says_bron(client, source_table_interventions):
    fact = FactFactory(intervention=source_table_interventions["bamboo"], sources=[("https://zonmw.nl/b", "ZonMw")])
    source = parse(client.get(fact.intervention.get_absolute_url())).select_one(".lpo-fact__source")
    assert text(source) == "Bron: ZonMw (zonmw.nl)"


def test_intervention_page_with_many_facts_and_sources_needs_4_queries(
    client, source_table_interventions, django_assert_max_num_queries
):
    bamboo = source_table_interventions["bamboo"]
    for n in range(20):
        FactFactory(intervention=bamboo, sources=[(f"https://example.org/{n}/{i}", f"Bron {i}") for i in range(3)])
    FactFactory(intervention=bamboo, sources=[], text="Een feit zonder bron.")
    with django_assert_max_num_queries(4):
        page = parse(client.get(bamboo.get_absolute_url()))
    assert len(page.select(".lpo-fact")) == 21
    assert len(page.select(".lpo-fact__source a")) == 60
    assert text(page.select(".lpo-fact")[-1]) == "Een feit zonder bron. Nog niet gecontroleerd"


@pytest.mark.parametrize(
    "kind, label",
    [
        ("", "Website van PM-PLUS (who.int)"),
        ("news", "Nieuwsbericht over PM-PLUS (who.int)"),
        ("database", "Beschrijving van PM-PLUS in een databank (who.int)"),
    ],
)
def test_website_link_says_what_kind_of_page_it_is(client, source_table_interventions, kind, label):
    pm_plus = source_table_interventions["pm-plus"]
    pm_plus.website, pm_plus.website_kind = "https://www.who.int/pm", kind
    pm_plus.save()
    website = section(parse(client.get(pm_plus.get_absolute_url())), "Website")
    assert [text(part) for part in website] == [label]
    assert website[0].a["href"] == "https://www.who.int/pm" and text(website[0].a) == label.rsplit(" (", 1)[0]


def test_note_is_shown_on_the_page_and_in_the_keuzehulp(client, source_table_interventions):
    pm_plus = source_table_interventions["pm-plus"]
    pm_plus.note = "De handreiking noemt PM+ ook voor jongeren; de ontwikkelaar beschrijft het voor volwassenen."
    pm_plus.save()
    assert text(parse(client.get(pm_plus.get_absolute_url())).select_one(".lpo-note")) == pm_plus.note
    result = parse(client.get(reverse("keuzehulp:form"), {"leeftijd": "jongeren"}))
    assert text(result.select_one('[data-intervention="pm-plus"] .lpo-note')) == pm_plus.note
    assert len(result.select(".lpo-note")) == 1
    assert not parse(client.get(source_table_interventions["bamboo"].get_absolute_url())).select(".lpo-note")


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


def comparison(client, url=None):
    """The table as its headers read it: intervention columns, criterion row groups and a row per answer."""
    table = parse(client.get(url or reverse("interventions:list"))).select_one("table")
    columns = [text(th) for th in table.select("thead th[scope=col]")]
    groups = [text(th) for th in table.select("tbody > tr > th[scope=rowgroup]")]
    rows = {
        text(row.select_one("th[scope=row]")): [text(td) for td in row.select("td")]
        for row in table.select("tbody tr")
        if row.select_one("th[scope=row]")
    }
    return table, columns, groups, rows


def test_overview_table_has_the_interventions_as_columns_and_a_yes_or_no_for_every_answer(
    client, source_table_interventions
):
    table, columns, groups, rows = comparison(client)
    assert text(table.caption).startswith("Welke interventie past bij welke leeftijd")
    assert columns == ["BAMBOO", "MINDFIT", "MIND-SPRING", "7ROSES", "PM-PLUS"]
    # One <tbody> per criterion, headed by a rowgroup header: no colgroup scope without <colgroup>.
    assert groups == ["Leeftijd", "Doel", "Vorm"]
    assert len(table.select("tbody")) == 3 and not table.select("[scope=colgroup]")
    assert len(rows) == 8
    # A sign for the eye, a word for screen readers; the row header names the criterion too.
    assert all(len(cells) == 5 and set(cells) <= {"✓ Ja", "– Nee"} for cells in rows.values())
    assert all(cell.select_one('[aria-hidden="true"]') for cell in table.select("tbody td"))
    assert "Leeftijd: Ouders gezin" in rows


def test_overview_table_marks_only_mind_spring_for_ouders_en_gezin(client, source_table_interventions):
    _, columns, _, rows = comparison(client)
    ouders = rows["Leeftijd: Ouders gezin"]
    assert [name for name, cell in zip(columns, ouders, strict=True) if cell == "✓ Ja"] == ["MIND-SPRING"]
    individual = rows["Vorm: Individueel"]
    assert [name for name, cell in zip(columns, individual, strict=True) if cell == "✓ Ja"] == ["7ROSES", "PM-PLUS"]


def test_overview_spells_out_the_abbreviated_names(client, source_table_interventions):
    source_table_interventions["pm-plus"].full_name = "Problem Management Plus"
    source_table_interventions["pm-plus"].save()
    names = parse(client.get(reverse("interventions:list"))).select_one(".lpo-comparison__names")
    assert "PM-PLUS staat voor Problem Management Plus." in text(names)
    assert "BAMBOO staat voor" not in text(names)
