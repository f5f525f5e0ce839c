"""`manage.py check_links` visits every external address of the site; the admin shows the broken ones and where."""

import io

import pytest

from django.core.management import call_command
from django.urls import reverse

from lpo.links import link_usages, urls_in_text
from lpo.models import LinkCheck
from tests.conftest import parse, text
from tests.factories import (
    FactFactory,
    InterventionFactory,
    LinkCheckFactory,
    PageFactory,
    SourceFactory,
    ToolFactory,
)

pytestmark = pytest.mark.django_db


def check_links(*args):
    out = io.StringIO()
    call_command("check_links", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def linked_content(link_server, settings):
    """Content in every place that can hold an address, each pointing at the local server."""
    settings.ALLOWED_HOSTS = ["lpo.example.nl", "testserver"]
    url = link_server.url
    content = {
        "source": SourceFactory(url=url("/ok")),
        "fact": FactFactory(sources=[(url("/weg"), "Weg"), (url("/ok"), "In orde")]),
        "tool": ToolFactory(url=url("/oud")),
        "intervention": InterventionFactory(website=url("/geen-head")),
        "page": PageFactory(
            source_url="",
            lead=f"Zie [de traagste site]({url('/traag')}).",
            body="Nederlandse tekst zonder adres.",
            body_en=f"Also at {url('/weg')}, in English.",
        ),
    }
    # Never the internet: every address the checker will visit is the local server's.
    assert all(address.startswith(url("/")) for address in link_usages())
    return content


def test_urls_in_text_finds_markdown_links_and_bare_addresses_without_sentence_punctuation():
    found = urls_in_text(
        "Lees [de gids](https://a.example/gids) en https://b.example/pagina. "
        "Ook (zie https://c.example/x) en [wiki](https://d.example/Iets_(ding)), "
        'of <a href="https://e.example/html">hier</a>; https://a.example/gids nogmaals.'
    )
    assert found == [
        "https://a.example/gids",
        "https://d.example/Iets_(ding)",
        "https://b.example/pagina",
        "https://c.example/x",
        "https://e.example/html",
    ]


def test_link_usages_names_every_place_that_uses_an_address(linked_content, link_server):
    usages = link_usages()
    assert {(usage.obj, usage.field) for usage in usages[link_server.url("/weg")]} == {
        (linked_content["fact"], "bronnen"),
        (linked_content["page"], "tekst [en]"),
    }
    assert [(usage.obj, usage.field) for usage in usages[link_server.url("/ok")]] == [
        (linked_content["source"], "webadres"),
        (linked_content["fact"], "bronnen"),
    ]
    assert [usage.field for usage in usages[link_server.url("/traag")]] == ["inleiding [nl]"]
    assert [usage.obj for usage in usages[link_server.url("/geen-head")]] == [linked_content["intervention"]]
    page_usage = usages[link_server.url("/traag")][0]
    assert page_usage.admin_url == reverse("admin:guidance_page_change", args=[linked_content["page"].pk])


def test_check_links_records_each_answer_redirect_and_time_out(linked_content, link_server):
    output = check_links("--timeout", "0.5", "--workers", "2")

    checks = {check.url.removeprefix(link_server.url("")): check for check in LinkCheck.objects.all()}
    assert set(checks) == {"/ok", "/oud", "/weg", "/geen-head", "/traag"}
    assert (checks["/ok"].status, checks["/ok"].final_url, checks["/ok"].error) == (200, link_server.url("/ok"), "")
    assert checks["/oud"].status == 200
    assert checks["/oud"].final_url == link_server.url("/nieuw")
    assert checks["/oud"].is_redirected and not checks["/oud"].is_broken
    assert checks["/weg"].status == 404 and checks["/weg"].is_broken
    assert checks["/geen-head"].status == 200 and not checks["/geen-head"].is_broken
    assert link_server.requests["/geen-head"] == ["HEAD", "GET"]
    assert link_server.requests["/ok"] == ["HEAD"]  # HEAD is enough when the server does it
    assert (checks["/traag"].status, checks["/traag"].error) == (None, "time-out")
    assert all(check.checked_at for check in checks.values())

    assert link_server.user_agents == {"LPO-portaal linkcontrole (+https://lpo.example.nl/)"}
    assert link_server.max_active <= 2
    assert output.strip() == "5 gecontroleerd, 2 kapot, 1 doorgestuurd."


def test_check_links_visits_no_more_addresses_at_once_than_asked(link_server):
    # Each address keeps the server busy for a moment, so the checker would overlap them if it could: twice as
    # many addresses as workers.
    FactFactory(sources=[(link_server.url(f"/even/{n}"), f"Bron {n}") for n in range(6)])
    check_links("--workers", "3", "--timeout", "5")
    assert LinkCheck.objects.filter(status=200).count() == 6
    assert link_server.max_active == 3


def test_check_links_prints_a_line_per_address_with_verbosity_2(linked_content, link_server):
    output = check_links("--timeout", "0.5", "-v", "2")
    assert f"{link_server.url('/weg')} kapot: 404" in output
    assert f"{link_server.url('/traag')} kapot: time-out" in output
    assert f"{link_server.url('/oud')} 200, doorgestuurd naar {link_server.url('/nieuw')}" in output


def test_check_links_forgets_addresses_the_site_no_longer_uses(link_server):
    LinkCheckFactory(url="https://oud.example/verdwenen")
    tool = ToolFactory(url=link_server.url("/ok"))
    output = check_links()
    assert list(LinkCheck.objects.values_list("url", flat=True)) == [tool.url]
    assert "1 niet meer gebruikt" in output


def test_check_links_records_refused_connections(link_server):
    # A port nothing listens on: the server's own port after it has stopped.
    link_server.shutdown()
    link_server.server_close()
    ToolFactory(url=link_server.url("/ok"))
    check_links("--timeout", "1")
    assert LinkCheck.objects.get().error == "verbinding geweigerd"


def test_admin_lists_broken_links_with_where_they_are_used(client, editor, linked_content, link_server):
    check_links("--timeout", "0.5")
    response = client.get(reverse("admin:lpo_linkcheck_changelist"), {"toestand": "kapot"})
    assert response.status_code == 200
    rows = {text(row.select_one("th")): row for row in parse(response).select("#result_list tbody tr")}
    assert set(rows) == {link_server.url("/weg"), link_server.url("/traag")}

    broken = rows[link_server.url("/weg")]
    assert "kapot (404)" in text(broken)
    links = {text(a): a["href"] for a in broken.select("td a")}
    fact, page = linked_content["fact"], linked_content["page"]
    assert links == {
        f"Feit: {fact} (bronnen)": reverse("admin:interventions_fact_change", args=[fact.pk]),
        f"Pagina: {page} (tekst [en])": reverse("admin:guidance_page_change", args=[page.pk]),
    }
    assert "kapot: time-out" in text(rows[link_server.url("/traag")])


def test_admin_filters_link_checks_by_state(client, editor):
    LinkCheckFactory(url="https://a.example/in-orde")
    LinkCheckFactory(url="https://b.example/kapot", broken=True)
    LinkCheckFactory(url="https://c.example/onbereikbaar", unreachable=True)
    LinkCheckFactory(url="https://d.example/oud", redirected=True)
    url = reverse("admin:lpo_linkcheck_changelist")

    def listed(state):
        page = parse(client.get(url, {"toestand": state}))
        return {text(row.select_one("th")) for row in page.select("#result_list tbody tr")}

    assert listed("kapot") == {"https://b.example/kapot", "https://c.example/onbereikbaar"}
    assert listed("doorgestuurd") == {"https://d.example/oud"}
    assert listed("in-orde") == {"https://a.example/in-orde"}


def test_link_checks_are_read_only_in_the_admin(client, editor):
    check = LinkCheckFactory(broken=True)
    assert client.get(reverse("admin:lpo_linkcheck_change", args=[check.pk])).status_code == 200
    assert client.get(reverse("admin:lpo_linkcheck_add")).status_code == 403
    assert client.get(reverse("admin:lpo_linkcheck_delete", args=[check.pk])).status_code == 403


def test_check_links_visits_an_address_with_accents_without_calling_it_redirected(link_server):
    tool = ToolFactory(url=link_server.url("/ok?zoek=één"))
    check_links()
    check = LinkCheck.objects.get()
    assert (check.url, check.status, check.is_redirected) == (tool.url, 200, False)
    assert list(link_server.requests) == ["/ok?zoek=%C3%A9%C3%A9n"]


def test_admin_index_names_the_number_of_broken_links(client, editor):
    LinkCheckFactory(broken=True)
    LinkCheckFactory(unreachable=True)
    LinkCheckFactory(redirected=True)
    notice = parse(client.get(reverse("admin:index"))).select_one(".lpo-attention .error")
    assert text(notice) == "2 links zijn kapot bij de laatste linkcontrole."
    assert notice.a["href"] == reverse("admin:lpo_linkcheck_changelist") + "?toestand=kapot"
