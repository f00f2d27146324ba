"""Her tries kept beside her answer: a list per checked answer in the notebook's metadata, bounded,
while the answer cell (all that nbgrader reads) holds her last value only."""
from __future__ import annotations

import json

import nbformat

from fadaa.core.answer_store import ATTEMPTS_KEY, MAX_ATTEMPTS, METADATA_KEY, AnswerStore


def answer_cell(path, grade_id: str) -> str:
    nb = nbformat.read(path, as_version=4)
    return next(c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def kept_tries(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["metadata"][METADATA_KEY][ATTEMPTS_KEY]


def test_each_try_is_kept_with_the_verdict_she_saw_and_the_cell_holds_the_last(released_lesson):
    from fadaa.widgets.lesson import Lesson

    lesson = Lesson({"fr": "Essai", "ar": "تجربة"}, "fr", released_lesson)
    question = lesson.numeric("closing_balance", "Combien ?", "كم؟", expected=3585)
    for typed in ("3 385", "3385", "2 385", "3 585"):  # "3385" again (Enter, then Check): one try
        question.submit(typed)
    assert kept_tries(released_lesson) == {"closing_balance": [
        {"value": 3385.0, "right": False}, {"value": 2385.0, "right": False}, {"value": 3585.0, "right": True}]}
    assert answer_cell(released_lesson, "closing_balance") == "closing_balance = 3585.0"
    assert nbformat.validate(nbformat.read(released_lesson, as_version=4)) is None

    lesson.numeric("closing_balance", "Combien ?", "كم؟", expected=3585)  # she opens the lesson again
    assert len(kept_tries(released_lesson)["closing_balance"]) == 3       # her saved answer is no new try


def test_the_list_keeps_her_latest_tries_only(released_lesson):
    store = AnswerStore(released_lesson)
    for value in range(MAX_ATTEMPTS + 15):
        store.save("total_sales", value, right=value == 2950)
    tries = kept_tries(released_lesson)["total_sales"]
    assert len(tries) == MAX_ATTEMPTS
    assert [t["value"] for t in tries] == list(range(15, MAX_ATTEMPTS + 15))
    assert store.load("total_sales") == MAX_ATTEMPTS + 14  # nbgrader sees the last value, and only it


def test_a_free_text_and_a_save_without_verdict_keep_no_tries(released_lesson):
    from fadaa.widgets.questions import FreeTextAnswer

    store = AnswerStore(released_lesson)
    FreeTextAnswer("Pourquoi ?", lambda s: s, on_answer=lambda text, **verdict: store.save("why_same_day", text, **verdict)) \
        .submit("Pour garder la preuve.")
    store.save("closing_balance", 3585)
    assert store.load_data(ATTEMPTS_KEY) is None
    assert store.load("why_same_day") == "Pour garder la preuve."


def test_tries_that_are_not_what_the_kit_writes_never_stop_her_answer(released_lesson):
    store = AnswerStore(released_lesson)
    store.save_data(ATTEMPTS_KEY, {"closing_balance": ["3385", None], "total_sales": "broken"})
    store.save("closing_balance", 3585, right=True)
    store.save("total_sales", 2950, right=True)
    assert kept_tries(released_lesson) == {"closing_balance": [{"value": 3585, "right": True}],
                                           "total_sales": [{"value": 2950, "right": True}]}
    store.save_data(ATTEMPTS_KEY, ["not", "a", "mapping"])
    store.save("closing_balance", 3385, right=False)
    assert store.load("closing_balance") == 3385
    assert kept_tries(released_lesson) == {"closing_balance": [{"value": 3385, "right": False}]}


def test_who_needs_help_skips_tries_the_kit_did_not_write(released_lesson, tmp_path):
    """A handed-in notebook whose tries were edited by hand: its odd entries are left out, the
    trainer's table still opens and counts the real tries."""
    import shutil
    from types import SimpleNamespace

    from fadaa.grading.difficulty import difficulty
    from conftest import COURSE

    source = tmp_path / "course" / "source" / "bookkeeping_1"
    source.mkdir(parents=True)
    shutil.copy(COURSE / "source" / "bookkeeping_1" / "cash_book.ipynb", source)
    store = AnswerStore(released_lesson)
    store.save_data(ATTEMPTS_KEY, {"closing_balance": [{"value": [1, 2], "right": False}, "x",
                                                       {"value": 3385, "right": False}, {"value": {"a": 1}}],
                                   "total_sales": None})
    course = SimpleNamespace(root=tmp_path / "course", submitted_notebooks=lambda _m: [("amina", released_lesson)])
    table = difficulty(course, "bookkeeping_1").set_index("checkpoint")
    assert table.loc["closing_balance", "wrong_answers"] == [(3385, 1)]
    assert table.loc["closing_balance", "most_tries"] == 1 and table.loc["total_sales", "learners"] == 0
