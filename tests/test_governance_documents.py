"""What the governance lessons leave her with, read back: the board sheet (PDF), the members
register (XLSX, with openpyxl) and the moral report draft (Word and PDF). Her figures, the words
of her language, Arabic shaped, in reading order and right to left."""
import io
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

from fadaa.widgets.agm.examples import cooperative
from fadaa.widgets.governance import documents as d
from fadaa.widgets.governance import examples
from fadaa.widgets.governance.moral_draft import draft_from
from fadaa.widgets.governance.registers import MembersRegister
from conftest import pdf_text

WORDS = {  # a few words each document must say in each language
    "board": (["Conseil d'administration et mandats", "Trésorière ou trésorier", "Renouvellement",
               "Vérifiez auprès de l'ODCO ou dans vos statuts."],
              ["مجلس الإدارة والولايات", "أمين(ة) المال", "التجديد", "تحققوا لدى مكتب تنمية التعاون"]),
    "moral": (["Rapport moral (projet)", "L'année en chiffres", "dont ventes", "quitus", "Membres entrés"],
              ["التقرير الأدبي", "مسودة", "أولا: السنة بالأرقام لسنة", "منها المبيعات", "إبراء ذمته",
               "الأعضاء الجدد"]),
}


def her_register(lang: str) -> MembersRegister:
    names = ("Samira Tazi", "Nadia Berrada") if lang == "fr" else ("سميرة التازي", "نادية برادة")
    return (MembersRegister(100).with_member(names[0], date(2026, 3, 2), 3, 300)
            .with_member(names[1], date(2019, 4, 20), 2, 150))


def her_draft(lang: str, with_register: bool = True):
    coop = cooperative(lang)
    agm = {"cooperative": {"name": coop.name, "city": coop.city, "members": 40, "president": coop.president},
           "meeting": {"day": "2027-05-22"}, "calendar": {"year_end": "2026-12-31"},
           "moral": {"activities": "Tapis vendus au salon de Khénifra" if lang == "fr" else "زرابي بيعت في معرض خنيفرة"},
           "money": {"sale": "36450", "contribution": "1350", "purchase": "19800"}}
    return draft_from(agm, None, her_register(lang) if with_register else None, examples.board(lang))


def board_pdf(lang: str) -> bytes:
    return d.board_sheet_document(lang, cooperative(lang), examples.board(lang), examples.ASSEMBLY_DAY)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_board_sheet_holds_her_board_with_renewal_dates(lang):
    text = pdf_text(board_pdf(lang))
    for word in WORDS["board"][0 if lang == "fr" else 1]:
        assert word in text, word
    assert WORDS["board"][1 if lang == "fr" else 0][0] not in text
    for mandate in examples.board(lang):
        assert mandate.name in text
    for day in ("18/05/2027", "24/05/2028", "20/05/2029", "22/05/2027"):   # renewals and her assembly
        assert day in text
    assert text.count("*") == 3        # two mandates to renew are marked, and the note that says why


def test_arabic_board_sheet_reads_right_to_left_with_dates_left_to_right():
    lines = pdf_text(board_pdf("ar"), keep_lines=True).splitlines()
    treasurer = next(line for line in lines if "زهرة العمراني" in line)
    # the first column (role) stands at the right, the renewal date at the left; digits keep their order
    assert treasurer.index("18/05/2027") < treasurer.index("زهرة العمراني")
    assert "\ufe8d" not in "".join(lines)       # no isolated presentation forms: letters are joined


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_members_register_workbook_holds_her_members_and_capital(lang):
    data = d.register_workbook(lang, cooperative(lang), her_register(lang))
    book = load_workbook(io.BytesIO(data))
    members, summary = book.worksheets
    assert members.title == ("Registre des membres" if lang == "fr" else "سجل الأعضاء")
    assert members.sheet_view.rightToLeft is (lang == "ar")
    rows = list(members.iter_rows(values_only=True))
    assert rows[0][:4] == (("N°", "Nom et prénom", "Entrée le", "Parts sociales") if lang == "fr"
                           else ("الرقم", "الاسم الكامل", "تاريخ الانخراط", "الحصص"))
    assert [row[1] for row in rows[1:]] == [m.name for m in her_register(lang).members]
    assert rows[1][3:7] == (3, 300, 300, 0) and rows[2][3:7] == (2, 200, 150, 50)   # shares, subscribed, paid, due
    assert members.cell(row=2, column=5).number_format == '#,##0.00 "DH"'
    values = {row[0]: row[1] for row in summary.iter_rows(values_only=True)}
    assert values[book.worksheets[1].cell(row=5, column=1).value] == 500      # capital subscribed
    assert cooperative(lang).name in values.values()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_moral_report_pdf_holds_her_year(lang):
    text = pdf_text(d.moral_report_document(lang, her_draft(lang)))
    for word in WORDS["moral"][0 if lang == "fr" else 1]:
        assert word in text, word
    assert WORDS["moral"][1 if lang == "fr" else 0][0] not in text
    for amount in ("37 800 DH", "36 450 DH", "19 800 DH", "18 000 DH"):   # in, sales, out, surplus
        assert amount in text, amount
    assert "22/05/2027" in text and "2026" in text
    for word in her_draft(lang).moral.activities.split():
        assert word in text
    for name in ("Zahra Amrani", "Aïcha Bennani") if lang == "fr" else ("زهرة العمراني", "عائشة بناني"):
        assert name in text       # the mandates this assembly renews


def test_arabic_moral_report_keeps_amounts_left_to_right():
    text = pdf_text(d.moral_report_document("ar", her_draft("ar")))
    assert "DH 37" not in text and "37 800 DH" in text
    assert "يطلب المجلس من الجمع العام المصادقة على هذا التقرير" in text   # shaped, in reading order
    assert "," not in text and "، " in text      # her board listed with the Arabic comma


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_moral_report_word_file_is_hers_and_right_to_left_in_arabic(lang):
    document = docx.Document(io.BytesIO(d.moral_report_document(lang, her_draft(lang), fmt="docx")))
    text = " ".join(" ".join([p.text for p in document.paragraphs]
                             + [c.text for t in document.tables for row in t.rows for c in row.cells]).split())
    assert cooperative(lang).name in text and "37 800" in text
    for word in WORDS["moral"][0 if lang == "fr" else 1]:
        assert word in text, word
    bidi = [p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in document.paragraphs if p.text.strip()]
    assert all(bidi) if lang == "ar" else not any(bidi)


def test_a_draft_without_register_leaves_the_members_who_joined_out():
    text = pdf_text(d.moral_report_document("fr", her_draft("fr", with_register=False)))
    assert "Membres entrés" not in text and "Membres à la fin de l'année 40" in text
