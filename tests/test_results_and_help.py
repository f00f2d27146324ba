"""Her results on her home and who needs help on the trainer's desk, through the real nbgrader
pipeline: learners answer the cash book lesson through the kit (with wrong tries), submit, the
trainer collects, autogrades, grades her free text with a comment and releases feedback. Then the
grading functions, the pages (widgets, and Voilà in Chromium on a 360 px phone) and the exports say
what happened, in French and in Arabic."""
from __future__ import annotations

import datetime as dt
import re
import shutil

import pandas as pd
import pytest
from nbgrader.api import Gradebook

from fadaa.grading import exchange, trainer
from fadaa.grading.cli import main as fadaa
from fadaa.grading.course import Course
from fadaa.grading.difficulty import difficulty, who_needs_help
from fadaa.grading.roster import Learner, import_roster, write_roster
from fadaa.server.serve import voila_environment
from fadaa.views.coordinator_dashboard import CoordinatorDashboard
from fadaa.views.home_page import Links, home_page
from fadaa.views.learner import her_home
from fadaa.views.learner_home import her_page
from fadaa.views.place import Place
from fadaa.views.trainer_desk import TrainerDesk
from conftest import COURSE, REPO, running_voila, screenshot
from test_views import page_text, screen_table

pytestmark = pytest.mark.slow
MODULE, LESSON = "bookkeeping_1", "cash_book.ipynb"
COMMENT = "أحسنتِ. راجعي المبيعات: الاشتراك ليس بيعاً."  # as her trainer wrote it, in Arabic
# what each learner typed, in order: (closing_balance tries, total_sales tries); 3 585 and 2 950 are right
TRIES = {"amina": (["3 385", "3 585"], ["3 000"]),
         "salma": (["3 385", "2 385", "3 385", "3 585"], ["2 950"]),
         "nadia": (["3 585"], ["3 000", "3000"])}
MOROCCAN_MONTHS = "يناير|فبراير|مارس|أبريل|ماي|يونيو|يوليوز|غشت|شتنبر|أكتوبر|نونبر|دجنبر"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The cash book given to cohort LM (due yesterday), answered by three learners through the
    kit, handed in, collected, autograded; Amina's free text graded with a comment; feedback released."""
    from fadaa.widgets.lesson import Lesson

    tmp = tmp_path_factory.mktemp("results")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JUPYTER_DATA_DIR", str(tmp / "jupyter"))  # her exchange cache, not the machine's
        env.setenv("FADAA_PROFILE", str(tmp / "profile.json"))
        root = tmp / "course"
        shutil.copytree(COURSE, root, ignore=shutil.ignore_patterns("gradebook.db", "release", "submitted",
                                                                     "autograded", "feedback"))
        (tmp / "exchange").mkdir()
        (tmp / "exchange").chmod(0o777)
        course = Course(root, exchange=tmp / "exchange")
        people = [Learner(sid, name, "Coop Nour", "LM", "souss-massa", lang, None, "member")
                  for sid, name, lang in (("amina", "أمينة الإدريسي", "ar"), ("salma", "Salma Tazi", "fr"),
                                          ("nadia", "Nadia Ouali", "fr"))]
        import_roster(write_roster(people, tmp / "roster.csv"), course.db_url, course.course_id)
        trainer.assign(course, MODULE, dt.datetime.now() - dt.timedelta(days=1), cohort="LM")
        homes = {}
        for student, (balances, sales) in TRIES.items():
            homes[student] = tmp / "homes" / student
            exchange.write_learner_config(homes[student], course.course_id, tmp / "exchange", student)
            lesson = Lesson({"fr": "Le cahier de caisse", "ar": "دفتر الصندوق"}, "fr",
                            exchange.fetch(homes[student], MODULE) / LESSON)
            balance = lesson.numeric("closing_balance", "Combien ?", "كم؟", 3585)
            for typed in balances:
                balance.submit(typed)
            total = lesson.numeric("total_sales", "Combien ?", "كم؟", 2950)
            for typed in sales:
                total.submit(typed)
            lesson.free_text("why_same_day", "Pourquoi ?", "لماذا؟").submit("باش ما ننساوش.")
            exchange.submit(homes[student], MODULE)
        trainer.collect(course, MODULE)
        for student in TRIES:
            course.autograde(MODULE, student)
        with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
            grade = gradebook.find_grade("why_same_day", "cash_book", MODULE, "amina")
            grade.manual_score, grade.needs_manual_grade = 2, False
            gradebook.find_comment("why_same_day", "cash_book", MODULE, "amina").manual_comment = COMMENT
            gradebook.db.commit()
        course.release_feedback(MODULE)
        place = Place(root, course.course_id, course.db_url, tmp / "exchange")
        yield course, place, homes, tmp


def test_the_wrong_answers_show_up_with_how_many_learners_gave_them_and_their_tries(graded):
    course, _place, _homes, _tmp = graded
    table = difficulty(course, MODULE).set_index("checkpoint")
    assert list(table.index) == ["closing_balance", "total_sales"]  # checked ones, in the lesson's order
    balance, sales = table.loc["closing_balance"], table.loc["total_sales"]
    assert (balance.learners, balance.wrong, balance.still_wrong, balance.most_tries) == (3, 2, 0, 4)
    assert balance.wrong_answers == [(3385.0, 2), (2385.0, 1)]  # Salma typed 3 385 twice: one learner
    assert balance.tries == pytest.approx((2 + 4 + 1) / 3)      # back to 3 385 after 2 385 is a new try
    # Nadia's "3 000" then "3000" (Enter, then Check) is one try
    assert (sales.wrong, sales.still_wrong, sales.wrong_answers, sales.most_tries) == (2, 2, [(3000.0, 2)], 1)

    shown = who_needs_help(course, MODULE, "fr").set_index("Point de contrôle")
    row = shown.loc["Combien y a-t-il dans la caisse le 31 mars (en DH) ?"]
    assert row["Erreurs les plus fréquentes"] == "3\u202f385 (2) · 2\u202f385 (1)"
    assert row["Se sont trompées"] == 2 and row["Essais au plus"] == 4 and row["Essais (moyenne)"] == "2,3"


def test_nbgrader_grades_the_last_answer_only(graded):
    course, *_ = graded
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        codes = {s: gradebook.find_submission(MODULE, s).code_score for s in TRIES}
    assert codes == {"amina": 2, "salma": 4, "nadia": 2}  # right balance after wrong tries: full points


@pytest.mark.parametrize("lang, heading, wrong", [("fr", "Qui a besoin d’aide", "Se sont trompées"),
                                                  ("ar", "من يحتاج إلى مساعدة", "أخطأن")])
def test_the_trainer_desk_shows_who_needs_help(graded, lang, heading, wrong):
    _course, place, _homes, _tmp = graded
    desk = TrainerDesk(lang, place)
    desk.module.value = MODULE
    assert heading in page_text(desk)
    help_table = screen_table(desk.help.value)
    assert help_table[wrong].tolist() == [2, 2]
    assert dict(desk.module.options)["دفتر الصندوق" if lang == "ar" else "Le cahier de caisse"] == MODULE


def test_her_home_says_what_she_got_right_and_what_to_look_at_again_in_arabic(graded, monkeypatch):
    _course, place, homes, tmp = graded
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp / "jupyter"))
    monkeypatch.setenv("FADAA_PROFILE", str(tmp / "profile-amina.json"))
    monkeypatch.setenv("QUERY_STRING", "lang=ar")
    lang, view = her_page(homes["amina"], place)
    text = page_text(view)
    assert lang == "ar" and "rtl" in view._dom_classes[-1]
    card = text[text.index('data-module="bookkeeping_1"'):]
    assert "<h2>دفتر الصندوق</h2>" in card and "النقطة: \u20664 / 6\u2069" in card
    assert re.search(rf"آخر أجل: \d+ ({MOROCCAN_MONTHS}) 20\d\d", card)
    assert "سُلّم بعد آخر أجل" in card  # the due date was yesterday
    right = re.findall(r'fadaa-right">.*?fadaa-step-title">(.*?)</span>', card)
    again = re.findall(r'fadaa-again">.*?fadaa-step-title">(.*?)</span>', card)
    assert right == ["كم يوجد في الصندوق يوم 31 مارس (بالدرهم)؟", "لماذا يجب تسجيل كل حركة في نفس اليوم والاحتفاظ بالوصل؟ أجيبوا بكلماتكم."]
    assert again == ["كم باعت التعاونية في شهر مارس (بالدرهم)؟"]
    assert "للمراجعة" in card and f'<span dir="auto">{COMMENT}</span>' in card

    monkeypatch.setenv("QUERY_STRING", "lang=fr")
    _lang, view = her_page(homes["salma"], place)
    salma = page_text(view)
    assert "Vos résultats" in salma and "À revoir" not in salma  # all right
    assert "Votre formatrice ou formateur va la lire" in salma    # her free text is not graded yet


def test_her_results_wait_until_her_trainer_releases_them(graded, tmp_path, monkeypatch):
    """Graded but not released: the card says nothing of right or wrong, nor any comment."""
    course, place, homes, tmp = graded
    home = tmp_path / "amina"
    shutil.copytree(homes["amina"], home, ignore=shutil.ignore_patterns("feedback"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))  # nothing fetched here before
    monkeypatch.setenv("FADAA_PROFILE", str(tmp_path / "profile.json"))
    monkeypatch.setenv("QUERY_STRING", "lang=ar")
    shutil.rmtree(tmp / "exchange" / course.course_id / "feedback", ignore_errors=True)
    try:
        _lang, view = her_page(home, place)
    finally:
        course.release_feedback(MODULE)  # as it was for the other tests
    text = page_text(view)
    assert "fadaa-verdict" not in text and COMMENT not in text and "النقطة" in text


def test_an_export_names_the_module_by_its_title_and_dates_the_moroccan_way(graded, tmp_path, capsys):
    course, *_ = graded
    common = ["--course", str(course.root), "--exchange", str(course.config.Exchange.root)]
    assert fadaa([*common, "--lang", "ar", "export", str(tmp_path / "progress.xlsx")]) == 0
    sheets = pd.read_excel(tmp_path / "progress.xlsx", sheet_name=None)
    assert sheets["by_module"].iloc[:, 0].tolist() == ["دفتر الصندوق"]
    assert "bookkeeping_1" not in sheets["by_cooperative"].to_string()
    assert re.fullmatch(rf"\d+ ({MOROCCAN_MONTHS}) 20\d\d", sheets["weekly"].iloc[0, 0])
    assert fadaa([*common, "--lang", "fr", "export", str(tmp_path / "progress.csv"), "--view", "by_module"]) == 0
    table = pd.read_csv(tmp_path / "progress.csv", sep=";", encoding="utf-8-sig")
    assert table["Module"].tolist() == ["Le cahier de caisse"]


def test_the_coordinator_reads_module_titles_on_her_screen(graded):
    _course, place, _homes, _tmp = graded
    board = CoordinatorDashboard("ar", place)
    assert screen_table(board.tables["by_module"].value)["الوحدة"].tolist() == ["دفتر الصندوق"]
    assert ("دفتر الصندوق", MODULE) in board.filters["module"].options  # she picks it by its title


@pytest.fixture(scope="module")
def voila(graded):
    """Voilà serving the trainer's desk (from Amina's home: any folder would do)."""
    _course, place, homes, tmp = graded
    home = homes["amina"]
    shutil.copy(REPO / "notebooks" / "trainer_desk.ipynb", home)
    env = voila_environment()
    env.update(FADAA_COURSE_ROOT=str(place.course_root), FADAA_COURSE=place.course_id, FADAA_DB_URL=place.db_url,
               FADAA_EXCHANGE=str(place.exchange), FADAA_PROFILE=str(tmp / "profile-voila.json"),
               JUPYTER_DATA_DIR=str(tmp / "jupyter"))
    with running_voila(home, env, tmp / "voila.log") as base:
        yield base


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 780}, device_scale_factor=1)
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang, direction, right, again", [("ar", "rtl", "صحيح", "للمراجعة"),
                                                           ("fr", "ltr", "Juste", "À revoir")])
def test_her_results_on_a_360_px_phone(graded, phone, tmp_path, monkeypatch, lang, direction, right, again):
    """Her home as the lesson service sends it (a plain page, no kernel), in Chromium."""
    _course, place, homes, tmp = graded
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp / "jupyter"))
    phone.set_content(home_page(her_home(place.progress(), homes["amina"]), lang, Links(), homes["amina"]))
    results = phone.locator('.fadaa-card[data-module="bookkeeping_1"] .fadaa-results')
    assert results.evaluate("el => getComputedStyle(el).direction") == direction
    text = results.inner_text()
    assert f"✅ {right} —" in text and f"🔁 {again} —" in text and COMMENT in text
    # his Arabic comment reads right to left on the French page too
    assert phone.locator(".fadaa-comment span[dir=auto]").evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert phone.eval_on_selector("body", "el => el.scrollWidth") <= 360  # nothing wider than her phone
    screenshot(phone, tmp_path, f"her-results-{lang}")


@pytest.mark.browser
@pytest.mark.parametrize("lang, title, heading, question", [
    ("fr", "Le cahier de caisse", "Qui a besoin d’aide", "Combien y a-t-il dans la caisse le 31 mars"),
    ("ar", "دفتر الصندوق", "من يحتاج إلى مساعدة", "كم يوجد في الصندوق يوم 31 مارس")])
def test_the_trainer_desk_shows_who_needs_help_in_a_browser(voila, phone, tmp_path, lang, title, heading, question):
    phone.set_viewport_size({"width": 1024, "height": 900})
    phone.goto(f"{voila}/voila/render/trainer_desk.ipynb?lang={lang}", timeout=180_000)
    phone.wait_for_selector(".fadaa-table", timeout=180_000)
    phone.select_option(".fadaa-steps-module select", label=title)
    phone.wait_for_function("document.body.innerText.includes(' (2) · ')", timeout=60_000)
    body = phone.inner_text("body")
    assert heading in body and question in body
    assert re.search("3\u202f385\u2069? \\(2\\) · \u2066?2\u202f385", body)  # the usual wrong balance, by 2 learners
    screenshot(phone, tmp_path, f"who-needs-help-{lang}")
