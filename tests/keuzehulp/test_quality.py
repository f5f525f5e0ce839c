"""Every rule of the kwaliteitscriteria gives the handreiking's advice, on its own and on the page."""

import itertools

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


# The handreiking says only when not to use an intervention and what to check; the toets never certifies one.
CERTIFYING = [
    "heeft meerwaarde",
    "sluit aan bij oekraïners",
    "heeft aandacht voor hun culturele",
    "voldoen aan",
    "voldoet aan",
    "er is een aanwijzing",
    "in orde",
    "is geschikt",
    "past bij",
    "kan werken.",
]


def every_answer():
    yes_no_unknown = ["ja", "nee", "onbekend"]
    executors = [set(), {"1"}, {"2"}, {"3"}, {"1", "2"}, {"1", "3"}, {"2", "3"}, {"1", "2", "3"}]
    for gap, relief, evidence, ukrainians, needs, chosen in itertools.product(
        yes_no_unknown, yes_no_unknown, "1234", ["ja", "nee"], ["ja", "nee"], executors
    ):
        yield {
            "meerwaarde_hiaat": gap,
            "meerwaarde_ontlast": relief,
            "bewijs": evidence,
            "cultuur_oekrainers": ukrainians,
            "cultuur_behoeften": needs,
            "uitvoerders": chosen,
            "uitvoerders_beantwoord": True,
        }


def test_kwaliteitstoets_never_gives_a_certifying_verdict():
    seen = set()
    for answers in every_answer():
        for result in assess(answers):
            advice = str(result.advice)
            seen.add(advice)
            assert not any(phrase in advice.lower() for phrase in CERTIFYING), advice
            if not result.warning:
                assert advice.startswith("Geen bezwaar gevonden op dit criterium: je "), advice
    assert len(seen) == 7  # four warnings of the handreiking, three kinds of 'no objection found'


def test_only_ukrainians_involved_is_no_objection_not_a_verdict_on_culture():
    result = finding({"cultuur_oekrainers": "ja", "cultuur_behoeften": "nee"}, "cultuur")
    assert not result.warning
    assert str(result.advice) == "Geen bezwaar gevonden op dit criterium: je antwoordde op ten minste één vraag ja."


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, no_objection, note",
    [
        ("", "Geen bezwaar gevonden", "Geen bezwaar gevonden betekent dus niet dat de interventie goed is"),
        ("/en", "No objection found", "does not mean that the intervention is good"),
        ("/uk", "Заперечень не знайдено", "не означає, що інтервенція добра"),
    ],
)
def test_page_says_no_objection_found_and_that_this_is_no_approval(client, language, no_objection, note):
    query = {
        "meerwaarde_hiaat": "ja",
        "meerwaarde_ontlast": "nee",
        "bewijs": "1",
        "cultuur_oekrainers": "ja",
        "cultuur_behoeften": "nee",
        "uitvoerders": "1",
    }
    page = parse(client.get(language + URL, query))
    findings = page.select(".lpo-finding")
    assert len(findings) == 4 and all(f["data-warning"] == "false" for f in findings)
    assert [text(f.h3).split(":")[0] for f in findings] == [no_objection] * 4
    results = text(page.select_one(".lpo-results"))
    assert note in results
    if not language:
        assert not any(phrase in results.lower() for phrase in CERTIFYING if phrase != "voldoet aan"), results
