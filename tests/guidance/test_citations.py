"""The literatuurlijst links back to the very footnote mark that cites a source, on every page that cites it."""

import re

import pytest

from guidance.models import Page

pytestmark = pytest.mark.django_db


def test_every_genoemd_op_link_lands_on_a_mark_of_that_source(client, content):
    html = client.get(Page.objects.get(listing="sources").get_absolute_url()).content.decode()
    checked = 0
    for number, entry in re.findall(r'<li id="bron-(\d+)"(.*?)</li>', html, re.S):
        for url, fragment in re.findall(r'href="(/[^"#]+)#(noot-\d+)"', entry):
            assert fragment == f"noot-{number}"
            page = client.get(url).content.decode()
            mark = re.search(rf'<a href="[^"]*#bron-{number}" id="{fragment}"', page)
            assert mark, (url, fragment)
            checked += 1
    assert checked >= 18
