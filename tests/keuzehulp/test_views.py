import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from tests.conftest import SOURCE_TABLE, parse, text

pytestmark = pytest.mark.django_db

FORM_URL = reverse("keuzehulp:form")
API_URL = reverse("keuzehulp:api")


def result_slugs(html, match):
    return [card["data-intervention"] for card in parse_html(html).select(f'[data-match="{match}"]')]


def parse_html(html):
    return BeautifulSoup(html, "html.parser")


def test_form_asks_the_three_questions_with_their_explanations(client, source_table_interventions):
    response = client.get(FORM_URL)
    form = parse(response).select_one("main form")
    assert response.status_code == 200
    assert form["method"] == "get"
    fieldsets = form.select("fieldset")
    assert [text(fieldset.legend) for fieldset in fieldsets] == [f"Welke {slug} zoek je?" for slug in SOURCE_TABLE]
    for fieldset, slug in zip(fieldsets, SOURCE_TABLE, strict=True):
        description = fieldset.select_one(f"#{fieldset['aria-describedby']}")
        assert text(description) == f"Uitleg bij {slug}."
        radios = fieldset.select("input[type=radio]")
        assert {radio["name"] for radio in radios} == {slug}
        assert [radio["value"] for radio in radios] == ["", *SOURCE_TABLE[slug]]
        assert all(fieldset.select_one(f"label[for={radio['id']}]") for radio in radios)
        assert [radio["value"] for radio in radios if radio.has_attr("checked")] == [""]


def test_no_answer_shows_all_interventions_as_matching(client, source_table_interventions):
    html = client.get(FORM_URL).content.decode()
    assert result_slugs(html, "exact") == ["bamboo", "mindfit", "mind-spring", "7roses", "pm-plus"]
    assert result_slugs(html, "partial") == []


def test_shared_url_gives_exact_matches_then_alternatives(client, source_table_interventions):
    response = client.get(FORM_URL, {"leeftijd": "kinderen", "doel": "mentaal-welzijn", "vorm": "groep"})
    html = response.content.decode()
    assert response.status_code == 200
    assert result_slugs(html, "exact") == ["bamboo", "mind-spring"]
    assert result_slugs(html, "partial") == ["mindfit", "pm-plus", "7roses"]
    # The answers stay chosen in the form, so the page can be adjusted and shared again.
    page = parse_html(html)
    assert [radio["value"] for radio in page.select("input[checked]")] == ["kinderen", "mentaal-welzijn", "groep"]
    assert page.select_one('[data-intervention="bamboo"] h4 a')["href"] == "/interventies/bamboo/"


def test_choice_without_exact_match_says_so_and_offers_alternatives(client, source_table_interventions):
    html = client.get(FORM_URL, {"leeftijd": "ouders-gezin", "vorm": "individueel"}).content.decode()
    assert "Geen interventie past bij alle gekozen kenmerken" in html
    assert result_slugs(html, "exact") == []
    assert result_slugs(html, "partial") == ["mind-spring", "7roses", "pm-plus"]
    assert "Past niet bij: vorm (Individueel)" in html


def test_unknown_parameters_are_ignored(client, source_table_interventions):
    response = client.get(FORM_URL, {"doel": "veerkracht", "utm_source": "nieuwsbrief"})
    assert response.status_code == 200
    assert result_slugs(response.content.decode(), "exact") == ["bamboo", "mindfit", "mind-spring", "7roses"]


BAD_INPUTS = {
    "unknown value": {"leeftijd": "bejaarden"},
    "repeated parameter": {"leeftijd": ["kinderen", "jongeren"]},
    "huge value": {"doel": "x" * 5000},
    "control characters": {"vorm": "groep\x00\x1b[31m"},
    "markup": {"leeftijd": "<script>alert(1)</script>"},
}


@pytest.mark.parametrize("query", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gives_the_form_again_with_a_dutch_error(client, source_table_interventions, query):
    response = client.get(FORM_URL, query)
    html = response.content.decode()
    page = parse_html(html)
    assert response.status_code == 400
    summary = page.select_one("[role=alert]")
    assert "Controleer je antwoorden" in text(summary)
    (field,) = query
    message = text(page.select_one(f"#fout-{field}"))
    assert message in (
        "Kies een van de antwoorden bij deze vraag.",
        "Kies één antwoord bij deze vraag; je gaf er meer dan één.",
    )
    radios = page.select(f"#vraag-{field} input[type=radio]")
    assert radios and all(radio["aria-invalid"] == "true" for radio in radios)
    assert all(radio["aria-describedby"] == f"fout-{field}" for radio in radios)
    assert not page.select("fieldset[aria-invalid]")
    assert "<script>alert" not in html
    assert "x" * 200 not in html
    assert "\x00" not in html and "\x1b" not in html
    assert not page.select("[data-intervention]")
    assert len(page.select("main fieldset")) == 3


def test_repeated_parameter_error_names_the_question(client, source_table_interventions):
    summary = parse(client.get(FORM_URL, {"leeftijd": ["kinderen", "jongeren"]})).select_one("[role=alert]")
    link = summary.select_one("li a")
    assert link["href"] == "#id_leeftijd_0"  # the first radio: following the link puts the cursor on the question
    assert text(link) == "Welke leeftijd zoek je?: Kies één antwoord bij deze vraag; je gaf er meer dan één."


def test_api_returns_the_same_answer_as_json(client, source_table_interventions):
    response = client.get(API_URL, {"leeftijd": "ouders-gezin", "vorm": "individueel"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["criteria"] == {"leeftijd": "ouders-gezin", "doel": None, "vorm": "individueel"}
    assert [(r["slug"], r["match"]) for r in data["results"]] == [
        ("mind-spring", "partial"),
        ("7roses", "partial"),
        ("pm-plus", "partial"),
    ]
    mind_spring = data["results"][0]
    assert mind_spring["name"] == "MIND-SPRING"
    assert mind_spring["url"] == "http://testserver/interventies/mind-spring/"
    assert [(t["criterion"], t["value"]) for t in mind_spring["matched"]] == [("leeftijd", "ouders-gezin")]
    assert [(t["criterion"], t["value"]) for t in mind_spring["unmatched"]] == [("vorm", "individueel")]
    assert set(mind_spring["matched"][0]) == {"criterion", "value", "label"}


def test_api_gives_the_ranked_list_in_pages_with_links_to_the_next_and_previous(
    client, source_table_interventions, monkeypatch
):
    monkeypatch.setattr("keuzehulp.views.API_RESULTS_PER_PAGE", 2)
    query = {"leeftijd": "volwassenen", "vorm": "groep"}
    first = client.get(API_URL, query).json()
    assert len(first["results"]) == 2
    assert (first["count"], first["page"], first["pages"], first["previous"]) == (5, 1, 3, None)
    assert first["next"] == "http://testserver/api/keuzehulp/?leeftijd=volwassenen&vorm=groep&pagina=2"

    seen, data = [], first
    while True:
        seen += [(r["slug"], r["match"]) for r in data["results"]]
        if data["next"] is None:
            break
        data = client.get(data["next"]).json()
    assert data["page"] == 3 and len(data["results"]) == 1
    assert data["previous"] == "http://testserver/api/keuzehulp/?leeftijd=volwassenen&vorm=groep&pagina=2"
    # Every intervention once, ranked as on the page: the exact matches first.
    assert len({slug for slug, _ in seen}) == 5
    assert [slug for slug, match in seen if match == "exact"] == result_slugs(
        client.get(FORM_URL, query).content.decode(), "exact"
    )
    assert [match for _, match in seen] == sorted((match for _, match in seen), key=lambda m: m != "exact")


@pytest.mark.parametrize("pagina, page", [("99", 3), ("0", 3), ("twee", 1), ("", 1), ("-1", 3)])
def test_api_page_number_out_of_range_or_not_a_number_gives_a_page_that_exists(
    client, source_table_interventions, monkeypatch, pagina, page
):
    monkeypatch.setattr("keuzehulp.views.API_RESULTS_PER_PAGE", 2)
    response = client.get(API_URL, {"pagina": pagina})
    assert response.status_code == 200
    assert response.json()["page"] == page


def test_api_with_every_result_on_one_page_has_no_links(client, source_table_interventions):
    data = client.get(API_URL).json()
    assert (data["count"], data["page"], data["pages"], data["next"], data["previous"]) == (5, 1, 1, None, None)
    assert len(data["results"]) == 5


def test_api_and_page_agree(client, source_table_interventions):
    query = {"leeftijd": "jongeren", "doel": "veerkracht"}
    html = client.get(FORM_URL, query).content.decode()
    data = client.get(API_URL, query).json()
    assert [r["slug"] for r in data["results"] if r["match"] == "exact"] == result_slugs(html, "exact")
    assert [r["slug"] for r in data["results"] if r["match"] == "partial"] == result_slugs(html, "partial")


@pytest.mark.parametrize("query", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_api_bad_input_gives_400_with_errors_per_field(client, source_table_interventions, query):
    response = client.get(API_URL, query)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == set(query)
    assert all(isinstance(message, str) and message for messages in errors.values() for message in messages)
    assert "script" not in response.content.decode()


def test_each_result_links_to_its_intervention_once(client, source_table_interventions):
    cards = parse(client.get(FORM_URL, {"leeftijd": "ouders-gezin", "vorm": "individueel"})).select(".lpo-result")
    assert cards
    for card in cards:
        (link,) = card.select("a")
        assert link.find_parent("h4")
