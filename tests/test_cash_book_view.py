"""Her own cash book in the lesson: refused lines say why, kept lines survive a reload."""
from datetime import date

import pytest

from fadaa.widgets import Lesson
from fadaa.widgets.bookkeeping.cash_book_view import CashBookEditor


@pytest.fixture
def lesson(released_lesson):
    return Lesson({"fr": "Le cahier de caisse", "ar": "دفتر الصندوق"}, "ar", released_lesson)


def test_a_line_is_kept_in_her_notebook_and_comes_back_after_a_reload(lesson):
    editor = CashBookEditor(lesson)
    editor.opening_field.value = "1 000"
    editor.day.value = date(2026, 4, 3)
    editor.direction.value = "in"
    editor.category.value = "sale"
    editor.label.value = "بيع زربية"
    editor.amount.value = "1 500"
    editor.add_line()
    assert editor.message.value == ""
    assert "2\u202f500" in editor.table.value  # the balance after the sale
    assert len(editor.chart.children) == 1      # and the weekly chart of her month
    again = CashBookEditor(Lesson({"fr": "x", "ar": "x"}, "ar", lesson.store.path))
    assert again.opening == 1000
    assert [(e.day, e.amount, e.label) for e in again.entries] == [(date(2026, 4, 3), 1500, "بيع زربية")]


@pytest.mark.parametrize("amount,message", [("abc", "المرجو كتابة رقم"), ("0", "أكبر من 0"), ("-5", "أكبر من 0")])
def test_a_refused_line_says_why_in_her_language_and_adds_nothing(lesson, amount, message):
    editor = CashBookEditor(lesson)
    editor.amount.value = amount
    editor.add_line()
    assert message in editor.message.value
    assert editor.entries == [] and lesson.store.load_data("cash_book") is None


def test_no_date_is_refused(lesson):
    editor = CashBookEditor(lesson)
    editor.day.value = None
    editor.amount.value = "10"
    editor.add_line()
    assert "التاريخ" in editor.message.value and editor.entries == []
