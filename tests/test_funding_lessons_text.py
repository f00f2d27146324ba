"""The step texts of selling_4, selling_5, funding_1 and funding_2 render as she should read them:
no markdown mark left showing (bold after an Arabic letter and before an isolated amount does not
parse), and every grouped amount of the Arabic text kept left to right."""
import re

import mistune
import nbformat
import pytest

from conftest import COURSE

LESSONS = ["selling_4/payments.ipynb", "selling_5/photo.ipynb", "funding_1/relaunch_plan.ipynb",
           "funding_2/applying.ipynb"]
STEP_TEXT = re.compile(r'\b(fr|ar)="""(.*?)"""', re.S)
GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")


def texts(notebook: str) -> list[tuple[str, str]]:
    nb = nbformat.read(COURSE / "source" / notebook, as_version=4)
    return [m.groups() for cell in nb.cells if cell.cell_type == "code" for m in STEP_TEXT.finditer(cell.source)]


@pytest.mark.parametrize("notebook", LESSONS)
def test_no_markdown_mark_shows(notebook):
    found = texts(notebook)
    assert len(found) >= 10
    shown = [text[:40] for _lang, text in found if "**" in re.sub(r"<[^>]+>", "", mistune.html(text))]
    assert shown == []


@pytest.mark.parametrize("notebook", LESSONS)
def test_arabic_amounts_are_isolated_and_held_together(notebook):
    loose = []
    for lang, text in texts(notebook):
        if lang != "ar":
            continue
        for match in GROUPED.finditer(text):
            before = text[:match.start()]
            inside = before.count("\u2066") > before.count("\u2069")
            if " " in match.group() or not inside:
                loose.append(match.group())
    assert loose == []
