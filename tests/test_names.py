"""Names people read: module titles and checkpoint questions from the lessons, Moroccan dates."""
from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd

from fadaa.grading.names import ModuleTitles, checkpoint_of, checkpoints
from fadaa.core.i18n import format_day
from conftest import COURSE


def test_every_module_of_the_course_has_a_title_in_both_languages():
    titles = ModuleTitles.read(COURSE / "source")
    modules = sorted(p.name for p in (COURSE / "source").iterdir() if p.is_dir())
    assert sorted(titles.titles) == modules
    assert titles("bookkeeping_1", "fr") == "Le cahier de caisse" and titles("bookkeeping_1", "ar") == "دفتر الصندوق"
    assert all(titles(m, lang) != m for m in modules for lang in ("fr", "ar"))
    assert titles("selling_9", "ar") == "selling_9"  # a module no lesson names: its name, not a blank


def test_a_title_follows_the_lesson_when_its_author_changes_it(tmp_path):
    shutil.copytree(COURSE / "source" / "selling_1", tmp_path / "selling_1")
    assert ModuleTitles.read(tmp_path)("selling_1", "fr") == "Calculer le prix de vente"
    notebook = next((tmp_path / "selling_1").glob("*.ipynb"))
    notebook.write_text(notebook.read_text(encoding="utf-8").replace("Calculer le prix de vente", "Fixer son prix"),
                        encoding="utf-8")
    assert ModuleTitles.read(tmp_path)("selling_1", "fr") == "Fixer son prix"


def test_checkpoints_are_named_by_their_question_and_choices_read_in_words():
    points = checkpoints(COURSE / "source" / "agm_3" / "the_day.ipynb")
    assert list(points) == ["required_members", "quorum_met", "votes_of_fatima", "quorum_not_met"]  # lesson order
    assert points["quorum_met"].title("ar") == "🎯 هل النصاب مكتمل؟"
    assert points["quorum_met"].answer_text("yes", "fr") == "✅ Oui"
    assert points["votes_of_fatima"].answer_text(3385.0, "fr") == "3\u202f385"
    assert [p.checked for p in points.values()] == [True, True, True, False]  # free text: read by the trainer
    assert checkpoint_of("test_quorum_met") == "quorum_met" and checkpoint_of("quorum_not_met") == "quorum_not_met"


def test_dates_are_written_with_moroccan_month_names():
    assert format_day(dt.date(2026, 8, 3), "ar") == "3 غشت 2026"
    assert format_day(dt.datetime(2026, 12, 1, 23, 59), "ar") == "1 دجنبر 2026"
    assert format_day(pd.Timestamp("2026-09-15"), "fr") == "15 septembre 2026"
