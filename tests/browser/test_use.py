"""The portal as people use it: keyboard only, a narrow phone, zoom, print, no JavaScript."""

import re

import pytest

from tests.browser.test_accessibility import PAGES

FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName, name: element.getAttribute('name'), value: element.value || null,
        text: (element.textContent || '').trim(),
        visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
}"""


def press_tab_until(page, predicate, limit=60):
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        assert focus["visible"], f"focus is not visible on {focus}"
        seen.append(focus)
        if predicate(focus):
            return focus
    raise AssertionError(f"never reached the element; focus went through {seen}")


def test_keuzehulp_with_the_keyboard_alone(page, site):
    page.goto(site + "/keuzehulp/")

    first = press_tab_until(page, lambda f: True)
    assert first["text"] == "Naar de inhoud"

    press_tab_until(page, lambda f: f["name"] == "leeftijd")
    for _ in range(3):  # Geen voorkeur -> Volwassenen -> Jongeren -> Kinderen
        page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUS_STYLE)["value"] == "kinderen"

    press_tab_until(page, lambda f: f["name"] == "doel")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUS_STYLE)["value"] == "mentaal-welzijn"

    press_tab_until(page, lambda f: f["name"] == "vorm")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUS_STYLE)["value"] == "groep"

    press_tab_until(page, lambda f: f["tag"] == "BUTTON")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"leeftijd=kinderen&doel=mentaal-welzijn&vorm=groep#uitkomst$", page.url)
    assert page.title().startswith("2 interventies passen – Keuzehulp")

    # The page opens at the results: focus is on their heading, the next Tab is the first result.
    assert page.evaluate("document.activeElement.id") == "uitkomst"
    first_result = page.locator('[data-match="exact"] a').first
    first_name = first_result.inner_text()
    press_tab_until(page, lambda f: f["tag"] == "A" and f["text"] == first_name, limit=1)
    assert page.locator('[data-match="exact"]').first.get_attribute("data-intervention") == "bamboo"


def test_kwaliteitstoets_error_summary_takes_focus_and_its_link_reaches_the_question(page, site):
    page.goto(site + "/kwaliteitstoets/")
    page.get_by_label("Geen van deze drie.").check()
    page.get_by_label("De uitvoerders krijgen intervisie.").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Toon het advies").press("Enter")
    assert page.evaluate("document.activeElement.id") == "uitkomst"
    assert page.evaluate("document.activeElement.getAttribute('role')") == "alert"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    focused = page.evaluate("[document.activeElement.name, document.activeElement.getAttribute('aria-invalid')]")
    assert focused == ["uitvoerders", "true"]


def test_kwaliteitstoets_sent_empty_says_what_to_do(page, site):
    page.goto(site + "/kwaliteitstoets/")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon het advies").click()
    assert page.evaluate("document.activeElement.id") == "uitkomst"
    assert "Je hebt nog geen vraag beantwoord" in page.locator("#uitkomst").inner_text()


def test_skip_link_moves_focus_to_the_content(page, site):
    page.goto(site + "/handreiking/sociale-steun/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_horizontal_scrolling_at_320_css_pixels(browser, site, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + path)
    assert page.evaluate("document.documentElement.scrollWidth") == 320
    context.close()


@pytest.mark.parametrize("language", ["", "/en", "/uk"])
@pytest.mark.parametrize("width", [320, 360, 1280])
def test_comparison_table_fits_without_sideways_scrolling(browser, site, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site + language + "/interventies/")
    assert page.evaluate("document.documentElement.scrollWidth") == width
    box = page.locator(".lpo-table-scroll")
    assert box.evaluate("box => box.scrollWidth <= box.clientWidth"), "the table scrolls inside its box"
    right = box.bounding_box()["x"] + box.bounding_box()["width"]
    for cell in [page.locator("caption"), *page.locator("thead th").all()]:
        edges = cell.bounding_box()
        assert edges["x"] >= 0 and edges["x"] + edges["width"] <= right + 0.5, cell.inner_text()
    assert page.locator("thead th").count() == 5
    context.close()


@pytest.mark.writes_content
def test_a_full_page_of_six_interventions_fits_a_320_px_phone(browser, site):
    from interventions.models import Intervention, Tag
    from tests.factories import InterventionFactory

    InterventionFactory(name="Veerkrachtgroep", slug="veerkrachtgroep", tags=list(Tag.objects.all()[:4]))
    assert Intervention.objects.published().count() == 6
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + "/interventies/")
    assert page.locator("thead th").count() == 6
    assert page.evaluate("document.documentElement.scrollWidth") == 320
    assert page.locator(".lpo-table-scroll").evaluate("box => box.scrollWidth <= box.clientWidth")
    context.close()


@pytest.mark.writes_content
def test_untranslated_names_in_the_table_do_not_widen_the_page(browser, site):
    from interventions.models import Criterion, Tag

    Tag.objects.filter(slug="mentaal-welzijn").update(label_en="")
    Criterion.objects.filter(slug="doel").update(name_en="")
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + "/en/interventies/")
    assert "(in Dutch)" in page.locator("table").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") == 320
    context.close()


def test_comparison_table_prints_whole(page, site):
    page.goto(site + "/interventies/")
    page.emulate_media(media="print")
    assert page.locator("table.lpo-comparison").is_visible()
    assert not page.locator("nav.utrecht-nav-bar").is_visible()
    box = page.locator(".lpo-table-scroll")
    assert box.evaluate("box => box.scrollWidth <= box.clientWidth")
    assert page.locator(".lpo-comparison__names").is_visible()


def test_usable_at_200_percent_zoom(browser, site):
    # 200 % zoom of a 1280 px window leaves 640 CSS px.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    page.goto(site + "/keuzehulp/?leeftijd=kinderen")
    assert page.evaluate("document.documentElement.scrollWidth") == 640
    page.get_by_label("Groepsgewijs").check()
    page.get_by_role("button", name="Toon passende interventies").click()
    assert "vorm=groep" in page.url
    context.close()


def test_keuzehulp_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/keuzehulp/")
    page.get_by_label("Ouders en gezin").check()
    page.get_by_label("Individueel").check()
    page.get_by_role("button", name="Toon passende interventies").click()
    # Without JavaScript the form is a plain navigation: wait for the new page, not just its address.
    page.wait_for_load_state("load")
    assert page.url.endswith("/keuzehulp/?leeftijd=ouders-gezin&doel=&vorm=individueel#uitkomst")
    assert page.locator('[data-match="exact"]').count() == 0
    assert page.locator('[data-match="partial"]').count() == 3
    context.close()


def test_keuzehulp_result_prints_criteria_and_results_without_navigation(page, site):
    page.goto(site + "/keuzehulp/?leeftijd=ouders-gezin&vorm=individueel")
    page.emulate_media(media="print")
    for hidden in ["nav.utrecht-nav-bar", "form", "footer", "nav.utrecht-breadcrumb-nav"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    criteria = page.locator(".lpo-results__criteria")
    assert criteria.is_visible()
    assert "Ouders en gezin" in criteria.inner_text()
    heading_top = page.locator("h1").bounding_box()["y"]
    assert criteria.bounding_box()["y"] < page.locator(".lpo-result").first.bounding_box()["y"]
    assert heading_top < criteria.bounding_box()["y"]
    link_after = page.evaluate("getComputedStyle(document.querySelector('.lpo-result h4 a'), '::after').content")
    assert "/interventies/mind-spring/" in link_after


def test_chapter_prints_without_navigation_and_shows_link_addresses(page, site):
    page.goto(site + "/handreiking/inspiratie-uit-de-praktijk/psychosociale-coaches-rode-kruis/")
    page.emulate_media(media="print")
    assert not page.locator("nav.utrecht-nav-bar").is_visible()
    assert not page.locator(".lpo-chapter-nav, footer").first.is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('.lpo-origin a'), '::after').content")
    assert "https://www.rodekruis.nl/" in after


SCREENSHOT_PAGES = {
    "home": "/",
    "hoofdstuk": "/handreiking/sociale-steun/",
    "keuzehulp-resultaat": "/keuzehulp/?leeftijd=ouders-gezin&vorm=individueel",
}


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_for_people_to_look_at(browser, site, screenshots, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for name, path in SCREENSHOT_PAGES.items():
        page.goto(site + path)
        target = screenshots / f"{name}-{width}.png"
        page.screenshot(path=target, full_page=True)
        assert target.stat().st_size > 10_000
    context.close()
