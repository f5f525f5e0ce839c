"""Editors in a real browser: language tabs under the CSP, a concept of a live chapter, and no lost edits."""

import pytest

from django.contrib.auth.models import Group, Permission, User

from guidance.models import Page

# They change the live site's content: after every other browser test.
pytestmark = pytest.mark.writes_content

PASSWORD = "een-lang-wachtwoord-42"
CHAPTER = "/handreiking/sociale-steun/"


@pytest.fixture
def editors(site):
    group, made = Group.objects.get_or_create(name="Redacteur")
    if made:
        group.permissions.set(
            Permission.objects.filter(content_type__app_label__in=["guidance", "interventions", "lpo"])
        )
    for name in ("anna", "bert"):
        user, _ = User.objects.get_or_create(username=name, defaults={"is_staff": True})
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(group)
    return ["anna", "bert"]


@pytest.fixture
def logged_in(browser, site, editors):
    """A browser per editor, logged in through the login form; every CSP report or script error is kept."""
    contexts, problems = [], []

    def open_for(name):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        contexts.append(context)
        page = context.new_page()
        # A CSP violation shows as a console error; a failed load is reported by its response (with its URL).
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and not message.text.startswith("Failed to load resource")
                and problems.append(message.text)
            ),
        )
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and not response.url.endswith("/favicon.ico")
                and problems.append(f"{response.status} {response.url}")
            ),
        )
        page.goto(site + "/beheer/login/")
        page.fill("input[name=username]", name)
        page.fill("input[name=password]", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(site + "/beheer/")
        return page

    yield open_for, problems
    for context in contexts:
        context.close()


def change_url(site):
    chapter = Page.objects.get(parent=None, slug="sociale-steun")
    return f"{site}/beheer/guidance/page/{chapter.pk}/change/", f"{site}/voorbeeld/pagina/{chapter.pk}/"


def test_language_tabs_work_under_the_csp(site, logged_in):
    open_for, problems = logged_in
    page = open_for("anna")
    jquery_ui = []
    page.on("response", lambda response: "jquery-ui" in response.url and jquery_ui.append(response))
    page.goto(change_url(site)[0])

    assert [(response.url.startswith(site), response.status) for response in jquery_ui] == [(True, 200)]
    tabs = page.locator(".ui-tabs").filter(has=page.locator("textarea[name=body_nl]"))
    assert tabs.locator(".ui-tabs-nav li").count() == 3
    assert page.locator("textarea[name=body_nl]").is_visible()
    assert not page.locator("textarea[name=body_en]").is_visible()
    tabs.locator(".ui-tabs-nav li a").nth(1).click()
    assert page.locator("textarea[name=body_en]").is_visible()
    assert not page.locator("textarea[name=body_nl]").is_visible()
    assert problems == []


def test_concept_preview_publish_and_a_refused_stale_save(browser, site, logged_in):
    open_for, problems = logged_in
    anna = open_for("anna")
    change, preview = change_url(site)
    visitor_context = browser.new_context()
    visitor = visitor_context.new_page()

    # Anna keeps a change aside as a concept: visitors still see the old text.
    anna.goto(change)
    old_text = anna.locator("textarea[name=body_nl]").input_value()
    anna.fill("textarea[name=body_nl]", old_text + "\n\nEen nieuwe alinea van Anna.")
    anna.click("input[name=_save_concept]")
    assert "Het concept is opgeslagen" in anna.locator(".messagelist").first.inner_text()
    visitor.goto(site + CHAPTER)
    assert "Een nieuwe alinea van Anna." not in visitor.content()

    # The preview shows the concept.
    anna.goto(preview)
    assert "Een nieuwe alinea van Anna." in anna.locator("main").inner_text()

    # One click on Publiceren makes it live.
    anna.goto(change)
    anna.click("input[name=_publish]")
    assert "Het concept is gepubliceerd" in anna.locator(".messagelist").inner_text()
    visitor.goto(site + CHAPTER)
    assert "Een nieuwe alinea van Anna." in visitor.locator("main").inner_text()

    # Both open the chapter; Anna saves first, Bert's save is refused and his text stays.
    bert = open_for("bert")
    anna.goto(change)
    bert.goto(change)
    anna.fill("input[name=title_nl]", "Sociale steun en lotgenoten")
    anna.click("input[name=_save]")
    bert.fill("textarea[name=body_nl]", "Bert schreef dit.")
    bert.click("input[name=_save]")
    errors = bert.locator("ul.errorlist.nonfield").inner_text()
    assert "Iemand anders heeft dit intussen opgeslagen (anna" in errors
    assert "Titel [nl]: «Sociale steun» → «Sociale steun en lotgenoten»" in errors
    assert bert.locator("textarea[name=body_nl]").input_value() == "Bert schreef dit."
    visitor.goto(site + CHAPTER)
    assert "Bert schreef dit." not in visitor.content()
    visitor_context.close()
    assert problems == []
