"""The lesson kit without Jupyter: language choice, catalogs, numbers, tolerance, answer saving."""
import html
import json
import types

import nbformat
import pytest

from fadaa.core import i18n
from fadaa.core.answer_store import AnswerCellMissing, AnswerStore
from fadaa.core.checking import NotANumber, parse_number, read_or_say_why, within_tolerance


@pytest.mark.parametrize("query,expected", [
    ("lang=ar", "ar"), ("lang=fr", "fr"), ("x=1&lang=AR-ma", "ar"), ("lang=de", None), ("", None), (None, None),
])
def test_language_from_query(query, expected):
    assert i18n.language_from_query(query) == expected


def test_the_choice_sticks_in_her_profile(tmp_path):
    profile = tmp_path / "profile.json"
    assert i18n.choose_language("", profile) == "fr"          # nothing chosen yet: French
    assert i18n.choose_language("lang=ar", profile) == "ar"   # she picks Arabic...
    assert i18n.choose_language("", profile) == "ar"          # ...and the next lesson opens in Arabic
    assert json.loads(profile.read_text())["lang"] == "ar"


def test_the_roster_language_opens_her_pages_until_she_picks(tmp_path):
    profile = tmp_path / "profile.json"
    assert i18n.choose_language("", profile, default="ar") == "ar"   # her home: her roster's language
    assert i18n.choose_language("", profile) == "ar"   # a lesson opened without ?lang= follows it
    assert i18n.choose_language("", profile, default="fr") == "fr"   # the roster corrected: it follows
    assert i18n.choose_language("", profile) == "fr"
    assert i18n.choose_language("lang=ar", profile, default="fr") == "ar"
    assert i18n.choose_language("", profile, default="fr") == "ar"   # her own choice wins from then on
    assert i18n.choose_language("", profile) == "ar"


def test_a_broken_profile_never_stops_a_lesson(tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text("{not json")
    assert i18n.choose_language("", profile) == "fr"
    assert i18n.choose_language("lang=ar", profile) == "ar"


def test_catalogs_translate_ui_strings_in_both_languages():
    assert i18n.gettext_for("fr")("Next") == "Suivant"
    assert i18n.gettext_for("ar")("Next") == "التالي"
    assert i18n.gettext_for("ar")("Step {n} of {total}").format(n=2, total=9) == "الخطوة 2 من 9"


def test_amounts_use_western_digits_and_stay_left_to_right_in_arabic():
    assert i18n.format_amount(1250, "fr") == "1\u202f250\u00a0DH"
    arabic = i18n.format_amount(1250.5, "ar")
    assert arabic == "\u20661\u202f250,5\u00a0DH\u2069"
    assert not any("\u0660" <= ch <= "\u0669" for ch in arabic)
    assert i18n.direction("ar") == "rtl" and i18n.direction("fr") == "ltr"


@pytest.mark.parametrize("text,value", [
    ("3585", 3585), ("3 585", 3585), ("3\u202f585 DH", 3585), ("1 250,50", 1250.5), ("1250.5", 1250.5),
    ("١٢٥٠", 1250), ("1.250,5", 1250.5), ("1,250.5", 1250.5), ("12,5", 12.5), ("1,250", 1250), ("-40", -40),
])
def test_numbers_are_read_as_she_writes_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "  ", "abc", "12x", "inf", "nan", "1e999"])
def test_not_a_number_is_refused(text):
    with pytest.raises(NotANumber):
        parse_number(text)


def test_tolerance():
    assert within_tolerance(3585.4, 3585) and not within_tolerance(3586, 3585)
    assert within_tolerance(103, 100, absolute=0, relative=0.05)
    assert not within_tolerance(106, 100, absolute=0, relative=0.05)


class TooMany(ValueError):
    pass


def test_a_wrong_figure_is_said_and_reads_as_none():
    out = types.SimpleNamespace(value="")

    def figure(text):
        if parse_number(text) >= 10:
            raise TooMany("ten or more")
        return parse_number(text)

    def say(text):
        return read_or_say_why(lambda: figure(text), out, "not a number", lambda error: f"refused: {error}", TooMany)

    assert say("3") == 3 and out.value == ""
    assert say("trois") is None and out.value == "not a number"
    assert say("12") is None and out.value == "refused: ten or more"
    with pytest.raises(ValueError):  # an error no rule names is not hidden from the trainer
        read_or_say_why(lambda: int("x"), out, "not a number", str, TooMany)


def test_answers_go_into_the_nbgrader_answer_cells(released_lesson):
    store = AnswerStore(released_lesson)
    assert store.load("closing_balance") is None
    assert store.load("why_same_day", "YOUR ANSWER HERE") is None
    store.save("closing_balance", 3585.0)
    store.save("why_same_day", "Pour ne rien oublier.\n« الوصل »")
    nb = nbformat.read(released_lesson, as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    assert cells["closing_balance"].source == "closing_balance = 3585.0"
    assert cells["why_same_day"].source == "Pour ne rien oublier.\n« الوصل »"
    assert cells["test_closing_balance"].metadata.nbgrader["grade"]  # grading cells untouched
    assert AnswerStore(released_lesson).load("closing_balance") == 3585.0
    # the file keeps nbformat's own layout: a valid notebook, and a saved answer changes its cell only
    assert released_lesson.read_text(encoding="utf-8") == nbformat.writes(nb) + "\n"
    nbformat.validate(nb)


def test_what_she_types_is_never_evaluated(released_lesson):
    store = AnswerStore(released_lesson)
    store.save("total_sales", "__import__('os').system('touch /tmp/pwned')")
    nb = nbformat.read(released_lesson, as_version=4)
    source = next(c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "total_sales")
    assert source == "total_sales = \"__import__('os').system('touch /tmp/pwned')\""
    with pytest.raises(TypeError):
        store.save("total_sales", ["a", "list"])
    with pytest.raises(ValueError):
        store.save("total_sales", float("inf"))


def test_a_tampered_answer_cell_reads_as_blank_and_a_missing_one_is_named(released_lesson):
    nb = nbformat.read(released_lesson, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "closing_balance":
            cell.source = "closing_balance = open('/etc/passwd').read()"
    nbformat.write(nb, released_lesson)
    store = AnswerStore(released_lesson)
    assert store.load("closing_balance") is None
    with pytest.raises(AnswerCellMissing):
        store.save("no_such_checkpoint", 1)


def test_her_own_figures_survive_a_reload(released_lesson):
    AnswerStore(released_lesson).save_data("cash_book", {"opening": 100, "entries": []})
    assert AnswerStore(released_lesson).load_data("cash_book") == {"opening": 100, "entries": []}
    assert AnswerStore(released_lesson).load_data("missing", "default") == "default"


def test_a_lesson_keeps_her_work_and_reads_what_she_kept_in_earlier_lessons(lessons):
    agm = lessons("agm_2", "documents.ipynb", "fr")
    home = agm.notebook.resolve().parent.parent
    assert agm.kept("money", {}) == {}
    agm.keep("money", {"sale": 9000})
    assert AnswerStore(agm.notebook).load_data("money") == {"sale": 9000}  # in her notebook
    assert lessons("agm_2", "documents.ipynb", "ar").kept("money") == {"sale": 9000}  # and after a reload
    book = "bookkeeping_4/year_summary.ipynb"
    assert agm.earlier(book, "year_summary") is None  # a lesson she has not fetched yet
    year = lessons("bookkeeping_4", "year_summary.ipynb", "fr")
    assert agm.earlier(book, "year_summary", "not yet") == "not yet"  # fetched, not done
    year.keep("year_summary", {"year": 2026})
    assert agm.earlier(book, "year_summary") == {"year": 2026}
    year.notebook.write_text("{ a notebook cut short", encoding="utf-8")
    assert agm.earlier(book, "year_summary", "not yet") == "not yet"  # a damaged notebook never stops her
    assert agm.documents_dir == home / "documents"


def test_a_lesson_without_her_notebook_keeps_nothing_and_works():
    """A trainer's preview: nothing kept and nothing read, as for a learner with nothing saved yet."""
    from fadaa.widgets.lesson import Lesson

    preview = Lesson({"fr": "t", "ar": "t"}, "fr")
    preview.keep("money", {"sale": 9000})
    assert preview.kept("money", {}) == {} and preview.kept("money") is None
    assert preview.earlier("bookkeeping_4/year_summary.ipynb", "year_summary", {}) == {}
    assert preview.notebook is None and preview.documents_dir is None


def test_a_lesson_opens_with_only_its_first_steps_widgets():
    """What a phone waits for is every widget's state: later steps are built when she reaches them."""
    import ipywidgets as widgets
    from fadaa.widgets.lesson import Lesson

    lesson = Lesson({"fr": "Essai", "ar": "تجربة"}, "fr")
    built = []

    def chart():
        built.append("chart")
        return widgets.HTML("graphique")

    lesson.step("Premier", "الأول")
    lesson.step("Deuxième", "الثاني", parts=chart)
    navigator = lesson.show()
    assert built == [] and "Premier" in navigator.page.children[0].children[0].value
    navigator.go(1)
    assert built == ["chart"] and navigator.page.children[0].children[1].value == "graphique"
    navigator.go(0)
    navigator.go(1)
    assert built == ["chart"]  # built once: her answers in it stay as she left them


def test_a_step_that_fails_to_build_tells_her_in_her_language():
    from fadaa.widgets.lesson import Lesson

    lesson = Lesson({"fr": "Essai", "ar": "تجربة"}, "ar")
    lesson.step("Premier", "الأول")
    lesson.step("Cassé", "معطل", parts=lambda: 1 / 0)
    navigator = lesson.show()
    with pytest.raises(ZeroDivisionError):  # the error still reaches the kernel's log
        navigator.go(1)
    assert "تعذر عرض هذه الخطوة" in navigator.page.children[0].value
    assert navigator.index == 1 and not navigator.back.disabled  # she can go back


def test_a_part_two_steps_share_is_built_once_when_first_reached():
    import ipywidgets as widgets
    from fadaa.widgets.lesson import Lesson

    lesson = Lesson({"fr": "Essai", "ar": "تجربة"}, "fr")
    built = []
    form = lesson.part(lambda: built.append("form") or widgets.Text(description="Statuts"))
    lesson.step("Premier", "الأول")
    lesson.step("Vos statuts", "نظامكم", parts=form)
    lesson.step("Le calcul", "الحساب", parts=lambda: widgets.HTML(form().value or "vide"))
    navigator = lesson.show()
    assert built == []
    navigator.go(1)
    form().value = "2/3"
    navigator.go(2)
    assert built == ["form"] and navigator.page.children[0].children[1].value == "2/3"


def test_her_free_text_is_stored_as_text_no_renderer_runs(released_lesson):
    """Formgrader renders her answer cell with nbconvert's markdown: tags, links and images she typed
    come out as the text she typed, a "<" still reads "<", and her box shows it back unchanged."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    from fadaa.widgets.questions import FreeTextAnswer
    from hostile_inputs import FREE_TEXT, READABLE

    store = AnswerStore(released_lesson)
    FreeTextAnswer("Pourquoi ?", lambda s: s, on_answer=lambda text: store.save("why_same_day", text)).submit(FREE_TEXT)

    nb = nbformat.read(released_lesson, as_version=4)
    source = next(c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "why_same_day")
    assert "<" not in source and "[" not in source
    rendered = markdown2html_mistune(source)
    assert "<img" not in rendered and "<script" not in rendered and 'href="javascript' not in rendered
    assert f"<p>{html.escape(READABLE, quote=False)}</p>" in rendered  # reads: Prix < coût & marge [net] > 0
    assert store.load("why_same_day", "YOUR ANSWER HERE") == FREE_TEXT


def test_a_wrong_number_says_which_usual_mistake_it_is_and_two_tries_open_the_worked_answer(released_lesson):
    from fadaa.widgets.lesson import WORKED_KEY, Lesson

    lesson = Lesson({"fr": "Essai", "ar": "تجربة"}, "ar", released_lesson)
    question = lesson.numeric("closing_balance", "Combien ?", "كم؟", expected=3585,
                              mistakes={3385: ("Vous avez oublié la cotisation.", "نسيتم الاشتراك.")},
                              worked=("1 200 + 3 150 − 765 = 3 585", "⁦1 200 + 3 150 − 765 = 3 585⁩"))
    assert question.submit("3 385") is False
    assert "نسيتم الاشتراك." in question.feedback.value           # the mistake named, in her language
    assert question.submit("3385") is False                         # Enter, then Check: still one try
    assert question.worked.button.layout.display == "none"          # one try: not yet
    assert question.submit("10") is False
    assert "نسيتم" not in question.feedback.value                   # another slip: the general hint
    assert question.worked.button.layout.display is None            # two tries: she may see it
    assert AnswerStore(released_lesson).load_data(WORKED_KEY) is None
    question.worked.button.click()
    assert "3 585" in question.worked.answer.value
    assert "closing_balance" in AnswerStore(released_lesson).load_data(WORKED_KEY)  # her trainer sees it
    assert question.submit("3585") is True


def test_a_wrong_choice_explains_itself():
    from fadaa.widgets.lesson import Lesson

    lesson = Lesson({"fr": "Essai", "ar": "تجربة"}, "fr")
    question = lesson.choice(None, "Entrée ou sortie ?", "", {"in": ("Entrée", ""), "out": ("Sortie", "")}, "out",
                             explanation=("L'argent est sorti.", ""),
                             mistakes={"in": ("La coopérative a payé : l'argent ne rentre pas.", "")})
    question.options.value = "in"
    assert "La coopérative a payé" in question.feedback.value and "🔁" in question.feedback.value
    question.options.value = "out"
    assert "L&#x27;argent est sorti." in question.feedback.value


def test_a_source_waits_behind_an_info_line():
    from fadaa.widgets.lesson import Lesson

    lesson = Lesson({"fr": "Essai", "ar": "تجربة"}, "ar")
    lesson.step("Règle", "القاعدة", source=("Loi 112-12", "القانون رقم 112.12"))
    text = lesson.show().page.children[0].children[0].value
    assert '<details class="fadaa-source"><summary>ⓘ المصدر</summary>' in text and "112.12" in text
    assert text.index("القاعدة") < text.index("ⓘ")


def test_the_calculator_does_the_division_with_her():
    from fadaa.widgets.lesson import Lesson

    calculator = Lesson({"fr": "Essai", "ar": "تجربة"}, "ar").calculator()
    calculator.first.value, calculator.second.value = "255", "0,85"
    assert calculator.compute() == 300 and "300" in calculator.result.value
    calculator.second.value = "0"
    assert calculator.compute() is None and "لا يمكن القسمة" in calculator.result.value


def test_carried_forward_points_the_way_her_text_reads():
    from fadaa.widgets.bookkeeping.year_summary_view import allocations_table
    from fadaa.widgets.bookkeeping.nour import year

    assert "⬅️" in allocations_table(year(), "ar", i18n.gettext_for("ar")) and "➡️" not in allocations_table(
        year(), "ar", i18n.gettext_for("ar"))
    assert "➡️" in allocations_table(year(), "fr", i18n.gettext_for("fr"))
