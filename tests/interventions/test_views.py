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
