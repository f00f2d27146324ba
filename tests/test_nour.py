"""« Nour », the example cooperative, is one year in one place (``fadaa.widgets.bookkeeping.nour``): every
bookkeeping and AGM lesson's example reads it, and the figures that one lesson shows agree with the
figures of the others."""
import json

import pytest

from fadaa.widgets.bookkeeping import nour
from fadaa.widgets.agm import calendar as cal
from fadaa.widgets.agm import calendar_view, day_view, documents_view, examples as agm_examples
from fadaa.widgets.bookkeeping import cash_book, cash_book_view, stock, stock_view, summary_view, year_summary_view
from fadaa.widgets.bookkeeping import lesson_examples
from conftest import REPO, solution_answers

SOURCE = REPO / "courses" / "fadaa" / "source"
NOUR_LESSONS = ["bookkeeping_1", "bookkeeping_2", "bookkeeping_3", "bookkeeping_4", "agm_1", "agm_2", "agm_3"]


def test_march_in_the_cash_book_is_march_in_the_year_and_starts_from_the_year():
    year = nour.year()
    assert year.months[3] == nour.march_totals()
    assert nour.OPENING_CASH + year.months[1].surplus + year.months[2].surplus == nour.MARCH_OPENING
    assert year.year == nour.YEAR == agm_examples.YEAR_END.year


def test_what_the_cash_book_paid_for_is_what_came_into_stock():
    entries = nour.march_entries("fr")
    moves = stock.stock_sheet(nour.stock_items("fr"), nour.stock_movements("fr"))
    wool, dye, carpets = moves
    purchases = sorted(e.amount for e in entries if e.category == "purchase")
    assert purchases == sorted([wool.quantity_in * 45, dye.quantity_in * 30]) == [120, 450]
    carpet_sales = [e for e in entries if e.category == "sale" and e.amount == nour.CARPET_PRICE]
    carpet_line = next(p for p in nour.march_products("fr") if p.name == "Tapis")
    assert len(carpet_sales) == carpets.quantity_out == carpet_line.quantity == 2
    assert sum(p.sales for p in nour.march_products("fr")) == cash_book.total_sales(entries)


def test_a_finished_carpet_enters_stock_at_the_cost_of_its_materials():
    wool, dye, carpets = stock.stock_sheet(nour.stock_items("fr"), nour.stock_movements("fr"))
    assert nour.carpet_materials() == 6 * wool.average_cost + 1 * dye.average_cost == 6 * 47 + 30 == 312
    assert carpets.average_cost == 312
    assert next(p for p in nour.march_products("ar") if p.name == "زربية").unit_cost == 312


def test_the_agm_report_is_the_bookkeeping_year_and_its_figures_add_up():
    year, report = nour.year(), agm_examples.financial_report()
    assert report.totals == year.totals and report.net_surplus == year.net_surplus
    assert report.allocations == year.allocations and report.carried_forward == year.carried_forward
    assert documents_view.example_carried_forward() == year_summary_view.example_carried_forward() == 6000
    # the moral report counts what the year sold
    carpets = sum(c for c, _ in nour.SOLD.values())
    cushions = sum(c for _, c in nour.SOLD.values())
    assert year.income["sale"] == carpets * nour.CARPET_PRICE + cushions * nour.CUSHION_PRICE
    assert f"{carpets} tapis et {cushions} coussins" in agm_examples.moral_report("fr").activities
    assert str(nour.MEMBERS) in agm_examples.moral_report("ar").members


def test_one_village_one_assembly_day():
    for lang in ("fr", "ar"):
        coop = agm_examples.cooperative(lang)
        assert coop.city == nour.PLACE[lang] and coop.members == nour.MEMBERS
        assert nour.PLACE[lang] in lesson_examples.example_receipt(lang)["seller"]
        assert nour.PLACE[lang] in agm_examples.meeting(lang, []).place
    assert cal.filing_deadline(nour.AGM_DAY).day == calendar_view.example_filing_day()
    assert day_view.example_required() * 2 == nour.MEMBERS


@pytest.mark.parametrize("lesson, computed", [
    ("bookkeeping_1", lambda: {"closing_balance": cash_book_view.example_closing_balance(),
                               "total_sales": cash_book_view.example_total_sales()}),
    ("bookkeeping_2", lambda: {"march_surplus": summary_view.example_march_surplus(),
                               "cushion_margin": summary_view.example_cushion_margin()}),
    ("bookkeeping_3", lambda: {"wool_left": stock_view.example_wool_left(), "wool_value": stock_view.example_wool_value()}),
    ("bookkeeping_4", lambda: {"year_end_cash": year_summary_view.example_year_end_cash(),
                               "carried_forward": year_summary_view.example_carried_forward()}),
    ("agm_2", lambda: {"surplus": documents_view.example_surplus(),
                       "carried_forward": documents_view.example_carried_forward()}),
    ("agm_3", lambda: {"required_members": day_view.example_required()}),
])
def test_each_lessons_graded_answers_are_the_figures_nour_gives(lesson, computed):
    notebook = next((SOURCE / lesson).glob("*.ipynb"))
    solutions = solution_answers(notebook)
    for grade_id, value in computed().items():
        assert solutions[grade_id] == pytest.approx(value), (lesson, grade_id)


def test_the_lessons_text_names_nours_one_village_and_one_year():
    for lesson in NOUR_LESSONS:
        text = "".join("".join(c["source"]) for c in json.loads(
            next((SOURCE / lesson).glob("*.ipynb")).read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code")
        assert "Khénifra" not in text and "خنيفرة" not in text, lesson
        assert "2025" not in text, lesson  # Nour's year is 2026, its assembly in 2027


def test_the_members_who_joined_are_the_ones_the_governance_register_shows():
    from fadaa.widgets.governance import examples as governance
    from fadaa.widgets.governance.registers import SHARE

    joined = {p.member for p in governance.payments("fr") if p.kind == SHARE}
    assert len(joined) == nour.MEMBERS_JOINED
    assert f"{nour.MEMBERS_JOINED} nouvelles adhérentes" in agm_examples.moral_report("fr").members


def test_what_members_paid_is_in_the_cash_book_and_in_the_governance_register():
    from fadaa.widgets.governance import examples as governance
    from fadaa.widgets.governance import registers

    paid = governance.payments("fr")
    year = nour.year()
    assert registers.capital_received(paid) == year.income["other_in"] == 1000   # parts sociales: capital
    assert sum(p.amount for p in paid if p.kind == registers.CONTRIBUTION) == year.income["contribution"] == 1300
    march = [e for e in nour.march_entries("fr") if e.category in ("contribution", "other_in")]
    assert sorted(e.amount for e in march) == sorted(p.amount for p in paid if p.day.month == 3) == [50, 300]
