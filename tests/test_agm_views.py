"""The AGM lessons' forms with her own notebook: what she types is kept, shared between the three
lessons, checked with the rules, and turned into her documents."""
import html
from datetime import date

import pytest

from conftest import pdf_text
from fadaa.widgets.agm import calendar_view, day_view, documents_view




@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_three_lessons_share_her_file_and_make_her_documents(lessons, lang):
    one = calendar_view.CalendarPlanner(lessons("agm_1", "calendar.ipynb", lang))
    one.card.name.value = "Tighza Argan"
    one.card.city.value = "Taroudant"
    one.year_end.value = date(2027, 8, 31)
    assert "29/02/2028" in one.feedback.value              # deadline, leap year
    one.notice.value = "trois"
    assert html.escape(one._("Please type a whole number of days, for example 15.")) in one.feedback.value
    one.notice.value = "21"
    one.agm_day.value = date(2028, 2, 12)
    assert "13/03/2028" in one.feedback.value              # filing: 30 days after her date
    assert "22/01/2028" in one.table.value                 # convocation: her statutes' 21 days
    assert "29/02/2028" in pdf_text(one.build_pdf())
    one.agm_day.value = date(2028, 3, 5)
    assert "fadaa-feedback-error" in one.feedback.value    # after the legal deadline: she is told she is late
    assert "05/03/2028" in one.table.value                 # and still gets her calendar

    lesson2 = lessons("agm_2", "documents.ipynb", lang)
    agm = documents_view.AgmFile(lesson2)
    convocation = documents_view.ConvocationForm(lesson2, agm)
    assert convocation.card.name.value == "Tighza Argan"   # carried from lesson 1
    convocation.day.value = date(2028, 2, 12)
    convocation.place.value = "Taroudant"
    text = pdf_text(convocation.build_pdf())
    assert "Tighza" in text and "12/02/2028" in text and "22/01/2028" in text
    moral = documents_view.MoralForm(lesson2, agm)
    moral.fields["activities"].value = "Argan 1200 L"
    money = documents_view.FinancialForm(lesson2, agm, moral)
    money.amounts["sale"].value = "30 000"
    money.amounts["purchase"].value = "12 500"
    money.amounts["use_reserve"].value = "20 000"
    assert "fadaa-feedback-error" in money.feedback.value  # more than the surplus
    money.amounts["use_reserve"].value = "5 000"
    assert money.feedback.value == "" and "17" in money.table.value
    text = pdf_text(money.build_pdf())
    assert "17 500 DH" in text and "12 500 DH" in text and "Argan 1200 L" in text

    lesson3 = lessons("agm_3", "the_day.ipynb", lang)
    agm3 = day_view.AgmFile(lesson3)
    statutes = day_view.StatutesForm(lesson3, agm3)
    members = day_view.MembersForm(lesson3, agm3)
    check = day_view.QuorumCheck(lesson3, agm3, statutes, members)
    votes = day_view.VotesForm(lesson3, agm3, statutes, members, check)
    assert members.day.value == date(2028, 2, 12)          # carried from lesson 2
    members.card.members.value = "12"
    members.names.value = "Rachida\nHanane\nMina"
    assert "Rachida" in pdf_text(members.build_pdf())
    statutes.first.kind.value = day_view.AT_LEAST
    statutes.first.numerator.value, statutes.first.denominator.value = 2, 3
    statutes.majority.kind.value = day_view.MORE_THAN
    check.present.value, check.represented.value = "6", "1"
    assert "fadaa-feedback-wrong" in check.result.value    # 7 < 8
    check.represented.value = "2"
    assert "fadaa-feedback-right" in check.result.value
    whole = html.escape(lesson3._("Please type a whole number, for example 25."))
    statutes.max_proxies.value = "deux"
    assert whole in statutes.feedback.value
    statutes.max_proxies.value = "0"
    assert "fadaa-feedback-wrong" in check.result.value    # her statutes allow no proxy
    check.present.value = "20"
    assert "fadaa-feedback-error" in check.result.value    # more than her 12 members
    check.present.value = "six"
    assert whole in check.result.value
    check.present.value = "6"
    row = votes.rows[1][1]
    row[0].value, row[1].value, row[2].value = "5", "2", "1"
    assert "✅" in votes.result.value
    row[0].value = "cinq"
    assert whole in votes.result.value
    row[0].value = "9"
    assert "fadaa-feedback-error" in votes.result.value    # 12 votes, 8 voters
    row[0].value = "5"
    text = pdf_text(votes.build_pdf())
    assert "2/3" in text and "Tighza" in text


def test_financial_report_reads_her_bookkeeping_year_summary(lessons):
    import json
    import nbformat
    from fadaa.widgets.bookkeeping.summary import Totals
    from fadaa.widgets.bookkeeping.year_summary import YearSummary

    lesson2 = lessons("agm_2", "documents.ipynb", "fr")
    summary = YearSummary(2027, 500, {3: Totals({"sale": 9000}, {"purchase": 4000})}, net_surplus=4500)
    book = nbformat.v4.new_notebook(metadata={"fadaa": {"year_summary": summary.to_json()}})
    path = lesson2.store.path.parent.parent / "bookkeeping_4" / "year_summary.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(book))
    agm = documents_view.AgmFile(lesson2)
    money = documents_view.FinancialForm(lesson2, agm, documents_view.MoralForm(lesson2, agm))
    assert "sale" not in money.amounts                      # nothing to type: taken from module 2
    assert money.report().surplus == 5000 and money.report().from_bookkeeping
    assert money.report().net_surplus == 4500               # the accountant's figure she wrote in module 2
    money.amounts["use_reserve"].value = "4 800"
    assert "fadaa-feedback-error" in money.feedback.value   # the net surplus is what is shared, not the cash one
    money.amounts["use_reserve"].value = "1 500"
    assert money.report().carried_forward == 3000
    assert "module Comptabilité" in pdf_text(money.build_pdf())


def test_a_checkpoints_answer_is_not_printed_above_it():
    """agm_2 asks for Nour's cash surplus: the table above the question shows money in and out, the
    whole report (surplus, net surplus, carried forward) comes after the checkpoints."""
    from fadaa.core import i18n
    from fadaa.widgets.agm import examples

    _ = i18n.gettext_for("fr")
    report = examples.financial_report()
    above = documents_view.financial_html(report, "fr", _, results=False)
    whole = documents_view.financial_html(report, "fr", _)
    surplus, carried = (i18n.format_amount(v, "fr") for v in (report.surplus, report.carried_forward))
    assert i18n.format_amount(report.total_income, "fr") in above
    assert surplus not in above and carried not in above
    assert surplus in whole and carried in whole
