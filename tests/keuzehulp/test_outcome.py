"""After sending the keuzehulp or the kwaliteitstoets, the title says the outcome and the page opens at it."""

import pytest

from tests.conftest import parse, text

pytestmark = pytest.mark.django_db

KEUZEHULP = "/keuzehulp/"
TOETS = "/kwaliteitstoets/"


@pytest.mark.parametrize(
    "query, title",
    [
        ({}, "Keuzehulp | LPO-portaal"),
        ({"leeftijd": "kinderen", "doel": "mentaal-welzijn", "vorm": "groep"}, "2 interventies passen – Keuzehulp"),
        ({"leeftijd": "ouders-gezin", "doel": "", "vorm": ""}, "1 interventie past – Keuzehulp"),
        ({"leeftijd": "ouders-gezin", "vorm": "individueel"}, "Geen interventie past precies – Keuzehulp"),
        ({"leeftijd": "bejaarden"}, "Fout: Keuzehulp"),
    ],
)
def test_keuzehulp_title_says_the_outcome(client, source_table_interventions, query, title):
    assert text(parse(client.get(KEUZEHULP, query)).title).startswith(title)


def test_keuzehulp_form_opens_the_next_page_at_the_results(client, source_table_interventions):
    page = parse(client.get(KEUZEHULP, {"leeftijd": "kinderen"}))
    assert page.select_one("main form")["action"] == "/keuzehulp/#uitkomst"
    (target,) = page.select("#uitkomst")
    assert target.name == "h2" and target["tabindex"] == "-1" and text(target) == "Resultaat"
    assert target.find_parent("section")["aria-labelledby"] == "uitkomst"


def test_keuzehulp_error_summary_is_the_target_and_links_to_the_first_radio(client, source_table_interventions):
    page = parse(client.get(KEUZEHULP, {"vorm": "x"}))
    (target,) = page.select("#uitkomst")
    assert "lpo-error-summary" in target["class"] and target["tabindex"] == "-1"
    (link,) = target.select("a")
    first_radio = page.select_one(link["href"])
    assert first_radio.name == "input" and first_radio["type"] == "radio" and first_radio["name"] == "vorm"
    assert first_radio["aria-invalid"] == "true" and first_radio["aria-describedby"] == "fout-vorm"


def test_kwaliteitstoets_sent_with_nothing_answered_says_what_to_do(client):
    first_visit = parse(client.get(TOETS))
    assert first_visit.select_one('main form input[type=hidden][name=toets][value="1"]')
    assert first_visit.select_one("main form")["action"] == "/kwaliteitstoets/#uitkomst"
    assert not first_visit.select("#uitkomst")
    assert text(first_visit.title).startswith("Kwaliteitstoets")

    page = parse(client.get(TOETS, {"toets": "1"}))
    (notice,) = page.select("#uitkomst")
    assert "Je hebt nog geen vraag beantwoord" in text(notice)
    assert notice["tabindex"] == "-1" and notice["role"] == "status"
    assert text(page.title).startswith("Nog geen antwoord – Kwaliteitstoets")


def test_kwaliteitstoets_opens_at_the_advice_or_at_the_errors(client):
    advice = parse(client.get(TOETS, {"toets": "1", "bewijs": "2"}))
    assert text(advice.select_one("#uitkomst")) == "Advies volgens de kwaliteitscriteria"
    assert text(advice.title).startswith("Advies – Kwaliteitstoets")

    errors = parse(client.get(TOETS, {"toets": "1", "uitvoerders": ["geen", "1"]}))
    (summary,) = errors.select("#uitkomst")
    assert summary["role"] == "alert"
    first = errors.select_one(summary.select_one("a")["href"])
    assert first["name"] == "uitvoerders" and first["aria-invalid"] == "true"
    assert all(box["aria-describedby"] == "fout-uitvoerders" for box in errors.select("#vraag-uitvoerders input"))
