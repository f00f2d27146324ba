"""Funding (funding_1, funding_2): the readiness checklist read from her earlier lessons, the
programmes worth asking about, her project sheet's sums, and both documents read back in her
language."""
import io
import shutil
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn

from conftest import COURSE, pdf_text
from fadaa.widgets.agm import records as agm_records
from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.bookkeeping import cash_book, year_summary
from fadaa.widgets.funding import documents, examples, funding_view, programmes, project, readiness
from fadaa.widgets.funding.own_records import gather
from fadaa.widgets.lesson import Lesson

TODAY = date(2026, 11, 30)


def test_a_checklist_from_nothing_says_not_yet_everywhere():
    points = readiness.checklist(readiness.Records(), TODAY)
    assert [p.key for p in points] == list(readiness.ITEMS)
    assert {p.status for p in points} == {readiness.NOT_YET} and not readiness.ready(points)


def test_the_assembly_and_the_filing_deadline_follow_her_dates():
    held = readiness.Records(agm_day=date(2026, 5, 15), votes_recorded=True)
    points = {p.key: p for p in readiness.checklist(held, TODAY)}
    assert points["agm_held"].status == readiness.DONE and points["agm_held"].day == date(2026, 5, 15)
    # 30 days after the assembly, long gone on 30 November: late, and first on the to-do list
    assert points["accounts_filed"].status == readiness.LATE and points["accounts_filed"].day == date(2026, 6, 14)
    assert readiness.to_do(list(points.values()))[0].key == "accounts_filed"
    soon = {p.key: p for p in readiness.checklist(held, date(2026, 6, 1))}
    assert soon["accounts_filed"].status == readiness.PLANNED
    filed = {p.key: p for p in readiness.checklist(readiness.Records(agm_day=date(2026, 5, 15), votes_recorded=True,
                                                                     filed_on=date(2026, 6, 5)), TODAY)}
    assert filed["accounts_filed"].status == readiness.DONE
    planned = {p.key: p for p in readiness.checklist(readiness.Records(agm_day=date(2027, 5, 15)), TODAY)}
    assert planned["agm_held"].status == readiness.PLANNED and planned["accounts_filed"].status == readiness.NOT_YET
    # a date without the day's votes: the minutes are not there, so not held yet
    assert readiness.checklist(readiness.Records(agm_day=date(2026, 5, 15)), TODAY)[0].status == readiness.NOT_YET


def test_programmes_worth_asking_follow_two_facts_she_knows():
    fits = {f.programme: f for f in programmes.fits(True, date(2024, 5, 6), TODAY)}
    assert fits["lalla_al_moutaaouina"].worth_asking and fits["mourafaka"].worth_asking
    fits = {f.programme: f for f in programmes.fits(False, date(2019, 3, 12), TODAY)}
    assert not fits["lalla_al_moutaaouina"].worth_asking and fits["mourafaka"].reason == "too_old"
    assert programmes.years_old(date(2022, 12, 1), TODAY) == 3  # four years only on 1 December
    assert examples.example_young_cooperative() == "younger"
    with pytest.raises(ValueError):
        programmes.fits(True, date(2027, 1, 1), TODAY)


def test_project_sums_and_what_a_programme_would_send_back():
    nour = examples.example_project()
    assert nour.total == 16000 and nour.asked == 14000 == examples.example_asked()
    assert project.problems(nour) == []
    greedy = project.make_project("Nour", items=nour.items, goal="x", ceiling=10000)
    assert project.problems(greedy) == ["above_ceiling"]
    with pytest.raises(project.ProjectError, match="zero_quantity"):
        project.make_item("Laine", 0, 45)
    again = project.project_from_json({"cooperative": "Nour", "items": [{"label": "Laine", "quantity": 2,
                                                                        "unit_price": 45}, {"label": ""}, "x"]})
    assert [i.label for i in again.items] == ["Laine"]


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Her home with the funding lessons and the earlier ones she did, side by side."""
    monkeypatch.setenv("FADAA_PROFILE", str(tmp_path / ".fadaa" / "profile.json"))
    for folder, name in (("funding_1", "relaunch_plan.ipynb"), ("funding_2", "applying.ipynb"),
                         ("bookkeeping_1", "cash_book.ipynb"), ("bookkeeping_3", "stock.ipynb"),
                         ("bookkeeping_4", "year_summary.ipynb"), ("agm_3", "the_day.ipynb")):
        (tmp_path / folder).mkdir()
        shutil.copy(COURSE / "source" / folder / name, tmp_path / folder / name)
    return tmp_path


def her_earlier_lessons(home) -> None:
    entries = [cash_book.make_entry(date(2025, 3, 2), "in", 4800, "sale"),
               cash_book.make_entry(date(2025, 3, 9), "out", 1250, "purchase")]
    AnswerStore(home / "bookkeeping_1" / "cash_book.ipynb").save_data(
        "cash_book", {"opening": 300, "entries": [e.to_json() for e in entries]})
    AnswerStore(home / "bookkeeping_4" / "year_summary.ipynb").save_data(
        "year_summary", year_summary.from_entries(2025, 300, entries).to_json())
    AnswerStore(home / "agm_3" / "the_day.ipynb").save_data(agm_records.DATA_KEY, agm_records.stamped(
        {"cooperative": {"name": "Nour", "members": 12}, "meeting": {"day": "2026-05-15"},
         "members": ["Fatima", "Aicha", "Khadija"], "votes": {"0": ["10", "1", "1"]}}))


def test_her_records_are_read_from_her_earlier_lessons(home):
    own = home / "funding_2" / "applying.ipynb"
    assert gather(own) == readiness.Records()  # nothing done yet: nothing guessed
    her_earlier_lessons(home)
    records = gather(own)
    assert (records.cooperative, records.agm_day, records.votes_recorded, records.members) == \
        ("Nour", date(2026, 5, 15), True, 3)
    assert (records.year, records.income, records.expenses, records.cash_lines, records.stock_lines) == \
        (2025, 4800, 1250, 2, 0)
    # her members register from the governance lessons, when she kept one, counts those still members
    (home / "governance_2").mkdir()
    register = AnswerStore(home / "governance_2" / "registers.ipynb")
    register.path.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    register.save_data("members_register", {"share_value": 100, "members": [
        {"number": n, "name": f"M{n}", "shares": 1, "left_on": "2026-01-31" if n == 4 else None} for n in range(1, 6)]})
    assert gather(own).members == 4


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_readiness_checklist_pdf_holds_her_answers_and_not_yet(home, lang):
    her_earlier_lessons(home)
    records = gather(home / "funding_2" / "applying.ipynb")
    text = pdf_text(documents.readiness_pdf(records, lang, TODAY))
    words = {"fr": ("Liste de préparation", "Assemblée générale tenue", "tenue le 15/05/2026", "Fait", "Pas encore",
                    "En retard", "14/06/2026", "4 800 DH", "2 lignes", "3 membres", "À faire ensuite"),
             "ar": ("لائحة الجاهزية", "عقد الجمع العام", "15/05/2026", "تم", "ليس بعد", "متأخر", "14/06/2026",
                    "4 800 DH", "عدد السطور", "عدد الأعضاء", "ما يجب فعله بعد ذلك")}[lang]
    for word in words:
        assert word in text, word
    assert "Nour" in text
    assert ("Pas encore" in text) == (lang == "fr")


def test_arabic_checklist_keeps_dates_and_amounts_in_reading_order(home):
    her_earlier_lessons(home)
    records = gather(home / "funding_2" / "applying.ipynb")
    text = pdf_text(documents.readiness_pdf(records, "ar", TODAY))
    # an amount laid out backwards would read "800 4" or "DH 1 250"; a date "2026/05/15"
    assert "4 800 DH" in text and "1 250 DH" in text and "800 4" not in text and "250 1" not in text
    assert "15/05/2026" in text and "2026/05/15" not in text


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_readiness_view_reads_her_lessons_and_keeps_the_filing_day(home, lang):
    lesson = Lesson({"fr": "x", "ar": "x"}, lang, home / "funding_2" / "applying.ipynb")
    view = funding_view.ReadinessView(lesson)
    not_yet = {"fr": "Pas encore", "ar": "ليس بعد"}[lang]
    assert view.table.value.count(not_yet) == len(readiness.ITEMS)
    her_earlier_lessons(home)
    view = funding_view.ReadinessView(lesson)
    view.filed.value = date(2026, 6, 5)
    assert "fadaa-point-late" not in view.table.value and "05/06/2026" in view.table.value
    again = funding_view.ReadinessView(lesson)
    assert again.filed.value == date(2026, 6, 5)  # kept across a reload
    assert view.document.make().startswith(b"%PDF")


def plain(text: str) -> str:
    """What a reader sees of the numbers: isolates dropped, narrow and no-break spaces as spaces."""
    return " ".join(text.translate(dict.fromkeys(map(ord, "\u2066\u2069"))).split())


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_project_form_adds_lines_keeps_them_and_makes_her_word_sheet(home, lang):
    her_earlier_lessons(home)
    lesson = Lesson({"fr": "x", "ar": "x"}, lang, home / "funding_2" / "applying.ipynb")
    form = funding_view.ProjectForm(lesson)
    assert form.cooperative.value == "Nour"  # from her AGM file
    labels = {"fr": ("Métier à tisser", "Laine"), "ar": ("منسج", "صوف")}[lang]
    for label, quantity, price in ((labels[0], "2", "4 500"), (labels[1], "120", "45")):
        form.item_label.value, form.item_quantity.value, form.item_price.value = label, quantity, price
        form.add_item()
    form.item_label.value, form.item_quantity.value = "x", "0"
    form.add_item()
    assert "fadaa-feedback-error" in form.item_feedback.value and len(form.sheet.items) == 2
    form.own.value = "2 000"
    form.goal.value = "Tisser plus" if lang == "fr" else "نسج أكثر"
    form.product.value = "Tapis" if lang == "fr" else "زرابي"
    assert "12 400 DH" in plain(form.budget.value) and "fadaa-feedback-right" in form.feedback.value
    form.ceiling.value = "10 000"
    assert "fadaa-feedback-saved" in form.feedback.value  # above what the programme gives: a note
    again = funding_view.ProjectForm(lesson)
    assert [i.label for i in again.sheet.items] == list(labels) and again.own.value == "2000"
    document = docx.Document(io.BytesIO(again.docx()))
    text = plain(" ".join([p.text for p in document.paragraphs]
                          + [c.text for t in document.tables for r in t.rows for c in r.cells]))
    for word in {"fr": ("Fiche projet", "Montant demandé", "Métier à tisser", "14 400 DH", "12 400 DH", "Année 2025"),
                 "ar": ("بطاقة المشروع", "المبلغ المطلوب", "منسج", "14 400 DH", "12 400 DH", "سنة 2025")}[lang]:
        assert word in text, word
    right_to_left = [p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None
                     for p in document.paragraphs if p.text.strip()]
    assert all(right_to_left) if lang == "ar" else not any(right_to_left)


def test_plan_view_says_where_she_stands(home):
    lesson = Lesson({"fr": "x", "ar": "x"}, "fr", home / "funding_1" / "relaunch_plan.ipynb")
    assert funding_view.plan_view(lesson).value.count("Pas encore") == 3
    her_earlier_lessons(home)
    view = funding_view.plan_view(lesson).value
    assert view.count("Commencé dans Fadaa") == 2 and view.count("Pas encore") == 1  # books and AGM, not selling


def test_the_new_modules_are_where_trainers_coordinators_and_learners_find_them():
    """Registered by their folders: the trainer's desk and the demo list them, her home and her
    certificate read their titles; the AGM-readiness rule leaves them out."""
    import datetime as dt

    from fadaa.demo.learner import lessons
    from fadaa.grading.course import source_modules
    from fadaa.grading.progress import ProgressRules
    from fadaa.views.certificate import Achievement, certificate_pdf
    from fadaa.grading.names import ModuleTitles

    new = {"selling_4", "selling_5", "funding_1", "funding_2"}
    assert new <= set(source_modules(COURSE)) and new <= {module for module, _notebook in lessons()}
    title = ModuleTitles.read(COURSE / "source").both("funding_2")
    assert title == {"fr": "Demander un soutien", "ar": "طلب الدعم"}
    text = pdf_text(certificate_pdf(Achievement("Fatima", "Nour", title, dt.date(2026, 11, 30), 5, 6, "K7QM-4XRT-9PZC",
                                           "https://fadaa.example.ma/hub/verify/K7QM4XRT9PZC")))
    assert "Demander un soutien" in text and "طلب الدعم" in text
    assert ProgressRules().agm_required(source_modules(COURSE)) == ["agm_1", "agm_2", "agm_3", "bookkeeping_4"]
