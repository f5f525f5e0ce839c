"""Each translation is "vertaald, nog niet nagekeken" until an editor who reads the language marks it "nagekeken";
a change of the Dutch text makes it "verouderd". Readers see this; editors filter and mark it in the admin."""

import pytest
from reversion.models import Version

from django.urls import reverse

from guidance.models import Page
from interventions.models import Fact, Intervention
from lpo.content import content_models
from lpo.page_cache import content_changed
from lpo.reviews import TranslationReview, TranslationState, text_hash
from tests.conftest import parse, text
from tests.factories import FactFactory, PageFactory

pytestmark = pytest.mark.django_db

TRANSLATABLE = [model for model in content_models() if issubclass(model, TranslationReview)]


def translated_page(**kwargs):
    page = PageFactory(number=3, title="Sociale steun", slug="sociale-steun", body="Lotgenoten helpen.", **kwargs)
    page.title_en, page.summary_en, page.body_en = "Social support", "Why support matters.", "Peers help."
    page.save()
    return page


def reload(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_a_new_translation_is_translated_but_not_yet_reviewed():
    page = reload(translated_page())
    assert page.translation_state("en") == TranslationState.UNREVIEWED
    assert page.translation_state("uk") == TranslationState.MISSING


def test_changing_the_dutch_text_makes_the_translation_out_of_date():
    page = reload(translated_page())
    page.order = 5  # not a text: the translation stays current
    page.save()
    assert reload(page).translation_state("en") == TranslationState.UNREVIEWED
    page.body_nl = "Lotgenoten helpen elkaar."
    page.save()
    assert reload(page).translation_state("en") == TranslationState.OUTDATED


@pytest.mark.parametrize("field", ["title", "summary", "lead", "body", "source_title"])
def test_every_dutch_text_of_a_page_counts(field):
    page = reload(translated_page())
    setattr(page, f"{field}_nl", "Gewijzigd.")
    page.save()
    assert reload(page).translation_state("en") == TranslationState.OUTDATED


def test_a_new_translation_after_the_dutch_change_is_current_again_but_not_reviewed():
    page = reload(translated_page())
    page.mark_translation_reviewed("en", "anna")
    page.save()
    page.body_nl = "Lotgenoten helpen elkaar."
    page.save()
    page = reload(page)
    page.body_en = "Peers help each other."
    page.save()
    page = reload(page)
    assert page.translation_state("en") == TranslationState.UNREVIEWED
    assert not page.reviewed_en and page.reviewed_by_en == "" and page.reviewed_at_en is None


def test_a_reviewed_translation_that_changes_is_no_longer_reviewed():
    page = reload(translated_page())
    page.mark_translation_reviewed("en", "anna")
    page.save()
    assert reload(page).translation_state("en") == TranslationState.REVIEWED
    page = reload(page)
    page.body_en = "Peers help a lot."
    page.save()
    assert reload(page).translation_state("en") == TranslationState.UNREVIEWED


def test_reviewing_an_out_of_date_translation_makes_it_current():
    page = reload(translated_page())
    page.body_nl = "Lotgenoten helpen elkaar."
    page.save()
    page = reload(page)
    page.mark_translation_reviewed("en", "anna")
    page.save()
    page = reload(page)
    assert page.translation_state("en") == TranslationState.REVIEWED
    assert page.reviewed_by_en == "anna" and page.reviewed_at_en is not None


def test_a_fact_goes_out_of_date_like_a_page():
    fact = FactFactory(text="Voor kinderen.")
    fact.text_uk = "Для дітей."
    fact.save()
    fact = reload(fact)
    assert fact.translation_state("uk") == TranslationState.UNREVIEWED
    fact.text_nl = "Voor kinderen en jongeren."
    fact.save()
    assert reload(fact).translation_state("uk") == TranslationState.OUTDATED


def test_the_fixtures_translations_are_all_translated_and_not_yet_reviewed(content):
    for model in TRANSLATABLE:
        objects = list(model.objects.all())
        assert objects
        for obj in objects:
            assert obj.nl_hash == text_hash(obj.texts("nl"))
            for language in ("en", "uk"):
                assert obj.translation_state(language) == TranslationState.UNREVIEWED, (obj, language)
                assert getattr(obj, f"nl_hash_{language}") == obj.nl_hash and not getattr(obj, f"reviewed_{language}")


# What readers see


def notice(client, url):
    notices = parse(client.get(url)).select("main .lpo-review-notice")
    assert len(notices) <= 1
    return text(notices[0]) if notices else None


def test_reviewed_translation_shows_no_notice_and_an_out_of_date_one_says_so(
    client, django_capture_on_commit_callbacks
):
    page = translated_page()
    assert "not been checked yet" in notice(client, "/en/handreiking/sociale-steun/")
    assert notice(client, "/handreiking/sociale-steun/") is None
    assert notice(client, "/uk/handreiking/sociale-steun/") is None  # not translated: marked as such instead

    page = reload(page)
    page.mark_translation_reviewed("en", "anna")
    with django_capture_on_commit_callbacks(execute=True):
        page.save()
    assert notice(client, "/en/handreiking/sociale-steun/") is None

    page = reload(page)
    page.body_nl = "Lotgenoten helpen elkaar."
    with django_capture_on_commit_callbacks(execute=True):
        page.save()
    assert notice(client, "/en/handreiking/sociale-steun/") == (
        "The Dutch text has changed since this translation was made. Read the Dutch original"
    )


REVIEWED_URLS = [
    "/handreiking/sociale-steun/",
    "/handreiking/het-belang/",
    "/handreiking/hulpmiddelen/",
    "/handreiking/lpis/",
    "/interventies/",
    "/interventies/pm-plus/",
    "/keuzehulp/?leeftijd=kinderen&doel=mentaal-welzijn&vorm=groep",
]


@pytest.fixture
def all_reviewed(content):
    """Every translation of the real content marked as checked by a reader of that language."""
    for model in TRANSLATABLE:
        model.objects.update(reviewed_en=True, reviewed_uk=True)
    content_changed()  # update() sends no signal


@pytest.mark.parametrize("prefix", ["", "/en", "/uk"])
def test_reviewed_content_shows_no_notice_anywhere(client, all_reviewed, prefix):
    for url in REVIEWED_URLS:
        assert notice(client, prefix + url) is None, prefix + url


def test_a_changed_dutch_text_brings_the_notice_back_on_its_page_only(
    client, all_reviewed, django_capture_on_commit_callbacks
):
    page = Page.objects.get(parent=None, slug="sociale-steun")
    page.body_nl += "\n\nEen nieuwe alinea."
    with django_capture_on_commit_callbacks(execute=True):
        page.save()
    assert notice(client, "/uk/handreiking/sociale-steun/") == (
        "Нідерландський текст змінився після того, як було зроблено цей переклад. Читати нідерландський оригінал"
    )
    assert "The Dutch text has changed" in notice(client, "/en/handreiking/sociale-steun/")
    assert notice(client, "/handreiking/sociale-steun/") is None
    for url in REVIEWED_URLS[1:]:
        assert notice(client, "/en" + url) is None, url


def test_a_changed_dutch_fact_brings_the_notice_back_on_its_intervention_only(
    client, all_reviewed, django_capture_on_commit_callbacks
):
    fact = Fact.objects.filter(intervention__slug="pm-plus").first()
    fact.text_nl += " Aangevuld."
    with django_capture_on_commit_callbacks(execute=True):
        fact.save()
    assert "The Dutch text has changed" in notice(client, "/en/interventies/pm-plus/")
    assert notice(client, "/en/interventies/bamboo/") is None


# The admin


def changelist(client, **params):
    response = client.get(reverse("admin:guidance_page_changelist"), params)
    assert response.status_code == 200
    return response


@pytest.fixture
def pages_in_every_state():
    unreviewed = translated_page()
    reviewed = PageFactory(title="Nagekeken", title_en="Reviewed", title_uk="Перевірено")
    reviewed.mark_translation_reviewed("en", "anna")
    reviewed.save()
    outdated = PageFactory(title="Verouderd", title_en="Out of date")
    outdated = reload(outdated)
    outdated.title_nl = "Verouderd, gewijzigd"
    outdated.save()
    missing = PageFactory(title="Alleen Nederlands")
    return {
        TranslationState.UNREVIEWED: unreviewed,
        TranslationState.REVIEWED: reviewed,
        TranslationState.OUTDATED: outdated,
        TranslationState.MISSING: missing,
    }


def test_admin_list_shows_the_state_per_language_and_filters_on_it(client, editor, pages_in_every_state):
    html = changelist(client).content.decode()
    for label in [
        "Engels: nog niet nagekeken",
        "Engels: verouderd",
        "Oekraïens: nagekeken",
        "Oekraïens: nog niet vertaald",
    ]:
        assert label in html
    rows = {
        text(row.select_one("th")): [text(cell) for cell in row.select("td")]
        for row in parse(changelist(client)).select("#result_list tbody tr")
    }
    assert rows["Nagekeken"][-2:] == ["nagekeken", "vertaald, nog niet nagekeken"]
    assert rows["Verouderd, gewijzigd"][-2:] == ["verouderd", "nog niet vertaald"]
    for state, page in pages_in_every_state.items():
        listed = list(changelist(client, vertaling_en=state.value).context["cl"].result_list)
        assert listed == [page], state


def test_admin_action_marks_the_translation_reviewed_and_keeps_who_and_when_in_the_history(
    client, editor, pages_in_every_state
):
    chosen = [pages_in_every_state[TranslationState.UNREVIEWED], pages_in_every_state[TranslationState.MISSING]]
    response = client.post(
        reverse("admin:guidance_page_changelist"),
        {"action": "mark_reviewed_en", "_selected_action": [page.pk for page in chosen]},
        follow=True,
    )
    assert "1 Engelse vertaling(en) gemarkeerd als nagekeken." in response.content.decode()
    assert "1 zonder Engelse vertaling overgeslagen." in response.content.decode()
    page = reload(chosen[0])
    assert page.translation_state("en") == TranslationState.REVIEWED
    assert page.reviewed_by_en == "redacteur" and page.reviewed_at_en is not None
    revision = Version.objects.get_for_object(page).first().revision
    assert revision.user == editor
    assert revision.comment == "Engelse vertaling gemarkeerd als nagekeken."
    assert reload(chosen[1]).translation_state("en") == TranslationState.MISSING


def test_editor_marks_the_ukrainian_translation_reviewed_in_the_change_form(client, editor):
    page = translated_page()
    page.title_uk, page.body_uk = "Соціальна підтримка", "Люди зі схожим досвідом допомагають."
    page.save()
    url = reverse("admin:guidance_page_change", args=[page.pk])
    form = client.get(url).context["adminform"].form
    assert "Oekraïens: vertaald, nog niet nagekeken" in client.get(url).content.decode()
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(parent="", mark_reviewed_uk="on")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    page = reload(page)
    assert page.translation_state("uk") == TranslationState.REVIEWED
    assert page.translation_state("en") == TranslationState.UNREVIEWED
    revision = Version.objects.get_for_object(page).first().revision
    assert revision.user == editor and revision.comment == "Oekraïense vertaling gemarkeerd als nagekeken."
    assert "Oekraïens: nagekeken door redacteur op" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:guidance_tool_changelist",
        "admin:interventions_criterion_changelist",
        "admin:interventions_tag_changelist",
        "admin:interventions_intervention_changelist",
        "admin:interventions_fact_changelist",
    ],
)
def test_every_translated_kind_of_content_has_the_review_filter(client, editor, url_name):
    FactFactory()
    response = client.get(reverse(url_name), {"vertaling_uk": TranslationState.UNREVIEWED.value})
    assert response.status_code == 200
    assert "Oekraïens: nog niet nagekeken" in response.content.decode()


def test_marking_an_intervention_reviewed_keeps_its_publishing_actions(client, editor):
    intervention = Intervention.objects.create(name="PM+", name_en="PM+", slug="pm-plus")
    actions = parse(client.get(reverse("admin:interventions_intervention_changelist"))).select(
        "select[name=action] option"
    )
    assert {"publish", "make_draft", "mark_reviewed_en", "mark_reviewed_uk"} <= {option["value"] for option in actions}
    client.post(
        reverse("admin:interventions_intervention_changelist"),
        {"action": "mark_reviewed_en", "_selected_action": [intervention.pk]},
    )
    assert reload(intervention).translation_state("en") == TranslationState.REVIEWED
