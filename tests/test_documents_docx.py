"""The convocation and the minutes also come as Word files the board can edit: they open with
python-docx, hold her cooperative's data and words, and Arabic is marked right to left."""
import io
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn

from fadaa.widgets.agm import documents as docs
from fadaa.widgets.agm import quorum as q
from fadaa.widgets.agm.records import Attendance, Decision, Meeting
from agm_examples import COOP, PLACE, WORDS


def word_file(kind: str, lang: str) -> docx.document.Document:
    coop, agenda = COOP[lang], docs.default_agenda(lang)
    meeting = Meeting(date(2027, 6, 12), "09:30", PLACE[lang], agenda, call=1)
    if kind == "convocation":
        data = docs.convocation_document(lang, coop, meeting, 21, fmt="docx")
    else:
        rule = q.Threshold(2, 3)
        result = q.quorum(27, 15, 3, rule)
        data = docs.minutes_document(lang, coop, meeting, Attendance(15, 3, 27, result.required, result.met), rule,
                                     [Decision(agenda[1], q.tally_counts(16, 1, 1, 18), True),
                                      Decision(agenda[2], q.tally_counts(8, 9, 1, 18), False)],
                                     q.MajorityRule(q.Threshold(1, 2, strict=True)), fmt="docx")
    assert data.startswith(b"PK")  # a zip, as every .docx
    return docx.Document(io.BytesIO(data))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("kind", ["convocation", "minutes"])
def test_word_file_holds_her_data_in_her_language(kind, lang):
    document = word_file(kind, lang)
    text = all_text(document)
    assert COOP[lang].name in text
    for word in WORDS[kind][0 if lang == "fr" else 1]:
        assert word in text, word
    right_to_left = [p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None
                     for p in document.paragraphs if p.text.strip()]
    assert all(right_to_left) if lang == "ar" else not any(right_to_left)
