"""Every rule of the kwaliteitscriteria gives the handreiking's advice, on its own and on the page."""

import pytest

from django.urls import reverse

from keuzehulp.quality import assess
from tests.conftest import parse, text

URL = reverse("keuzehulp:kwaliteitstoets")


def finding(answers, criterion):
    return next(f for f in assess(answers) if f.criterion == criterion)


@pytest.mark.parametrize(
    "gap, relief, warning",
    [
        ("nee", "nee", True),
        ("onbekend", "nee", True),
        ("onbekend", "onbekend", True),
        ("ja", "nee", False),
        ("nee", "ja", False),
        ("onbekend", "ja", False),
    ],
)
def test_added_value_no_or_unknown_on_both_questions_means_little_use(gap, relief, warning):
    result = finding({"meerwaarde_hiaat": gap, "meerwaarde_ontlast": relief}, "meerwaarde")
    assert result.warning is warning
    assert ("waarschijnlijk niet veel zin" in str(result.advice)) is warning


@pytest.mark.parametrize("option, warning", [("1", False), ("2", False), ("3", False), ("4", True)])
def test_evidence_option_4_means_better_not_offer_it(option, warning):
    result = finding({"bewijs": option}, "bewijs")
    assert result.warning is warning
    assert (str(result.advice) == "Bied de interventie liever niet aan.") is warning


@pytest.mark.parametrize(
    "ukrainians, needs, warning",
    [("nee", "nee", True), ("ja", "nee", False), ("nee", "ja", False), ("ja", "ja", False)],
)
def test_culture_no_on_both_questions_means_check_with_participants(ukrainians, needs, warning):
    result = finding({"cultuur_oekrainers": ukrainians, "cultuur_behoeften": needs}, "cultuur")
    assert result.warning is warning
    assert ("check bij (vertegenwoordigers van) potentiële deelnemers" in str(result.advice).lower()) is warning


@pytest.mark.parametrize(
    "chosen, warning", [(set(), True), ({"1"}, False), ({"2"}, False), ({"3"}, False), ({"1", "2", "3"}, False)]
)
def test_executors_none_of_the_three_means_do_not_use_it(chosen, warning):
    result = finding({"uitvoerders": chosen, "uitvoerders_beantwoord": True}, "uitvoerders")
    assert result.warning is warning
    assert (str(result.advice) == "Het is verstandig de interventie niet in te zetten.") is warning


def test_unanswered_criteria_give_no_advice():
    assert assess({}) == []
    assert [f.criterion for f in assess({"meerwaarde_hiaat": "ja", "bewijs": "2"})] == ["bewijs"]


@pytest.mark.django_db
def test_page_asks_the_questions_of_the_source(client):
    page = parse(client.get(URL))
    headings = [text(h2) for h2 in page.select("main form h2")]
    assert headings == [
        "Wat is de meerwaarde van de interventie?",
        "Is er bewijs dat de interventie werkt?",
        "Sluit de interventie aan bij of is er in de interventie aandacht voor specifieke culturele behoeften van Oekraïners?",
        "Wat is de kwaliteit van de uitvoerders?",
    ]
    labels = [text(label) for label in page.select("#vraag-bewijs label")]
    assert labels[3] == "Er is geen aanwijzing dat dit wenselijk is of kan werken."
    assert not page.select(".lpo-finding")


@pytest.mark.django_db
def test_page_gives_every_rules_advice_and_stores_nothing(client, django_assert_max_num_queries):
    query = {
        "meerwaarde_hiaat": "nee",
        "meerwaarde_ontlast": "onbekend",
        "bewijs": "4",
        "cultuur_oekrainers": "nee",
        "cultuur_behoeften": "nee",
        "uitvoerders": "geen",
    }
    with django_assert_max_num_queries(1):  # only the navigation: nothing is written
        response = client.get(URL, query)
    assert not response.cookies
    findings = {f["data-criterion"]: f for f in parse(response).select(".lpo-finding")}
    assert all(f["data-warning"] == "true" for f in findings.values())
    assert "waarschijnlijk niet veel zin" in text(findings["meerwaarde"])
    assert "Bied de interventie liever niet aan." in text(findings["bewijs"])
    assert "Check bij (vertegenwoordigers van) potentiële deelnemers" in text(findings["cultuur"])
    assert "niet in te zetten" in text(findings["uitvoerders"])


@pytest.mark.django_db
def test_contradictory_or_bad_answers_give_a_clear_error(client):
    response = client.get(URL, {"uitvoerders": ["geen", "1"], "bewijs": "<script>"})
    page = parse(response)
    assert response.status_code == 400
    assert "gaat niet samen" in text(page.select_one("#fout-uitvoerders"))
    assert "Kies een van de antwoorden" in text(page.select_one("#fout-bewijs"))
    assert "<script>" not in response.content.decode()
