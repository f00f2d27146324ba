"""Every lesson runs top to bottom in French and in Arabic, with no error output; its steps are
visited in order in French, and from the last in Arabic (as when a lesson reopens at her step); it
has the steps the recording desk lists."""
import html

import pytest

from fadaa.core.lesson_steps import lesson_steps
from conftest import error_outputs, execute_lesson, lesson_notebooks


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("notebook", lesson_notebooks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lesson_runs_in_both_languages(notebook, lang, tmp_path):
    nb = execute_lesson(notebook, lang, tmp_path, backwards=lang == "ar", then="print(len(lesson.steps))")
    assert error_outputs(nb) == []
    # the recording desk and the spoken drafts read the notebook's steps without running it: the same steps
    assert nb.cells[-1].outputs[0]["text"].strip() == str(len(lesson_steps(notebook)))
    header = "".join(out.get("data", {}).get("text/html", "") for cell in nb.cells
                     for out in cell.get("outputs", []))
    title = nb.metadata["fadaa"]["title"][lang]
    assert html.escape(title) in header
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in header
