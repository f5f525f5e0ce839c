"""The functie-vraag: one anonymous click, counted without cookies or addresses, safe from forgery and floods."""

from datetime import date

import pytest

from django.urls import reverse

from guidance.models import RoleCount
from tests.conftest import parse, text

pytestmark = pytest.mark.django_db

URL = reverse("guidance:role")
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def test_every_page_asks_the_question_with_the_five_answers(client, content):
    for url in ["/", "/handreiking/sociale-steun/", "/keuzehulp/", "/en/interventies/"]:
        form = parse(client.get(url)).select_one(".lpo-role form")
        assert form["method"] == "post" and form["action"].endswith(URL)
        assert [b["value"] for b in form.select("button[name=functie]")] == [
            "opvangmedewerker",
            "vrijwilliger",
            "gemeente",
            "zorg",
            "anders",
        ]
        assert not form.select("input[name=csrfmiddlewaretoken]")
    page = parse(client.get("/"))
    assert "Mogen we je iets vragen?" in text(page.select_one(".lpo-role"))
    assert [text(b) for b in page.select(".lpo-role button")] == [
        "Opvangmedewerker",
        "Vrijwilliger",
        "Medewerker gemeente",
        "Zorg- of hulpverlener",
        "Anders",
    ]


def test_one_click_is_counted_per_answer_and_month_and_thanks_the_visitor(client):
    response = client.post(URL, {"functie": "vrijwilliger", "terug": "/handreiking/sociale-steun/"}, **SAME_ORIGIN)
    assert response.status_code == 303
    client.post(URL, {"functie": "vrijwilliger", "terug": "/"}, **SAME_ORIGIN)
    client.post(URL, {"functie": "gemeente", "terug": "/"}, **SAME_ORIGIN)
    month = date.today().replace(day=1)
    assert {(c.role, c.month, c.count) for c in RoleCount.objects.all()} == {
        ("vrijwilliger", month, 2),
        ("gemeente", month, 1),
    }
    thanks = client.get(response["Location"])
    assert "Bedankt voor je antwoord" in text(parse(thanks))
    assert parse(thanks).select_one("main a")["href"] == "/handreiking/sociale-steun/"


def test_nothing_personal_is_stored_or_set(client):
    response = client.post(URL, {"functie": "anders"}, REMOTE_ADDR="203.0.113.7", **SAME_ORIGIN)
    assert not response.cookies and not client.cookies
    fields = {field.name for field in RoleCount._meta.get_fields()}
    assert fields == {"id", "role", "month", "count"}


def test_a_post_from_another_site_is_refused(client):
    forged = client.post(URL, {"functie": "anders"}, HTTP_ORIGIN="https://evil.example")
    missing = client.post(URL, {"functie": "anders"})
    assert forged.status_code == 403 and missing.status_code == 403
    assert not RoleCount.objects.exists()
    same_site = client.post(URL, {"functie": "anders"}, HTTP_SEC_FETCH_SITE="same-origin")
    assert same_site.status_code == 303


def test_flooding_is_limited_per_address(client):
    statuses = [
        client.post(URL, {"functie": "anders"}, REMOTE_ADDR="198.51.100.1", **SAME_ORIGIN).status_code for _ in range(8)
    ]
    assert statuses == [303] * 5 + [429] * 3
    assert RoleCount.objects.get().count == 5
    other = client.post(URL, {"functie": "anders"}, REMOTE_ADDR="198.51.100.2", **SAME_ORIGIN)
    assert other.status_code == 303


def test_unknown_answers_and_foreign_return_addresses_are_refused(client):
    assert client.post(URL, {"functie": "hacker"}, **SAME_ORIGIN).status_code == 400
    response = client.post(URL, {"functie": "zorg", "terug": "https://evil.example/"}, **SAME_ORIGIN)
    assert response["Location"].endswith("?terug=%2F")


def test_public_pages_stay_cached_and_cookie_free_with_the_question(client, content, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        response = client.get("/")
    assert not response.cookies


def test_editors_see_the_counts_per_answer_and_month(admin_client):
    RoleCount.objects.create(role="vrijwilliger", month=date(2026, 10, 1), count=7)
    RoleCount.objects.create(role="gemeente", month=date(2026, 11, 1), count=3)
    page = parse(admin_client.get(reverse("admin:guidance_rolecount_changelist")))
    rows = [text(row) for row in page.select("#result_list tbody tr")]
    assert any("Vrijwilliger" in row and "7" in row for row in rows)
    assert any("Medewerker gemeente" in row and "3" in row for row in rows)
    assert admin_client.get(reverse("admin:guidance_rolecount_add")).status_code == 403
