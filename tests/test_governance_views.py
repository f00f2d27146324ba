"""The governance lessons' forms with her own notebooks: they start from what she wrote in the AGM
lessons, keep what she types in her notebook, say what is wrong in her language, and the last
lesson's moral report draft is built from her AGM, bookkeeping and governance answers."""
import html
import io
import json
import re
from datetime import date

import nbformat
import pytest
from openpyxl import load_workbook

from conftest import COURSE, pdf_text
from fadaa.widgets.agm import day_view, documents_view
from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.bookkeeping.summary import Totals
from fadaa.widgets.bookkeeping.year_summary import YearSummary
from fadaa.widgets.governance import assembly_view, board_view, register_view


def her_agm_lessons(lessons, lang: str) -> None:
    """What she did in the AGM module: her cooperative, the moral report, the year's money, the day."""
    lesson2 = lessons("agm_2", "documents.ipynb", lang)
    agm = documents_view.AgmFile(lesson2)
    convocation = documents_view.ConvocationForm(lesson2, agm)
    convocation.card.name.value = "Tighza Argan"
    convocation.card.members.value = "12"
    convocation.card.president.value = "Fadma Aït Brahim"
    convocation.card.secretary.value = "Rachida Oubaha"
    convocation.day.value = date(2027, 6, 12)
    moral = documents_view.MoralForm(lesson2, agm)
    moral.fields["activities"].value = "Argan 1200 L vendus"
    money = documents_view.FinancialForm(lesson2, agm, moral)
    money.amounts["sale"].value = "30 000"
    money.amounts["contribution"].value = "600"
    money.amounts["purchase"].value = "12 500"
    lesson3 = lessons("agm_3", "the_day.ipynb", lang)
    members = day_view.MembersForm(lesson3, day_view.AgmFile(lesson3))
    members.names.value = "Fadma Aït Brahim\nRachida Oubaha\nMina Id Ali"


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_three_lessons_build_on_her_agm_answers_and_make_her_documents(lessons, lang):
    her_agm_lessons(lessons, lang)

    # lesson 1: her board, starting from the names she gave in the AGM lessons
    one = lessons("governance_1", "board.ipynb", lang)
    board = board_view.BoardForm(one, today=date(2026, 11, 30))
    assert board.card.name.value == "Tighza Argan"
    assert board.assembly.value == date(2027, 6, 12)
    rows = board.rows_box.children
    assert [(r.role.value, r.name.value) for r in rows] == [
        ("president", "Fadma Aït Brahim"), ("treasurer", ""), ("secretary", "Rachida Oubaha")]
    rows[0].elected.value = date(2024, 6, 8)
    rows[1].name.value = "Mina Id Ali"
    rows[1].elected.value = date(2025, 6, 14)
    rows[2].elected.value = date(2024, 6, 8)
    board.term.value = "trois"
    assert html.escape(one._("Type the length of a mandate in whole years, for example 3.")) in board.feedback.value
    board.term.value = "3"
    assert board.table.value.count("🔔") == 2          # president and secretary end on 08/06/2027
    assert "08/06/2027" in board.table.value and "14/06/2028" in board.table.value
    board.add_row("member", "Hanane", date(2027, 1, 1))
    board.rows_box.children[-1].name.value = "Hanane Ait"
    assert html.escape(one._("The election date cannot be in the future.")) in board.feedback.value
    board.rows_box.children[-1].elected.value = date(2026, 6, 13)
    assert board.feedback.value == "" and board.table.value.count("🔔") == 2
    text = pdf_text(board.build_pdf())
    assert "Tighza Argan" in text and "Mina Id Ali" in text and "08/06/2027" in text and "13/06/2029" in text
    saved = AnswerStore(one.store.path).load_data("board")
    assert saved["term_years"] == "3" and len(saved["mandates"]) == 4
    rows[2].name.value = "Rachida Oubaha Id"                   # her secretary's full name, corrected on the board
    agm_card = AnswerStore(one.store.path).load_data("agm")["cooperative"]   # her AGM file, in this notebook
    assert (agm_card["president"], agm_card["secretary"]) == ("Fadma Aït Brahim", "Rachida Oubaha Id")

    # a second visit shows what she typed
    again = board_view.BoardForm(lessons("governance_1", "board.ipynb", lang), today=date(2026, 11, 30))
    assert [r.name.value for r in again.rows_box.children][-1] == "Hanane Ait" and again.term.value == "3"

    # lesson 2: her register, starting from her attendance list
    two = lessons("governance_2", "registers.ipynb", lang)
    register = register_view.RegisterEditor(two)
    assert [m.name for m in register.register.members] == ["Fadma Aït Brahim", "Rachida Oubaha", "Mina Id Ali"]
    assert "fadaa-feedback-saved" in register.source.value
    register.share_value.value = "cent"
    assert html.escape(two._("Type the value of one share written in your statutes, for example 100.")) \
        in register.feedback.value
    register.share_value.value = "100"
    register.line.value = 1
    assert register.name.value == "Fadma Aït Brahim"
    register.shares.value, register.paid.value, register.joined.value = "5", "500", date(2019, 3, 1)
    assert register.keep_line()
    register.line.value = register_view.NEW
    register.name.value, register.shares.value, register.paid.value = "Hanane Ait", "2", "150"
    register.joined.value = date(2026, 6, 13)
    register.left.value = date(2026, 1, 1)
    assert not register.keep_line()
    assert html.escape(two._("She cannot leave before she joined.")) in register.feedback.value
    register.left.value = None
    assert register.keep_line()
    reg = register.register
    assert (len(reg.members), reg.capital_subscribed, reg.capital_paid) == (4, 900, 650)
    assert "900 DH" in register.table.value.replace("\u202f", " ").replace("\u00a0", " ")
    book = load_workbook(io.BytesIO(register.build_xlsx()))
    names = [row[1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert names == ["Fadma Aït Brahim", "Rachida Oubaha", "Mina Id Ali", "Hanane Ait"]
    register.line.value = register_view.NEW
    register.name.value, register.shares.value, register.paid.value = "Zineb", "1", "250"
    register.joined.value, register.left.value = None, None
    assert register.keep_line() and "Zineb" in register.feedback.value   # paid more than one share is worth

    # lesson 3: her extraordinary rule, and the moral report from everything she wrote
    three = lessons("governance_3", "assemblies.ipynb", lang)
    agm = documents_view.AgmFile(three)
    rule = assembly_view.ExtraordinaryRule(three, agm)
    rule.majority.kind.value = day_view.AT_LEAST
    rule.majority.numerator.value, rule.majority.denominator.value = 3, 4
    rule.voters.value = "10"
    assert "fadaa-feedback-right" in rule.feedback.value   # 3/4 of 10 -> 8; Arabic says "number: 8" (agrees with any n)
    assert re.search(r"(?<!\d)8(?!\d)", rule.feedback.value.replace("10", ""))
    view = assembly_view.MoralDraftView(three, agm)
    assert view.moral.fields["activities"].value == "Argan 1200 L vendus"   # her AGM lesson 2 text
    assert "fadaa-feedback-right" in view.sources.value and "register" not in view.draft().missing()
    view.moral.fields["difficulties"].value = "Le prix de l'huile a baissé"
    assert AnswerStore(three.store.path).load_data("agm")["moral"]["difficulties"] \
        == "Le prix de l'huile a baissé"                            # kept in her AGM file
    text = pdf_text(view.build("pdf"))
    for expected in ("Tighza Argan", "Argan 1200 L vendus", "Le prix de l'huile a baissé", "30 600 DH", "18 100 DH",
                     "12/06/2027", "Fadma Aït Brahim", "Rachida Oubaha Id", "Mina Id Ali"):
        assert expected in text, expected
    assert view.build("docx").startswith(b"PK")


def test_the_moral_report_prefers_her_bookkeeping_year_summary(lessons):
    three = lessons("governance_3", "assemblies.ipynb", "fr")
    summary = YearSummary(2026, 500, {3: Totals({"sale": 9000}, {"purchase": 4000})})
    path = three.store.path.parent.parent / "bookkeeping_4" / "year_summary.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(nbformat.v4.new_notebook(metadata={"fadaa": {"year_summary": summary.to_json()}})))
    view = assembly_view.MoralDraftView(three, documents_view.AgmFile(three))
    assert view.draft().from_bookkeeping and "9 000" in view.figures.value.replace("\u202f", " ")
    missing = view.draft().missing()
    assert missing == ["register", "board", "moral"]                 # nothing done yet besides the books
    for gap in missing:
        assert html.escape(assembly_view.gap_words(three._)[gap]) in view.sources.value
    text = pdf_text(view.build("pdf"))
    assert "5 000 DH" in text and "module Comptabilité" in text


def test_examples_give_the_checkpoints_answers():
    assert (board_view.example_to_renew(), register_view.example_capital(), register_view.example_contributions(),
            assembly_view.example_votes_needed()) == (2, 1000, 1300, 14)


def test_the_kernel_zygote_preloads_what_the_governance_lessons_import():
    """A learner's first governance page should not wait for its views to import (see forked_kernels)."""
    import re
    from fadaa.server.forked_kernels import PRELOAD
    for notebook in sorted((COURSE / "source").glob("governance_*/*.ipynb")):
        setup = next(c.source for c in nbformat.read(notebook, as_version=4).cells
                     if c.metadata.get("nbgrader", {}).get("grade_id") == "setup")
        for package, names in re.findall(r"from (fadaa\.widgets\.governance) import (.+)", setup):
            for name in names.split(","):
                assert f"{package}.{name.strip()}" in PRELOAD, (notebook.name, name)
