import re

import pytest

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from guidance.models import Page, Source
from interventions.models import FactSource
from tests.factories import FactFactory, PageFactory

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    ("guidance", "page"),
    ("guidance", "source"),
    ("guidance", "tool"),
    ("interventions", "intervention"),
    ("interventions", "fact"),
    ("interventions", "criterion"),
    ("interventions", "tag"),
]


def test_editor_group_has_exactly_the_content_rights():
    permissions = Permission.objects.filter(group__name="Redacteur")
    # The sources of a fact are edited on the fact's page (an inline), so they have no list of their own.
    models = CONTENT_MODELS + [("interventions", "factsource")]
    expected = {
        f"{app}.{action}_{model}" for app, model in models for action in ("add", "change", "delete", "view")
    } | {"guidance.view_rolecount", "lpo.view_linkcheck", "lpo.publish_concept"}
    assert {f"{p.content_type.app_label}.{p.codename}" for p in permissions} == expected


@pytest.mark.parametrize("app, model", CONTENT_MODELS)
def test_editor_can_open_list_and_add_pages_of_content(client, editor, app, model):
    assert client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200


@pytest.mark.parametrize("url_name", ["admin:auth_user_changelist", "admin:auth_group_changelist"])
def test_editor_cannot_reach_users_or_groups(client, editor, url_name):
    assert client.get(reverse(url_name)).status_code == 403


def test_admin_speaks_dutch(client, editor):
    html = client.get(reverse("admin:index")).content.decode()
    assert "LPO-portaal: beheer" in html
    assert "Uitloggen" in html or "Afmelden" in html
    assert "Bronnen" in html and "Hulpmiddelen" in html and "Interventies" in html


def test_admin_list_searches_and_filters(client, editor):
    PageFactory(title="Sociale steun", body="Lotgenoten helpen.")
    PageFactory(title="Iets anders")
    html = client.get(reverse("admin:guidance_page_changelist"), {"q": "lotgenoten"}).content.decode()
    assert "Sociale steun" in html and "Iets anders" not in html


def test_change_form_links_to_the_page_on_the_site(client, editor):
    page = PageFactory()
    html = client.get(reverse("admin:guidance_page_change", args=[page.pk])).content.decode()
    link = re.search(r'<a href="([^"]+)" class="viewsitelink">Weergeven op website</a>', html)
    assert link.group(1) == page.get_absolute_url()
    assert client.get(link.group(1)).status_code == 200


def test_editor_changes_a_page_in_the_admin_and_the_site_shows_it(client, editor):
    page = PageFactory(number=1, title="Het belang", slug="het-belang", body="Oude tekst.")
    Source.objects.create(number=5, author="ARQ", year="2022", title="Bron")
    form = client.get(reverse("admin:guidance_page_change", args=[page.pk])).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(parent="", body_nl="Nieuwe tekst van de redactie.[^5]", title_nl="Het belang")
    response = client.post(reverse("admin:guidance_page_change", args=[page.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Nieuwe tekst van de redactie." in html and "Oude tekst." not in html


def test_admin_refuses_a_text_citing_a_missing_source_with_a_dutch_message(client, editor):
    page = PageFactory(body="Oude tekst.")
    form = client.get(reverse("admin:guidance_page_change", args=[page.pk])).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(parent="", body_nl="Tekst.[^77]")
    response = client.post(reverse("admin:guidance_page_change", args=[page.pk]), data)
    assert response.status_code == 200
    assert "Deze bronnen staan niet in de literatuurlijst: 77" in response.content.decode()
    page.refresh_from_db()
    assert page.body == "Oude tekst."


def test_superuser_sees_every_admin_list(admin_client):
    for app, model in CONTENT_MODELS + [("auth", "user"), ("auth", "group")]:
        assert admin_client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200


def test_deleting_a_chapter_with_pages_under_it_is_refused(admin_client):
    chapter = PageFactory(number=1)
    PageFactory(parent=chapter)
    admin_client.post(reverse("admin:guidance_page_delete", args=[chapter.pk]), {"post": "yes"})
    assert Page.objects.filter(pk=chapter.pk).exists()


def test_language_tabs_load_jquery_ui_from_our_own_static_files(client, editor):
    page = PageFactory()
    html = client.get(reverse("admin:guidance_page_change", args=[page.pk])).content.decode()
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', html)
    assert "/static/jquery-ui/jquery-ui.min.js" in scripts
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in scripts
    assert all(src.startswith("/") and not src.startswith("//") for src in scripts)


def test_editor_gives_a_fact_a_titled_source_on_the_facts_page(client, editor):
    fact = FactFactory(sources=[])
    change = reverse("admin:interventions_fact_change", args=[fact.pk])
    form = client.get(change).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "sources-TOTAL_FORMS": "1",
            "sources-INITIAL_FORMS": "0",
            "sources-MIN_NUM_FORMS": "1",
            "sources-MAX_NUM_FORMS": "1000",
            "sources-0-title": "ZonMw",
            "sources-0-url": "https://projecten.zonmw.nl/nl/project/7roses",
            "sources-0-order": "1",
        }
    )
    response = client.post(change, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert [(s.title, s.url) for s in fact.sources.all()] == [("ZonMw", "https://projecten.zonmw.nl/nl/project/7roses")]
    html = client.get(fact.intervention.get_absolute_url()).content.decode()
    assert "ZonMw</a>" in html and "(projecten.zonmw.nl)" in html


def test_a_source_title_may_not_be_a_web_address(client, editor):
    source = FactSource(fact=FactFactory(sources=[]), url="https://mhpss.net/pm", title="https://mhpss.net/pm")
    with pytest.raises(ValidationError, match="geen webadres"):
        source.full_clean()


def test_intervention_page_lists_its_facts_with_their_sources_and_a_link_to_edit_them(client, editor):
    fact = FactFactory(sources=[("https://mhpss.net/pm", "mhpss.net"), ("https://www.vu.nl/pm", "VU")])
    html = client.get(reverse("admin:interventions_intervention_change", args=[fact.intervention.pk])).content.decode()
    assert "mhpss.net; VU (vu.nl)" in html
    assert reverse("admin:interventions_fact_change", args=[fact.pk]) in html
