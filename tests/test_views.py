"""The three views over a real course and gradebook: what the learner, the trainer and the
coordinator read on their pages, the certificate she downloads, the exports equal to the screen."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import unicodedata

import nbformat
import pandas as pd
import pytest
from pypdf import PdfReader

from fadaa.grading import exchange, export
from fadaa.demo.data import PRIZE_COHORT
from fadaa.grading.roster import Learner, import_roster, learners, write_roster
from fadaa.demo import history as demo
from fadaa.views.certificate import Achievement, certificate_pdf
from fadaa.views.coordinator_dashboard import CoordinatorDashboard
from fadaa.views.learner import her_home
from fadaa.views.learner_home import her_page
from fadaa.views.place import Place
from fadaa.views.trainer_desk import TrainerDesk
from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.download import DocumentButton
from conftest import pdf_text
from course_fixtures import ASSIGNMENT, COURSE_ID

NOW = dt.datetime(2026, 11, 1, 12, 0)




def screen_table(html_text: str) -> pd.DataFrame:
    """A table as the page shows it, read back from the widget's HTML."""
    return pd.read_html(io.StringIO(html_text), thousands=None)[0]


# -- the whole module's life, driven from the trainer's desk buttons and read on her home page

@pytest.mark.slow
def test_trainer_buttons_take_a_module_from_assign_to_her_certificate(quick_course, tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))  # her exchange cache, not the machine's
    course = quick_course
    people = [Learner(sid, name, "Coop Nour", "LM", "souss-massa", lang, None, role)
              for sid, name, lang, role in (("a", "Naima Tazi", "fr", "president"), ("b", "مريم العلوي", "ar", "member"),
                                            ("c", "Hafsa Ouali", "fr", "member"))]
    import_roster(write_roster(people, tmp_path / "roster.csv"), course.db_url, COURSE_ID)
    place = Place(course.root, COURSE_ID, course.db_url, course.config.Exchange.root)

    desk = TrainerDesk("fr", place)
    assert list(desk.cohort.options) == ["LM"] and list(desk.module.options) == [(ASSIGNMENT, ASSIGNMENT)]  # untitled: its name
    desk.due.value = (dt.datetime.now() + dt.timedelta(days=7)).date()
    desk.buttons["assign"].click()
    assert "quick" in desk.message.value and "3 apprenantes" in desk.message.value
    counts = screen_table(desk.counts.value).set_index("Module")
    assert counts.loc[ASSIGNMENT, "Ouvert"] == 3

    homes = {}
    for student, answers in {"a": {"answer": 42}, "b": {}, "c": {"answer": 42, "why": "Pour garder la trace."}}.items():
        homes[student] = tmp_path / "homes" / student
        exchange.write_learner_config(homes[student], COURSE_ID, course.config.Exchange.root, student)
        lesson = exchange.fetch(homes[student], ASSIGNMENT) / "quick.ipynb"
        for grade_id, value in answers.items():
            AnswerStore(lesson).save(grade_id, value)
        if answers:
            exchange.submit(homes[student], ASSIGNMENT)
    (homes["a"] / "documents").mkdir()
    (homes["a"] / "documents" / "fiche_prix.pdf").write_bytes(b"%PDF-1.4 her price sheet")

    desk.buttons["collect"].click()
    assert "2 rendus relevés" in desk.message.value
    desk.buttons["autograde"].click()
    assert "2 rendus notés sur 2" in desk.message.value and "0 signalés" in desk.message.value
    desk.buttons["feedback"].click()
    assert "quick" in desk.message.value
    counts = screen_table(desk.counts.value).set_index("Module")
    assert counts.loc[ASSIGNMENT, ["Réussi", "À corriger à la main", "Ouvert"]].tolist() == [1, 1, 1]
    nudge = screen_table(desk.nudge.value)
    assert nudge["Apprenante"].tolist() == ["مريم العلوي"]  # b never started
    assert "formgrader" in desk.children[-1].value

    home = her_home(place.progress(), homes["a"])
    card = home.modules[0]
    assert (card.module, card.status, card.score, card.max_score) == (ASSIGNMENT, "passed", 2, 3)
    assert card.feedback and card.feedback[0].name == "quick.html"  # nbgrader's released feedback, fetched
    assert card.lesson_url("ar") == "quick/quick.ipynb?lang=ar"

    monkeypatch.setenv("FADAA_PROFILE", str(tmp_path / "profile.json"))
    monkeypatch.setenv("QUERY_STRING", "lang=fr")
    _lang, page = her_page(homes["a"], place)
    text = page_text(page)
    assert "Bonjour Naima Tazi" in text and "✅ Réussi" in text and "2 / 3" in text
    assert 'href="quick/quick.ipynb?lang=fr"' in text
    buttons = {w.button.description: w for w in walk(page) if isinstance(w, DocumentButton)}
    assert set(buttons) == {"Le retour de ma formatrice ou de mon formateur", "fiche_prix.pdf"}
    assert b"quick" in buttons["Le retour de ma formatrice ou de mon formateur"].make()  # nbgrader's feedback page
    # her certificate comes from the hub, which issues it (tests/test_hub_certificates.py)
    assert 'href="/hub/certificates/quick.pdf"' in text and "Mon certificat (PDF)" in text

    monkeypatch.setenv("QUERY_STRING", "lang=ar")
    _lang, c_page = her_page(homes["c"], place)
    c_text = page_text(c_page)
    assert "⏳" in c_text  # her free-text answer waits for the trainer: no certificate yet
    assert [w.button.description for w in walk(c_page) if isinstance(w, DocumentButton)] == ["ملاحظات المكوّن(ة)"]
    assert "/hub/certificates/" not in c_text


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def page_text(view) -> str:
    return " ".join(w.value for w in walk(view) if isinstance(getattr(w, "value", None), str))


def test_the_certificate_names_her_and_the_module_in_french_and_arabic():
    data = certificate_pdf(Achievement("فاطمة بنعلي", "Coopérative Nour (argan)",
                                       {"fr": "Calculer le prix de vente", "ar": "حساب ثمن البيع"},
                                       dt.date(2026, 11, 20), 5, 6, "K7QM-4XRT-9PZC",
                                       "https://fadaa.example.ma/hub/verify/K7QM4XRT9PZC"))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1  # both languages on the same page
    text = unicodedata.normalize("NFKC", pdf_text(data))
    assert "Certificat de réussite" in text and "شهادة النجاح" in text
    assert text.count("فاطمة بنعلي") == 2
    assert "Calculer le prix de vente" in text and "حساب ثمن البيع" in text
    assert "2026-11-20" in text and "5 points sur 6" in text
    assert text.count("K7QM-4XRT-9PZC") == 2  # where to check it, in each language


def test_her_home_before_any_module_exists_greets_her_instead_of_calling_her_unknown(db_url, tmp_path, monkeypatch):
    """A new course: the roster is in, no lesson is in the gradebook yet."""
    her = Learner("lm9", "Fatima Zahra", "Coop Nour", "LM", "souss-massa", "ar", None, "member")
    import_roster(write_roster([her], tmp_path / "roster.csv"), db_url, COURSE_ID)
    home = tmp_path / "home"
    exchange.write_learner_config(home, COURSE_ID, tmp_path / "exchange", her.student_id)
    monkeypatch.setenv("FADAA_PROFILE", str(tmp_path / "profile.json"))
    monkeypatch.delenv("QUERY_STRING", raising=False)
    lang, view = her_page(home, Place(tmp_path, COURSE_ID, db_url, None))
    text = page_text(view)
    assert lang == "ar" and "مرحبا Fatima Zahra!" in text
    assert "لم تُعطَ لكم أي وحدة بعد." in text  # "No module has been given to you yet."


# -- trainer's counts and the coordinator's screen over months of synthetic cohorts

@pytest.fixture(scope="module")
def place(tmp_path_factory, empty_gradebook):
    root = tmp_path_factory.mktemp("views") / "course"
    root.mkdir()
    shutil.copy(empty_gradebook, root / "gradebook.db")
    place = Place(root, COURSE_ID, f"sqlite:///{root / 'gradebook.db'}", None)
    assert demo.add_history(place.db_url, COURSE_ID, prize_winners=3, projects=8, module_count=6, now=NOW)
    return place


@pytest.fixture
def arabic_learner_home(place, tmp_path, monkeypatch):
    """The home of a learner whose roster language is Arabic, with her copy of one lesson, opened
    without ``?lang=`` and with an empty profile (her first visit)."""
    person = learners(place.db_url, COURSE_ID, lang="ar").iloc[0]
    home = tmp_path / "home"
    exchange.write_learner_config(home, COURSE_ID, tmp_path / "exchange", person.student_id)
    module = place.progress().learner_modules(student_id=person.student_id).module.iloc[0]
    (home / module).mkdir()
    nbformat.write(nbformat.v4.new_notebook(), home / module / "lesson.ipynb")
    monkeypatch.setenv("FADAA_PROFILE", str(tmp_path / "profile.json"))
    monkeypatch.delenv("QUERY_STRING", raising=False)
    return home, person["name"], module


def test_her_home_opens_in_her_roster_language_until_she_picks_one(place, arabic_learner_home, monkeypatch):
    home, name, module = arabic_learner_home
    lang, view = her_page(home, place)
    assert lang == "ar" and "rtl" in " ".join(view._dom_classes)
    assert f"مرحبا {name}!" in page_text(view)
    assert f'href="{module}/lesson.ipynb?lang=ar"' in page_text(view)  # her lesson opens in Arabic too

    monkeypatch.setenv("QUERY_STRING", "lang=fr")  # she taps "Français": the address wins...
    lang, view = her_page(home, place)
    assert lang == "fr" and f"Bonjour {name} !" in page_text(view)
    monkeypatch.delenv("QUERY_STRING")  # ...and her choice sticks over the roster's
    lang, view = her_page(home, place)
    assert lang == "fr" and f'href="{module}/lesson.ipynb?lang=fr"' in page_text(view)


def statuses(place, **filters) -> pd.DataFrame:
    """Learner × module statuses counted per module: what every count on a page must add up to."""
    rows = place.progress().learner_modules(now=NOW, **filters)
    return rows.groupby(["module", "status"]).size().unstack(fill_value=0)


def test_the_trainer_desk_counts_his_cohort_by_module_and_status(place):
    desk = TrainerDesk("fr", place)
    desk.cohort.value = PRIZE_COHORT
    counts = screen_table(desk.counts.value).set_index("Module")
    rows = place.progress().learner_modules(cohort=PRIZE_COHORT)
    expected = rows.groupby(["module", "status"]).size().unstack(fill_value=0)
    assert counts.loc[expected.index, "Réussi"].tolist() == expected["passed"].tolist()
    assert counts.loc[expected.index, "En retard"].tolist() == expected["late"].tolist()
    nudge = screen_table(desk.nudge.value)
    assert len(nudge) == min(50, rows.status.isin(["late", "released"]).sum())
    assert set(nudge["Statut"]) <= {"⏰ En retard", "📘 Ouvert"}


def test_dashboard_filters_narrow_the_screen(place):
    board = CoordinatorDashboard("fr", place, now=NOW)
    everyone = screen_table(board.tables["by_module"].value).set_index("Module")
    assert everyone["Réussi"].tolist() == statuses(place)["passed"].tolist()

    board.filters["cohort"].value = PRIZE_COHORT
    shown = screen_table(board.tables["by_module"].value).set_index("Module")
    assert shown["Réussi"].tolist() == statuses(place, cohort=PRIZE_COHORT)["passed"].tolist()
    prize_coops = set(place.progress().learner_modules(cohort=PRIZE_COHORT).cooperative)
    assert {value for _label, value in board.filters["cooperative"].options if value} == prize_coops

    cooperative = sorted(prize_coops)[0]
    board.filters["cooperative"].value = cooperative
    assert set(screen_table(board.tables["by_cooperative"].value)["Coopérative"]) == {cooperative}
    board.filters["module"].value = board.filters["module"].options[1][1]
    assert len(screen_table(board.tables["by_module"].value)) == 1

    board.filters["cohort"].value = ""  # her cooperative is kept: it is in every cohort's list of all
    assert board.filters["cooperative"].value == cooperative


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_exports_hold_the_numbers_on_the_screen(place, lang):
    board = CoordinatorDashboard(lang, place, now=NOW)
    board.filters["cohort"].value = PRIZE_COHORT
    sheets = pd.read_excel(io.BytesIO(board.exports[".xlsx"].make()), sheet_name=None, keep_default_na=False)
    share = export.tables(board.board, lang)["by_region"].columns[-1]
    for key, widget in board.tables.items():
        if "<table" not in widget.value:
            continue
        shown = screen_table(widget.value)
        saved = sheets[key].head(len(shown))
        assert list(saved.columns) == list(shown.columns), key
        for column in shown.columns:
            if column == share:
                assert shown[column].tolist() == [f"{round(100 * v)} %" for v in saved[column]], (key, column)
            else:
                assert shown[column].astype(str).tolist() == saved[column].astype(str).tolist(), (key, column)

    csv = pd.read_csv(io.BytesIO(board.exports[".csv"].make()), sep=";", encoding="utf-8-sig", keep_default_na=False)
    cooperatives = screen_table(board.tables["by_cooperative"].value)
    assert csv.head(len(cooperatives)).iloc[:, :-1].astype(str).values.tolist() == \
        cooperatives.iloc[:, :-1].astype(str).values.tolist()

    text = pdf_text(board.exports[".pdf"].make(), keep_lines=True)
    for row in screen_table(board.tables["by_module"].value).itertuples(index=False):
        assert row[0] in text.replace("\n", "")
    assert all(str(n) in text for n in screen_table(board.tables["by_module"].value).iloc[:, 1:].to_numpy().ravel())
