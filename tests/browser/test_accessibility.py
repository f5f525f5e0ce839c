import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}

PAGES = {
    "home": "/",
    "hoofdstuk het belang": "/handreiking/het-belang/",
    "hoofdstuk algemene tips": "/handreiking/algemene-tips/",
    "hoofdstuk sociale steun": "/handreiking/sociale-steun/",
    "hoofdstuk psycho-educatie": "/handreiking/psycho-educatie/",
    "hoofdstuk LPI's": "/handreiking/lpis/",
    "hulpmiddelen": "/handreiking/hulpmiddelen/",
    "LPI het belang": "/handreiking/lpis/het-belang/",
    "LPI overwegingen": "/handreiking/lpis/overwegingen/",
    "LPI keuzehulp": "/handreiking/lpis/keuzehulp/",
    "literatuurlijst": "/handreiking/lpis/literatuurlijst/",
    "tips voor gemeenten": "/handreiking/algemene-tips/tips-voor-gemeenten/",
    "inspiratie": "/handreiking/inspiratie-uit-de-praktijk/psychosociale-coaches-rode-kruis/",
    "toegankelijkheid": "/handreiking/over-deze-site/toegankelijkheid/",
    "interventies": "/interventies/",
    "interventie": "/interventies/mind-spring/",
    "interventie met onbekende velden": "/interventies/mindfit/",
    "keuzehulp leeg": "/keuzehulp/",
    "keuzehulp exact": "/keuzehulp/?leeftijd=kinderen&doel=mentaal-welzijn&vorm=groep",
    "keuzehulp zonder exacte match": "/keuzehulp/?leeftijd=ouders-gezin&vorm=individueel",
    "keuzehulp fout": "/keuzehulp/?leeftijd=bejaarden&vorm=groep&vorm=individueel",
    "beheer inloggen": "/beheer/login/",
    "zoeken met resultaten": "/zoeken/?q=steun",
    "zoeken zonder resultaat": "/zoeken/?q=xqzw",
    "kwaliteitstoets met advies": "/kwaliteitstoets/?bewijs=4&meerwaarde_hiaat=ja&meerwaarde_ontlast=nee",
    "functie-vraag bedankt": "/functie/bedankt/",
    "Engels hoofdstuk": "/en/handreiking/sociale-steun/",
    "Oekraïens hoofdstuk": "/uk/handreiking/sociale-steun/",
    "Engelse keuzehulp exact": "/en/keuzehulp/?leeftijd=kinderen&doel=mentaal-welzijn&vorm=groep",
    "Oekraïense keuzehulp exact": "/uk/keuzehulp/?leeftijd=kinderen&doel=mentaal-welzijn&vorm=groep",
    "Oekraïense keuzehulp": "/uk/keuzehulp/?leeftijd=jongeren&doel=veerkracht",
    "Engelse interventie": "/en/interventies/pm-plus/",
    "Oekraïens zoeken": "/uk/zoeken/?q=Rouwmeter",
    "Engelse vergelijking": "/en/interventies/",
    "Oekraïense vergelijking": "/uk/interventies/",
}


def violations(page):
    result = Axe().run(page, options=WCAG_AA)
    return [(v["id"], v["impact"], [node["target"] for node in v["nodes"]]) for v in result.response["violations"]]


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_wcag_a_or_aa_violations(page, site, path):
    response = page.goto(site + path)
    assert response.status in (200, 400)
    assert violations(page) == []


def test_axe_check_finds_a_known_fault(page):
    page.set_content(
        '<html lang="nl"><head><title>Fout</title></head><body><main><input type="text"></main></body></html>'
    )
    assert "label" in [rule for rule, _, _ in violations(page)]
