"""Arbitrary input at every public URL: never a 5xx, never input reflected unescaped."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/handreiking/sociale-steun/",
    "/handreiking/lpis/literatuurlijst/",
    "/handreiking/hulpmiddelen/",
    "/interventies/",
    "/interventies/pm-plus/",
    "/keuzehulp/",
    "/api/keuzehulp/",
    "/en/keuzehulp/",
    "/uk/api/keuzehulp/",
    "/zoeken/",
    "/en/zoeken/",
    "/kwaliteitstoets/",
    "/healthz",
]
MARKER = "<b>lpo-fuzz</b>"
# Derandomized: the same examples on every run, so that CI never fails by chance; huge inputs are the point.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Any character UTF-8 can carry: all but the surrogates. (The default alphabet of st.text() says the same with
# codec="utf-8", for which Hypothesis first builds a table of every code point: seconds on a fresh machine.)
ANY_CHARACTER = st.characters(exclude_categories=["Cs"])

keys = st.one_of(
    st.sampled_from(["leeftijd", "doel", "vorm", "pagina", "q", "bewijs", "uitvoerders", "lang"]),
    st.text(ANY_CHARACTER, max_size=20),
)
values = st.one_of(
    st.sampled_from(["kinderen", "groep", "veerkracht", "", "0", "-1", "99999999999999999999", MARKER]),
    st.text(ANY_CHARACTER, max_size=200),
    # Huge values, made cheaply: one character repeated thousands of times.
    st.builds(lambda char, n: char * n, ANY_CHARACTER, st.integers(3000, 6000)),
)
queries = st.lists(st.tuples(keys, values), max_size=8)


def assert_safe(response):
    assert response.status_code < 500, response.status_code
    body = response.content.decode("utf-8", "replace")
    assert MARKER not in body


# Each URL an item of its own, with ten examples: more inputs per URL than 40 spread over all of them, in short
# items.
PER_URL = settings(FUZZ, max_examples=10)


@pytest.mark.parametrize("url", PUBLIC_URLS)
@PER_URL
@given(query=queries)
def test_arbitrary_parameters_never_break_a_page(client, content, url, query):
    assert_safe(client.get(url + "?" + urlencode(query)))


@FUZZ
@given(url=st.sampled_from(PUBLIC_URLS), raw=st.binary(max_size=300))
def test_raw_and_badly_encoded_query_strings_never_break_a_page(client, content, url, raw):
    # Arbitrary bytes, percent-encoded as they would arrive, including invalid UTF-8 and stray '%'.
    query = quote(raw, safe="=&%+;")
    assert_safe(client.get(url + "?" + query))


@pytest.mark.parametrize("prefix", ["/handreiking/", "/handreiking/lpis/", "/interventies/", "/uk/handreiking/"])
@FUZZ
@given(segment=st.text(ANY_CHARACTER, min_size=1, max_size=80))
def test_arbitrary_paths_give_404_not_an_error(client, content, prefix, segment):
    response = client.get(prefix + quote(segment, safe="") + "/")
    assert response.status_code in (200, 301, 404), (prefix, segment, response.status_code)


@FUZZ
@given(url=st.sampled_from(PUBLIC_URLS), method=st.sampled_from(["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]))
def test_wrong_methods_are_refused_cleanly(client, content, url, method):
    response = client.generic(method, url, data=MARKER)
    assert response.status_code in (200, 403, 405), response.status_code
    assert MARKER not in response.content.decode("utf-8", "replace")


def test_repeated_and_huge_parameters(client, content):
    for url in ["/keuzehulp/", "/api/keuzehulp/"]:
        query = "&".join(["leeftijd=kinderen"] * 500 + ["doel=" + "x" * 20000])
        response = client.get(url + "?" + query)
        assert response.status_code == 400
        assert "x" * 100 not in response.content.decode()
