"""Each app owns one thing and imports run one way: the site machinery (lpo) knows no app, interventions knows
neither guidance nor keuzehulp, keuzehulp knows interventions and the machinery only."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ["guidance", "interventions", "keuzehulp", "lpo"]
# lpo's wiring: the root URLconf and the settings name the apps; nothing else in lpo may.
WIRING = {ROOT / "lpo" / "urls.py", ROOT / "lpo" / "settings.py"}
ALLOWED = {
    "guidance": {"interventions", "lpo"},
    "interventions": {"lpo"},
    "keuzehulp": {"interventions", "lpo"},
    "lpo": set(),
}


def imports(path):
    """(module, line) of every import of one of the apps in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.module, node.lineno)]
    return [(module, line) for module, line in found if module.split(".")[0] in APPS]


def code(app):
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts and path not in WIRING]


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_what_it_may(app):
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in code(app)
        for module, line in imports(path)
        if module.split(".")[0] not in ALLOWED[app] | {app}
    ]
    assert not wrong


def test_no_two_apps_import_each_other():
    for app, others in ALLOWED.items():
        for other in others:
            assert app not in ALLOWED[other], (app, other)


def test_a_view_never_imports_another_apps_view():
    for app in APPS:
        for path in code(app):
            for module, line in imports(path):
                parts = module.split(".")
                if parts[0] != app and "views" in parts:
                    pytest.fail(f"{path.relative_to(ROOT)}:{line} imports {module}")
