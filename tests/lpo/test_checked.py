"""Facts and hulpmiddelen carry the date an editor last checked them; what is 12 months old comes back to editors."""

import datetime
import io

import pytest

from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from guidance.models import Tool
from interventions.models import Fact
from lpo.models import check_due_before
from tests.conftest import empty_content, parse, text
from tests.factories import FactFactory, InterventionFactory, PageFactory, ToolFactory

pytestmark = pytest.mark.django_db

CHECKED_ON = {
    "nl": "Gecontroleerd op 3 maart 2026",
    "en": "Checked on 3 March 2026",
    "uk": "Перевірено 3 березня 2026",
}
NEVER = {"nl": "Nog niet gecontroleerd", "en": "Not checked yet", "uk": "Ще не перевірено"}
PREFIX = {"nl": "", "en": "/en", "uk": "/uk"}


def months_ago(months):
    return timezone.localdate() - datetime.timedelta(days=round(months * 30.5))


@pytest.mark.parametrize("language", ["nl", "en", "uk"])
def test_intervention_page_shows_when_each_fact_was_checked(client, language):
    intervention = InterventionFactory(slug="pm-plus")
    FactFactory(intervention=intervention, text="Gecontroleerd feit.", checked_on=datetime.date(2026, 3, 3))
    FactFactory(intervention=intervention, text="Ongecontroleerd feit.", checked_on=None)
    page = parse(client.get(PREFIX[language] + intervention.get_absolute_url()))
    facts = {text(fact.p): text(fact.select_one(".lpo-checked")) for fact in page.select(".lpo-fact")}
    assert facts == {"Gecontroleerd feit.": CHECKED_ON[language], "Ongecontroleerd feit.": NEVER[language]}


@pytest.mark.parametrize("language", ["nl", "en", "uk"])
def test_hulpmiddelen_list_shows_when_each_tool_was_checked(client, language):
    page = PageFactory(number=6, slug="hulpmiddelen", body="", listing="tools")
    ToolFactory(name="Protect-vragen", checked_on=datetime.date(2026, 3, 3))
    ToolFactory(name="Meetup")
    cards = parse(client.get(PREFIX[language] + page.get_absolute_url())).select(".utrecht-card")
    checked = {text(card.h2).split()[0]: text(card.select_one(".lpo-checked")) for card in cards}
    assert checked == {"Protect-vragen": CHECKED_ON[language], "Meetup": NEVER[language]}


def test_checked_more_than_12_months_ago_or_never_is_due_and_exactly_12_months_is_not():
    due_before = check_due_before()
    due = [FactFactory(checked_on=None), FactFactory(checked_on=due_before - datetime.timedelta(days=1))]
    recent = [FactFactory(checked_on=due_before), FactFactory(checked_on=timezone.localdate())]
    assert set(Fact.objects.check_due()) == set(due)
    assert set(Fact.objects.checked_recently()) == set(recent)
    assert check_due_before(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


@pytest.mark.parametrize(
    "factory, admin_list, name",
    [
        (FactFactory, "admin:interventions_fact_changelist", "text"),
        (ToolFactory, "admin:guidance_tool_changelist", "name"),
    ],
)
def test_admin_filter_lists_what_was_not_checked_in_12_months(client, editor, factory, admin_list, name):
    factory(**{name: "Nooit gecontroleerd", "checked_on": None})
    factory(**{name: "Lang geleden gecontroleerd", "checked_on": months_ago(13)})
    factory(**{name: "Onlangs gecontroleerd", "checked_on": months_ago(2)})

    def listed(value):
        page = parse(client.get(reverse(admin_list), {"gecontroleerd": value}))
        return {text(row) for row in page.select("#result_list tbody tr")}

    due, recent = listed("oud"), listed("recent")
    assert len(due) == 2 and all("Nooit" in row or "Lang geleden" in row for row in due)
    assert len(recent) == 1 and "Onlangs gecontroleerd" in recent.pop()
    filters = text(parse(client.get(reverse(admin_list))).select_one("#changelist-filter"))
    assert "langer dan 12 maanden geleden of nooit" in filters and "in de laatste 12 maanden" in filters


def test_admin_index_counts_what_was_not_checked_in_12_months_and_links_to_the_lists(client, editor):
    FactFactory.create_batch(4, checked_on=None)
    FactFactory.create_batch(3, checked_on=months_ago(14))
    FactFactory(checked_on=months_ago(1))
    ToolFactory.create_batch(2, checked_on=None)
    ToolFactory(checked_on=months_ago(25))
    ToolFactory(checked_on=timezone.localdate())

    notice = parse(client.get(reverse("admin:index"))).select_one(".lpo-attention")
    assert text(notice) == "3 hulpmiddelen en 7 feiten zijn langer dan 12 maanden niet gecontroleerd."
    links = {text(a): a["href"] for a in notice.select("a")}
    assert links == {
        "7 feiten": reverse("admin:interventions_fact_changelist") + "?gecontroleerd=oud",
        "3 hulpmiddelen": reverse("admin:guidance_tool_changelist") + "?gecontroleerd=oud",
    }
    assert len(parse(client.get(links["7 feiten"])).select("#result_list tbody tr")) == 7


def test_admin_index_says_so_when_everything_was_checked_recently(client, editor):
    FactFactory(checked_on=months_ago(11))
    ToolFactory(checked_on=timezone.localdate())
    notice = parse(client.get(reverse("admin:index"))).select_one(".lpo-attention")
    assert text(notice) == "Alle feiten en hulpmiddelen zijn in de laatste 12 maanden gecontroleerd."


def test_admin_index_counts_one_item_in_the_singular(client, editor):
    FactFactory(checked_on=None)
    ToolFactory(checked_on=timezone.localdate())
    notice = parse(client.get(reverse("admin:index"))).select_one(".lpo-attention")
    assert text(notice) == "1 feit is langer dan 12 maanden niet gecontroleerd."


@pytest.mark.parametrize(
    "factory, model, admin_list",
    [
        (FactFactory, Fact, "admin:interventions_fact_changelist"),
        (ToolFactory, Tool, "admin:guidance_tool_changelist"),
    ],
)
def test_list_action_marks_the_selected_as_checked_today_by_the_editor(client, editor, factory, model, admin_list):
    chosen, other = factory(checked_on=months_ago(20)), factory(checked_on=None)
    response = client.post(reverse(admin_list), {"action": "mark_checked", "_selected_action": [chosen.pk]})
    assert response.status_code == 302
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert (chosen.checked_on, chosen.checked_by) == (timezone.localdate(), editor)
    assert (other.checked_on, other.checked_by) == (None, None)
    actions = parse(client.get(reverse(admin_list))).select("select[name=action] option")
    assert "Markeer als gecontroleerd (vandaag)" in [text(option) for option in actions]


def form_data(client, url):
    form = client.get(url).context["adminform"].form
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def test_setting_the_date_in_the_form_records_the_editor_as_checker(client, editor):
    tool = ToolFactory(checked_on=None)
    url = reverse("admin:guidance_tool_change", args=[tool.pk])
    data = form_data(client, url)
    assert "checked_by" not in data  # shown, but not for editing: whoever sets the date is the checker
    data["checked_on"] = "2026-03-03"
    assert client.post(url, data).status_code == 302
    tool.refresh_from_db()
    assert (tool.checked_on, tool.checked_by) == (datetime.date(2026, 3, 3), editor)

    data = form_data(client, url)  # the form as it is now, after the save above
    data["checked_on"] = ""
    assert client.post(url, data).status_code == 302
    tool.refresh_from_db()
    assert (tool.checked_on, tool.checked_by) == (None, None)


def test_setting_the_date_of_a_fact_on_the_intervention_form_records_the_editor(client, editor):
    fact = FactFactory(checked_on=None)
    untouched = FactFactory(intervention=fact.intervention, checked_on=datetime.date(2026, 1, 5))
    url = reverse("admin:interventions_intervention_change", args=[fact.intervention.pk])
    response = client.get(url)
    data = form_data(client, url)
    data["tags"] = []
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{name}": management[name].value() for name in management.fields})
        for form in formset.formset.forms:
            data.update({form.add_prefix(n): form[n].value() for n in form.fields if form[n].value() is not None})
            if form.instance == fact:
                data[form.add_prefix("checked_on")] = "2026-03-03"
    assert client.post(url, data).status_code == 302
    fact.refresh_from_db()
    untouched.refresh_from_db()
    assert (fact.checked_on, fact.checked_by) == (datetime.date(2026, 3, 3), editor)
    assert (untouched.checked_on, untouched.checked_by) == (datetime.date(2026, 1, 5), None)


def test_export_and_import_keep_the_checker_when_the_account_exists(tmp_path):
    checker = User.objects.create_user("anna")
    FactFactory(checked_on=datetime.date(2026, 3, 3), checked_by=checker)
    ToolFactory(checked_on=datetime.date(2026, 3, 4), checked_by=User.objects.create_user("bert"))
    export = tmp_path / "inhoud.json"
    call_command("export_content", str(export), stderr=io.StringIO())
    assert '"checked_by": [\n      "anna"\n    ]' in export.read_text()

    empty_content()
    User.objects.filter(username="bert").delete()  # an account that the other environment does not have
    call_command("import_content", str(export), stderr=io.StringIO())

    assert Fact.objects.get().checked_by == checker
    tool = Tool.objects.get()
    assert (tool.checked_on, tool.checked_by) == (datetime.date(2026, 3, 4), None)


def test_fixture_facts_carry_the_check_date_of_the_facts_file(content):
    # ../shared/facts/interventies.md: every fact in it was checked on 25 November 2026.
    assert set(Fact.objects.values_list("checked_on", flat=True)) == {datetime.date(2026, 11, 25)}
    assert not Fact.objects.filter(checked_by__isnull=False).exists()
    checked_tools = Tool.objects.filter(checked_on__isnull=False)
    assert set(checked_tools.values_list("checked_on", flat=True)) == {datetime.date(2026, 11, 25)}
    assert all(tool.url for tool in checked_tools)
    assert Tool.objects.filter(checked_on__isnull=True).exists()  # the others nobody has checked yet
