"""The hub's process and the lesson service load only what they use: every module a process
imports costs memory in it for as long as it runs (the hub took 222 MB before any login when its
configuration pulled in pandas, nbgrader and Voilà; 130 MB without)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pandas", "voila", "ipywidgets", "nbgrader", "matplotlib", "openpyxl")


def _loaded(modules: str) -> set[str]:
    code = f"import sys; import {modules}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    return set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())


def test_the_hubs_own_modules_load_nothing_heavy():
    hub = ("fadaa.hub.authenticator, fadaa.hub.spawn, fadaa.hub.routes, fadaa.core.site, fadaa.core.system_users, "
           "fadaa.hub.certificates")  # a certificate's PDF is made in a process of its own
    assert _loaded(hub) == set()


@pytest.mark.parametrize("modules, allowed", [
    # it serves Voilà pages, fetches with nbgrader, and reads her progress (pandas) for her home page
    ("fadaa.hub.lesson_service", {"voila", "nbgrader", "pandas"}),
    ("fadaa.views.home_page", {"pandas", "nbgrader"}),  # her progress, and her feedback fetched through nbgrader
    ("fadaa.core.i18n", set()),  # the languages, which the hub and the CLI use too
])
def test_what_serves_pages_loads_no_widget_or_table_library(modules, allowed):
    assert _loaded(modules) <= allowed


def _subject_modules(*patterns: str) -> list[str]:
    kit = Path(__file__).resolve().parent.parent / "widgets"
    return sorted(f"fadaa.widgets.{p.parent.name}.{p.stem}" for pattern in patterns for p in kit.glob(f"*/{pattern}"))


DOCUMENT_MODULES = _subject_modules("documents.py", "*_sheet.py", "words.py", "statement.py")


def test_every_subject_has_its_words_and_documents_found():
    assert {"fadaa.widgets.bookkeeping.documents", "fadaa.widgets.bookkeeping.words", "fadaa.widgets.agm.documents",
            "fadaa.widgets.agm.words", "fadaa.widgets.selling.price_sheet"} <= set(DOCUMENT_MODULES)


@pytest.mark.parametrize("module", DOCUMENT_MODULES)
def test_documents_and_words_load_no_widget(module):
    """A document is made where no widget is (the command line, a certificate's process): it takes its
    words and figures from the rules, never from a view."""
    assert "ipywidgets" not in _loaded(module)
