"""Concepts of interventions (with their tags) and of facts; locked inline facts."""

import pytest

from django.test import Client
from django.urls import reverse

from interventions.models import Fact, Intervention
from lpo.models import Concept
from tests.conftest import form_data, parse, text
from tests.factories import FactFactory, InterventionFactory, TagFactory

pytestmark = pytest.mark.django_db


def change_url(intervention):
    return reverse("admin:interventions_intervention_change", args=[intervention.pk])


def test_an_interventions_tags_travel_with_its_concept(client, editor, django_capture_on_commit_callbacks):
    children, adults = (
        TagFactory(slug="kinderen", label="Kinderen"),
        TagFactory(slug="volwassenen", label="Volwassenen"),
    )
    intervention = InterventionFactory(name="BAMBOO", slug="bamboo", tags=[children])
    url = change_url(intervention)
    data = form_data(client, url) | {"tags": [str(adults.pk)], "name_nl": "BAMBOO nieuw", "_save_concept": "Opslaan"}
    assert client.post(url, data).status_code == 302

    assert list(Intervention.objects.get(pk=intervention.pk).tags.all()) == [children]
    assert Concept.objects.get().data["tags"] == [adults.pk]
    visitor = Client().get(intervention.get_absolute_url()).content.decode()
    assert "BAMBOO nieuw" not in visitor and "Kinderen" in visitor
    preview = client.get(reverse("interventions:preview", args=[intervention.pk]))
    assert "BAMBOO nieuw" in preview.content.decode() and "Volwassenen" in text(parse(preview))
    assert "no-store" in preview["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:interventions_intervention_concept_publish", args=[intervention.pk]))
    assert list(Intervention.objects.get(pk=intervention.pk).tags.all()) == [adults]
    assert "BAMBOO nieuw" in Client().get(intervention.get_absolute_url()).content.decode()


def test_a_fact_concept_made_in_the_fact_admin_shows_in_the_interventions_preview(client, editor):
    fact = FactFactory(text="Oud feit.")
    url = reverse("admin:interventions_fact_change", args=[fact.pk])
    data = form_data(client, url) | {"text_nl": "Nieuw feit.", "text_en": "New fact.", "_save_concept": "Opslaan"}
    assert client.post(url, data).status_code == 302
    detail = fact.intervention.get_absolute_url()
    assert "Oud feit." in Client().get(detail).content.decode()
    preview = client.get(reverse("interventions:preview", args=[fact.intervention_id]))
    assert "Nieuw feit." in preview.content.decode()

    response = client.post(
        reverse("admin:interventions_fact_changelist"),
        {"action": "publish_concepts", "_selected_action": [fact.pk]},
    )
    assert response.status_code == 302
    assert (Fact.objects.get(pk=fact.pk).text_nl, Fact.objects.get(pk=fact.pk).text_en) == ("Nieuw feit.", "New fact.")


def test_inline_fact_changes_do_not_silently_vanish_in_a_concept(client, editor):
    fact = FactFactory(text="Oud feit.")
    url = change_url(fact.intervention)
    data = form_data(client, url) | {"facts-0-text_nl": "Gewijzigd feit.", "_save_concept": "Opslaan als concept"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Wijzigingen in de feiten gaan niet mee in een concept" in text(parse(response))
    assert parse(response).select_one("textarea[name=facts-0-text_nl]").get_text().strip() == "Gewijzigd feit."
    assert not Concept.objects.exists() and Fact.objects.get(pk=fact.pk).text == "Oud feit."


def test_a_stale_inline_fact_is_refused_with_what_changed(client, editor, other_editor):
    fact = FactFactory(text="Oud feit.")
    url = change_url(fact.intervention)
    mine = form_data(client, url)
    fact_url = reverse("admin:interventions_fact_change", args=[fact.pk])
    assert (
        other_editor.post(fact_url, form_data(other_editor, fact_url) | {"text_nl": "Feit van de ander."}).status_code
        == 302
    )

    response = client.post(url, mine | {"facts-0-text_nl": "Mijn feit."})
    assert response.status_code == 200
    assert "Feit [nl]: «Oud feit.» → «Feit van de ander.»" in text(parse(response))
    assert parse(response).select_one("textarea[name=facts-0-text_nl]").get_text().strip() == "Mijn feit."
    assert Fact.objects.get(pk=fact.pk).text == "Feit van de ander."
