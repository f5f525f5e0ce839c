"""Interface text at B1: "je" throughout (as the handreiking writes), no jargon or unexplained abbreviations.

Covers the templates and the translatable strings in Python; the texts of the handreiking itself are content.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INTERFACE = [
    *sorted((ROOT / "templates").rglob("*.html")),
    *(ROOT / app / name for app in ("guidance", "interventions", "keuzehulp") for name in ("forms.py", "views.py")),
]
# Formal "u", and words a B1 reader stumbles over, as they were found in the interface.
NOT_B1 = [r"\bu\b", r"\buw\b", r"\bhiaat\b", r"t\.b\.v\.", r"\bvs\.", r"pilot-RCT", r"\bBooO\b", r"\bNOO\b", r"\bVWS\b"]
NOT_B1 += [r"cultuursensitief", r"\boptioneel\b"]


def dutch_interface_strings(path):
    text = path.read_text()
    if path.suffix == ".py":
        return re.findall(r'_\(\s*((?:"[^"]*"\s*)+)\)', text)
    blocks = re.findall(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", text, re.S)
    return blocks + re.findall(r'{% translate "([^"]*)"', text)


@pytest.mark.parametrize("path", [path for path in INTERFACE if path.exists()], ids=lambda path: path.name)
def test_interface_text_says_je_and_avoids_jargon(path):
    for string in dutch_interface_strings(path):
        for pattern in NOT_B1:
            assert not re.search(pattern, string), (path.name, pattern, string)
