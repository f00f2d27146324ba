"""Figures out of bounds (issue #16). A 27-digit number or 1e308 typed into any number box is refused
with a message in her language, and nothing is saved. A saved answer that is absurd or broken never
stops a step from building: the step shows with that answer empty, and a line says so."""
import html
import json
import math

import ipywidgets as widgets
import nbformat
import pytest

from conftest import COURSE, error_outputs, execute_lesson
from hostile_inputs import ANSWER_SOURCES, SAVED_FIGURES, TYPED_FIGURES, with_saved_figure
from fadaa.core.answer_store import METADATA_KEY, AnswerStore
from fadaa.core.i18n import gettext_for

SET_ASIDE = "An answer you gave earlier could not be used. Please give it again."
NOT_SHOWN = "This step could not be shown. Tell your trainer."
# what a hostile figure looks like once shown in a box: none of it may be left on her page
HOSTILE_SHOWN = ("1111111111", "e+308", "1e308", "nan", "beaucoup", "{")


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def said(widget, lang: str, message: str) -> bool:
    """Whether ``message`` (a msgid) shows, in her language, anywhere in ``widget``."""
    words = html.escape(gettext_for(lang)(message))
    return any(isinstance(w, widgets.HTML) and words in w.value for w in walk(widget))


def boxes(widget) -> list[str]:
    return [w.value for w in walk(widget) if isinstance(w, widgets.Text)]


def absurd_figures(data) -> list:
    """Every saved number no lesson could have meant: not finite, or beyond a billion."""
    if isinstance(data, dict):
        return [f for v in data.values() for f in absurd_figures(v)]
    if isinstance(data, list):
        return [f for v in data for f in absurd_figures(v)]
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return [data] if not math.isfinite(data) or abs(data) > 1e9 else []
    return []


def saved_everything(notebook) -> tuple[dict, list[str]]:
    """Her notebook's saved data, and the source of every answer cell."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    answers = ["".join(c["source"]) for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]
    return nb["metadata"].get(METADATA_KEY, {}), answers


def built(lesson, parts):
    """The step made of ``parts`` (a function, as lessons give it), reached as she would reach it."""
    lesson.step("Avant", "قبل")
    lesson.step("Étape", "خطوة", parts=parts)
    navigator = lesson.show()
    navigator.go(1)
    return navigator.page.children[0]


def released(source, target):
    """A lesson as a learner receives it: answer cells hold their stub, hidden tests are gone."""
    nb = nbformat.read(source, as_version=4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            cell.source = "YOUR ANSWER HERE" if cell.cell_type == "markdown" else cell.source.split("\n")[0]
        elif meta.get("grade"):
            cell.source = ""
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


# -- the kit's checkpoint ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("typed", TYPED_FIGURES)
def test_a_checkpoint_refuses_a_figure_beyond_any_answer(released_lesson, lessons, typed, lang):
    lesson = lessons("bookkeeping_1", "cash_book.ipynb", lang)
    lesson.store = AnswerStore(released_lesson)
    question = lesson.numeric("closing_balance", "Solde", "الرصيد", expected=3585)
    question.field.value = typed
    assert said(question, lang, "This number is too large. Check it.")
    assert AnswerStore(released_lesson).load("closing_balance") is None
    calculator = lesson.calculator()
    calculator.first.value, calculator.second.value = typed, "2"
    assert calculator.compute() is None and said(calculator, lang, "This number is too large. Check it.")


@pytest.mark.parametrize("kind", ANSWER_SOURCES)
def test_a_checkpoint_builds_from_any_broken_saved_answer(released_lesson, lessons, kind):
    nb = nbformat.read(released_lesson, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "closing_balance")
    cell.source = ANSWER_SOURCES[kind].format(grade_id="closing_balance")
    nbformat.write(nb, released_lesson)
    lesson = lessons("bookkeeping_1", "cash_book.ipynb", "ar")
    lesson.store = AnswerStore(released_lesson)
    step = built(lesson, lambda: lesson.numeric("closing_balance", "Solde", "الرصيد", expected=3585))
    assert not said(step, "ar", NOT_SHOWN)
    assert boxes(step) == [""]
    # a value that reads, but as no answer at all, is named; one that does not read is a blank answer
    assert said(step, "ar", SET_ASIDE) == (kind in ("27 digits", "1e308", "a string", "tampered JSON"))


def test_an_answer_set_aside_is_read_again_once_she_gives_it_anew(released_lesson, lessons):
    AnswerStore(released_lesson).save_data("cash_book", {"opening": 1e308, "entries": []})
    lesson = lessons("bookkeeping_1", "cash_book.ipynb", "fr")
    lesson.store = AnswerStore(released_lesson)
    from fadaa.widgets.bookkeeping.cash_book_view import CashBookEditor

    step = built(lesson, lambda: CashBookEditor(lesson))
    editor = next(w for w in walk(step) if isinstance(w, CashBookEditor))
    assert said(step, "fr", SET_ASIDE) and editor.opening_field.value == "0"
    assert lesson.store.load_data("cash_book") is None  # set aside: read as never saved...
    editor.opening_field.value = "250"
    assert lesson.store.load_data("cash_book") == {"opening": 250.0, "entries": []}  # ...until she saves it


# -- every subject ----------------------------------------------------------------------------------

def _selling(lesson):
    from fadaa.widgets.selling.channels_view import RefusalCalculator
    return RefusalCalculator(lesson)


def _bookkeeping(lesson):
    from fadaa.widgets.bookkeeping.cash_book_view import CashBookEditor
    return CashBookEditor(lesson)


def _agm(lesson):
    from fadaa.widgets.agm.forms_view import AgmFile, CooperativeCard
    file = AgmFile(lesson)  # as the lessons do: her file is read once, before any step
    return lambda: CooperativeCard(lesson, file)


def _governance(lesson):
    from fadaa.widgets.governance.register_view import RegisterEditor
    return RegisterEditor(lesson)


def _funding(lesson):
    from fadaa.widgets.funding.funding_view import ProjectForm
    return ProjectForm(lesson)


def _type_line(editor, text):
    editor.amount.value = text
    editor.add_line()


# subject: (lesson, the view as a step's parts, its saved key, what it saves, the path of one figure in it,
#           where she types a figure)
SUBJECTS = {
    "selling": (("selling_3", "channels.ipynb"), lambda lesson: lambda: _selling(lesson), "refusals",
                {"sent": 100, "refused": 20, "price": 250, "delivery_out": 30, "delivery_back": 30, "packaging": 5},
                ("sent",), lambda view, text: setattr(view.fields["price"], "value", text)),
    "bookkeeping": (("bookkeeping_1", "cash_book.ipynb"), lambda lesson: lambda: _bookkeeping(lesson), "cash_book",
                    {"opening": 500, "entries": [{"day": "2026-03-02", "direction": "in", "amount": 300,
                                                  "category": "sale", "label": "tapis"}]},
                    ("entries", 0, "amount"), _type_line),
    "agm": (("agm_1", "calendar.ipynb"), _agm, "agm",
            {"cooperative": {"name": "Nour", "city": "Tiznit", "members": 40, "president": "", "secretary": ""}},
            ("cooperative", "members"), lambda view, text: setattr(view.members, "value", text)),
    "governance": (("governance_2", "registers.ipynb"), lambda lesson: lambda: _governance(lesson),
                   "members_register", {"share_value": 100, "members": []}, ("share_value",),
                   lambda view, text: setattr(view.share_value, "value", text)),
    "funding": (("funding_2", "applying.ipynb"), lambda lesson: lambda: _funding(lesson), "project",
                {"cooperative": "Nour", "product": "tapis", "goal": "un métier", "items": [],
                 "own_contribution": 1000, "ceiling": 50000}, ("ceiling",),
                lambda view, text: setattr(view.ceiling, "value", text)),
}


def _view(step, subject):
    kinds = {"selling": "RefusalCalculator", "bookkeeping": "CashBookEditor", "agm": "CooperativeCard",
             "governance": "RegisterEditor", "funding": "ProjectForm"}
    return next(w for w in walk(step) if type(w).__name__ == kinds[subject])


@pytest.mark.parametrize("typed", TYPED_FIGURES)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_every_subject_refuses_a_typed_figure_beyond_its_rules_and_saves_nothing(lessons, subject, typed):
    (folder, name), parts, key, saved, _path, type_in = SUBJECTS[subject]
    lesson = lessons(folder, name, "ar")
    lesson.store.save_data(key, saved)
    step = built(lesson, parts(lesson))
    type_in(_view(step, subject), typed)
    assert any(isinstance(w, widgets.HTML) and "fadaa-feedback-error" in w.value for w in walk(step))
    data, answers = saved_everything(lesson.store.path)
    assert absurd_figures(data) == [] and not any(typed in a or "e+" in a for a in answers)


@pytest.mark.parametrize("kind", SAVED_FIGURES)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_every_subject_builds_from_a_broken_saved_figure_with_that_figure_reset(lessons, subject, kind):
    (folder, name), parts, key, saved, path, _type_in = SUBJECTS[subject]
    lesson = lessons(folder, name, "fr")
    lesson.store.save_data(key, with_saved_figure(saved, path, kind))
    step = built(lesson, parts(lesson))
    assert not said(step, "fr", NOT_SHOWN)
    assert [box for box in boxes(step) if any(shown in box.casefold() for shown in HOSTILE_SHOWN)] == []


# -- the lesson notebooks themselves, as Voilà runs them ---------------------------------------------

# one lesson a kind, across the subjects: (lesson, saved key, saved data, path of the figure, answer cell)
EXECUTIONS = {
    "27 digits": ("selling_1/pricing.ipynb", "price_sheet",
                  {"platform": {"name": "Souk", "commission": 15, "fixed_fee": 5}, "products": []},
                  ("platform", "commission"), "example_cost"),
    "1e308": ("bookkeeping_1/cash_book.ipynb", "cash_book", {"opening": 500, "entries": []}, ("opening",),
              "closing_balance"),
    "NaN": ("agm_3/the_day.ipynb", "agm", {"cooperative": {"name": "Nour", "members": 40}},
            ("cooperative", "members"), "required_members"),
    "a string": ("governance_2/registers.ipynb", "members_register", {"share_value": 100, "members": []},
                 ("share_value",), "capital_received"),
    "a wrong type": ("bookkeeping_2/receipts_and_summary.ipynb", "month_summary",
                     {"income": {"sale": 100}, "expenses": {}}, ("income", "sale"), "march_surplus"),
    "a missing key": ("bookkeeping_4/year_summary.ipynb", "year_summary",
                      {"year": 2026, "opening_balance": 0, "months": {}, "allocations": []}, ("year",),
                      "year_end_cash"),
    "tampered JSON": ("funding_2/applying.ipynb", "project", {}, (), "project_asked"),
}
COUNT_SET_ASIDE = ("print(sum('fadaa-set-aside' in w._dom_classes for i in range(len(lesson.navigator.steps))"
                   " for w in lesson.navigator.step(i).children))")


@pytest.mark.slow
@pytest.mark.parametrize("kind", EXECUTIONS)
def test_a_lesson_with_a_broken_saved_figure_still_runs_and_builds_every_step(tmp_path, kind):
    lesson_path, key, saved, path, answer = EXECUTIONS[kind]
    hers = released(COURSE / "source" / lesson_path, tmp_path / "source" / lesson_path)
    nb = nbformat.read(hers, as_version=4)
    nb.metadata.setdefault(METADATA_KEY, {})[key] = with_saved_figure(saved, path, kind)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == answer:
            cell.source = ANSWER_SOURCES[kind].format(grade_id=answer)
    nbformat.write(nb, hers)
    work = tmp_path / "lessons" / lesson_path.split("/")[0]
    work.mkdir(parents=True)

    ran = execute_lesson(hers, "fr", work, hers=True, then=COUNT_SET_ASIDE)
    # every step was reached and built (a step that cannot be is an error output), with no trace on her page
    assert error_outputs(ran) == []
    assert int(ran.cells[-1].outputs[0]["text"]) >= 1  # and she is told, on the step of that answer
