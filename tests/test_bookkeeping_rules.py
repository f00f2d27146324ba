"""Bookkeeping rules beyond the cash book: monthly summary, margins, receipts, stock, year summary.

The worked examples' figures are asserted here too: they are the values the lessons' hidden tests
expect, so a change to an example that would break grading fails here first, in a second.
"""
from datetime import date

import pytest

from fadaa.widgets.bookkeeping import cash_book, stock, summary
from fadaa.widgets.bookkeeping import year_summary as ys
from fadaa.widgets.bookkeeping.examples import example_month
from fadaa.widgets.bookkeeping.lesson_examples import (EXAMPLE_YEAR, example_items, example_movements,
                                                       example_products, example_year)


def entry(day, direction, amount, category, month=3, year=2026):
    return cash_book.make_entry(date(year, month, day), direction, amount, category)


# -- monthly summary ------------------------------------------------------------------------------

def test_monthly_summary_of_the_cash_book_example():
    t = summary.totals(example_month("fr"))
    assert t.income == {"sale": 2950, "contribution": 50, "other_in": 300}  # Samira's cotisation and shares
    assert t.expenses == {"purchase": 570, "transport": 60, "delivery": 35, "other_out": 250}  # electricity, the loom
    assert (t.total_income, t.total_expenses, t.surplus) == (3300, 915, 2385)  # hidden test march_surplus
    assert t.sales == 2950


def test_a_deficit_is_a_negative_surplus():
    t = summary.totals([entry(1, "in", 100, "sale"), entry(2, "out", 250.5, "purchase")])
    assert t.surplus == -150.5


def test_totals_add_up_and_keep_every_kind():
    a = summary.Totals({"sale": 100}, {"purchase": 40})
    b = summary.Totals({"sale": 50, "contribution": 10}, {"delivery": 5})
    both = a + b
    assert both.income["sale"] == 150 and both.income["contribution"] == 10
    assert both.expenses == {"purchase": 40, "transport": 0, "delivery": 5, "other_out": 0}
    assert summary.Totals.from_json(both.to_json()) == both


def test_negative_amounts_by_kind_are_refused():
    with pytest.raises(ValueError):
        summary.Totals({"sale": -1}, {})


def test_expense_shares_sum_to_one_and_skip_empty_kinds():
    shares = summary.totals(example_month("fr")).expense_shares()
    assert abs(sum(shares.values()) - 1) < 1e-9
    assert set(shares) == {"purchase", "transport", "delivery", "other_out"}
    assert summary.Totals().expense_shares() == {}


def test_by_month_splits_a_year_and_leaves_other_years_out():
    entries = [entry(5, "in", 100, "sale", month=1), entry(6, "out", 30, "transport", month=1),
               entry(7, "in", 70, "sale", month=4), entry(8, "in", 999, "sale", month=4, year=2025)]
    months = summary.by_month(entries, 2026)
    assert list(months) == [1, 4]
    assert months[1].surplus == 70 and months[4].total_income == 70


# -- margin per product ---------------------------------------------------------------------------

def test_margin_per_product_of_the_example():
    carpet, cushion = example_products("fr")
    assert (carpet.sales, carpet.cost, carpet.margin) == (2150, 624, 1526)  # 2 × (6 kg × 47 + 1 L × 30)
    assert (cushion.sales, cushion.cost, cushion.margin) == (800, 300, 500)  # hidden test cushion_margin
    assert cushion.margin_per_piece == 250 and cushion.margin_rate == 0.625
    assert carpet.sales + cushion.sales == summary.totals(example_month("fr")).sales
    assert [p.name for p in summary.best_first([cushion, carpet])] == ["Tapis", "Coussin"]
    assert summary.total_margin([carpet, cushion]) == 2026


def test_a_product_sold_below_cost_has_a_negative_margin_and_nothing_sold_has_no_rate():
    assert summary.ProductLine("x", 3, 100, 120).margin == -60
    assert summary.ProductLine("x", 0, 100, 120).margin_rate is None
    with pytest.raises(ValueError):
        summary.ProductLine("x", -1, 100, 10)


# -- receipts -------------------------------------------------------------------------------------

def test_missing_items_on_a_receipt_in_paper_order():
    assert summary.missing_on_receipt(summary.RECEIPT_ITEMS) == []
    assert summary.missing_on_receipt(["date", "total"]) == [
        "number", "seller", "buyer", "description", "quantity", "unit_price"]
    with pytest.raises(ValueError):
        summary.missing_on_receipt(["colour"])


def test_receipt_given_is_a_sale_received_is_a_purchase():
    assert summary.receipt_kind(cooperative_is_seller=True) == summary.SALE
    assert summary.receipt_kind(cooperative_is_seller=False) == summary.PURCHASE


# -- stock ----------------------------------------------------------------------------------------

def test_stock_sheet_of_the_example_at_weighted_average_cost():
    lines = stock.stock_sheet(example_items("fr"), example_movements("fr"))
    wool, dye, carpets = lines
    assert (wool.quantity_in, wool.quantity_out, wool.quantity_left) == (10, 18, 12)  # hidden test wool_left
    assert wool.average_cost == 47 and wool.value == 564                            # hidden test wool_value
    assert (dye.quantity_left, dye.value) == (5, 150)
    assert (carpets.quantity_left, carpets.value) == (3, 936)  # at a carpet's materials: 312 DH
    assert stock.total_value(lines, stock.RAW) == 714
    assert stock.total_value(lines, stock.FINISHED) == 936
    assert stock.total_value(lines) == 1650


def test_example_stock_has_the_same_figures_in_both_languages():
    fr = stock.stock_sheet(example_items("fr"), example_movements("fr"))
    ar = stock.stock_sheet(example_items("ar"), example_movements("ar"))
    assert [(l.quantity_left, l.value) for l in fr] == [(l.quantity_left, l.value) for l in ar]


def test_more_out_than_there_is_refused_in_date_order():
    wool = stock.Item("wool", stock.RAW, "kg", 5, 40)
    moves = [stock.Movement("wool", stock.OUT, 8, day=date(2026, 3, 2)),
             stock.Movement("wool", stock.IN, 10, 40, day=date(2026, 3, 10))]
    with pytest.raises(stock.StockError) as err:
        stock.stock_line(wool, moves)
    assert err.value.reason == "not_enough"
    moves[0] = stock.Movement("wool", stock.OUT, 8, day=date(2026, 3, 12))
    assert stock.stock_line(wool, moves).quantity_left == 7


def test_raw_materials_come_first_and_unknown_items_are_refused():
    items = [stock.Item("carpet", stock.FINISHED, "piece"), stock.Item("wool")]
    assert [l.item.name for l in stock.stock_sheet(items, [])] == ["wool", "carpet"]
    with pytest.raises(stock.StockError):
        stock.stock_sheet(items, [stock.Movement("silk", stock.IN, 1, 10)])


def test_an_item_with_nothing_in_keeps_its_opening_cost_and_zero_value():
    line = stock.stock_line(stock.Item("dye", opening_unit_cost=30), [])
    assert line.quantity_left == 0 and line.average_cost == 30 and line.value == 0


@pytest.mark.parametrize("bad", [dict(quantity=0), dict(quantity=-2), dict(quantity=float("nan")),
                                 dict(quantity=True), dict(unit_cost=-1), dict(direction="up")])
def test_bad_movements_are_refused(bad):
    fields = dict(item="wool", direction=stock.IN, quantity=1, unit_cost=10) | bad
    with pytest.raises(stock.StockError):
        stock.Movement(**fields)


def test_stock_keeps_through_json():
    for item in example_items("ar"):
        assert stock.item_from_json(stock.item_to_json(item)) == item
    move = stock.Movement("wool", stock.IN, 2.5, 48, date(2026, 3, 4), "achat")
    assert stock.Movement.from_json(move.to_json()) == move


# -- year summary ---------------------------------------------------------------------------------

def test_year_summary_of_the_example():
    y = example_year()
    assert y.year == EXAMPLE_YEAR
    assert (y.total_income, y.total_expenses) == (31800, 15120)
    assert y.surplus == 16680                  # the cash surplus, the members' 1 000 DH of capital in it
    assert y.net_surplus == 14000              # the accountant's: what the AGM allocates
    assert y.carried_forward == 6000           # hidden test carried_forward (3 000 reserves, 5 000 members)
    assert y.closing_balance == 17480          # hidden test year_end_cash
    assert y.income["sale"] == 29500 and y.expenses["purchase"] == 12060
    assert len(y.monthly()) == 12 and y.missing_months() == []
    assert sum(row[3] for row in y.monthly()) == y.surplus


def test_year_summary_from_cash_book_lines_matches_the_monthly_totals():
    entries = [entry(2, "in", 1500, "sale", month=1), entry(4, "out", 450, "purchase", month=1),
               entry(9, "in", 800, "sale", month=6), entry(9, "out", 60, "transport", month=6),
               entry(1, "in", 5, "sale", month=6, year=2025)]
    y = ys.from_entries(2026, 100, entries)
    assert list(y.months) == [1, 6]
    assert (y.total_income, y.total_expenses, y.surplus, y.closing_balance) == (2300, 510, 1790, 1890)
    assert y.missing_months() == [2, 3, 4, 5, 7, 8, 9, 10, 11, 12]
    same = ys.from_month_totals(2026, 100, summary.by_month(entries, 2026))
    assert same == y


def test_proposed_use_cannot_exceed_the_surplus():
    y = example_year(with_allocations=False)
    ok = y.with_allocations([ys.Allocation("reserve", 3000), ys.Allocation("members", 11000)])
    assert ok.carried_forward == 0
    with pytest.raises(ys.SummaryError) as err:  # the cash surplus (16 680) is not what is allocated
        y.with_allocations([ys.Allocation("reserve", 15000)])
    assert err.value.reason == "over_allocated"


def test_without_the_accountants_figure_the_proposal_is_checked_against_the_cash_surplus():
    y = ys.YearSummary(2026, 0, {1: summary.Totals({"sale": 1000}, {"purchase": 400})})
    assert y.to_allocate == 600 and y.with_allocations([ys.Allocation("reserve", 600)]).carried_forward == 0
    netted = ys.YearSummary.from_json({**y.to_json(), "net_surplus": 500})
    assert netted.to_allocate == 500 and netted.to_json()["net_surplus"] == 500
    with pytest.raises(ys.SummaryError):
        netted.with_allocations([ys.Allocation("reserve", 600)])


def test_a_deficit_is_carried_forward_and_cannot_be_shared_out():
    months = {1: summary.Totals({"sale": 100}, {"purchase": 400})}
    y = ys.from_month_totals(2026, 500, months)
    assert y.is_deficit and y.surplus == -300 and y.carried_forward == -300 and y.closing_balance == 200
    with pytest.raises(ys.SummaryError) as err:
        ys.from_month_totals(2026, 500, months, [ys.Allocation("members", 50)])
    assert err.value.reason == "allocated_in_deficit"


@pytest.mark.parametrize("kind, amount", [("dividend", 10), ("reserve", -5), ("reserve", float("nan"))])
def test_bad_allocations_are_refused(kind, amount):
    with pytest.raises(ys.SummaryError):
        ys.Allocation(kind, amount)


def test_months_are_one_to_twelve():
    with pytest.raises(ys.SummaryError):
        ys.YearSummary(2026, 0, {13: summary.Totals()})


def test_year_summary_keeps_through_json():
    y = example_year()
    again = ys.YearSummary.from_json(y.to_json())
    assert again == y and again.surplus == y.surplus and again.allocations == y.allocations


# -- corporate tax (CGI art. 6 and 7-I-A) ---------------------------------------------------------

def test_a_cooperative_that_processes_is_exempt_only_under_the_ceiling():
    from fadaa.widgets.bookkeeping import nour
    from fadaa.widgets.bookkeeping import tax

    assert tax.PROCESSING_TURNOVER_CEILING == 10_000_000   # not the 5 M DH of older texts
    assert tax.exempt_from_corporate_tax(processes=True, turnover_before_vat=nour.year().income["sale"])  # Nour weaves
    assert not tax.exempt_from_corporate_tax(processes=True, turnover_before_vat=10_000_000)
    assert tax.exempt_from_corporate_tax(processes=False, turnover_before_vat=25_000_000)  # raw products, unprocessed
    with pytest.raises(ValueError):
        tax.exempt_from_corporate_tax(processes=True, turnover_before_vat=-1)


def test_the_tax_step_states_the_ceiling_the_rule_uses():
    import json
    from conftest import REPO
    from fadaa.widgets.bookkeeping import tax

    notebook = REPO / "courses" / "fadaa" / "source" / "bookkeeping_4" / "year_summary.ipynb"
    step = next("".join(c["source"]) for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == "step_tax")
    millions = tax.PROCESSING_TURNOVER_CEILING // 1_000_000
    assert f"**{millions} millions de DH**" in step and f"{millions}\u2069 ملايين درهم" in step
    assert "novembre 2026" in step and "نونبر 2026" in step   # the figure's date, behind the ⓘ line
