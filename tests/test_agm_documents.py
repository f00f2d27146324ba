"""The AGM papers (calendar, convocation, reports, attendance sheet, minutes) as PDF: each opens
with pypdf and holds her cooperative's data and the right words in her language, Arabic shaped."""
from datetime import date

import pytest

from fadaa.widgets.agm import calendar as cal
from fadaa.widgets.agm import documents as docs
from fadaa.widgets.agm import quorum as q
from fadaa.widgets.agm.records import Attendance, Decision, Meeting
from fadaa.widgets.agm.reports import MoralReport, from_figures
from fadaa.widgets.bookkeeping.year_summary import Allocation
from agm_examples import COOP, NAMES, PLACE, WORDS
from conftest import pdf_text


def build(kind: str, lang: str) -> bytes:
    coop = COOP[lang]
    agenda = docs.default_agenda(lang)
    meeting = Meeting(date(2027, 6, 12), "09:30", PLACE[lang], agenda, call=1)
    if kind == "calendar":
        return docs.calendar_document(lang, coop, cal.schedule(date(2026, 12, 31), date(2027, 6, 12), 21))
    if kind == "convocation":
        return docs.convocation_document(lang, coop, meeting, 21)
    if kind == "reports":
        money = from_figures("2026", {"sale": 36_450, "contribution": 1_350}, {"purchase": 19_800, "transport": 1_200},
                             [Allocation("reserve", 5_000), Allocation("members", 7_000)])
        moral = MoralReport(activities="Huile d'argan 1 200 litres" if lang == "fr" else "زيت الأركان 1200 لتر")
        return docs.reports_document(lang, coop, moral, money)
    if kind == "attendance":
        return docs.attendance_document(lang, coop, meeting, NAMES[lang])
    rule = q.Threshold(2, 3)
    result = q.quorum(27, 15, 3, rule)
    majority = q.MajorityRule(q.Threshold(1, 2, strict=True))
    decisions = [Decision(agenda[1], q.tally_counts(16, 1, 1, 18), True),
                 Decision(agenda[2], q.tally_counts(8, 9, 1, 18), False)]
    return docs.minutes_document(lang, coop, meeting, Attendance(15, 3, 27, result.required, result.met),
                                 rule, decisions, majority)


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("kind", list(WORDS))
def test_document_holds_her_data_and_the_words_of_her_language(kind, lang):
    data = build(kind, lang)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    coop = COOP[lang]
    for word in coop.name.split():
        assert word in text
    for word in WORDS[kind][0 if lang == "fr" else 1]:
        assert word in text, (kind, lang, word)
    other = WORDS[kind][1 if lang == "fr" else 0][0]
    assert other not in text  # not the other language's title


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_dates_and_figures_are_hers(lang):
    calendar = pdf_text(build("calendar", lang))
    for day in ("31/12/2026", "12/06/2027", "30/06/2027", "12/07/2027", "22/05/2027"):
        assert day in calendar  # year end, her AGM, deadline, filing, convocation (21 days before)
    convocation = pdf_text(build("convocation", lang))
    assert "12/06/2027" in convocation and "09:30" in convocation and "22/05/2027" in convocation
    for word in PLACE[lang].split():
        assert word in convocation
    reports = pdf_text(build("reports", lang))
    for amount in ("37 800 DH", "21 000 DH", "16 800 DH", "5 000 DH", "7 000 DH", "4 800 DH"):
        assert amount in reports, amount
    attendance = pdf_text(build("attendance", lang))
    for name in NAMES[lang]:
        for word in name.split():
            assert word in attendance
    minutes = pdf_text(build("minutes", lang))
    assert "2/3" in minutes and "18" in minutes and "27" in minutes
    for word in COOP[lang].president.split() + COOP[lang].secretary.split():
        assert word in minutes


def test_arabic_amounts_read_left_to_right():
    assert "DH 36" not in pdf_text(build("reports", "ar"))  # never "DH 36 450"


def test_arabic_is_shaped_and_right_to_left():
    text = pdf_text(build("convocation", "ar"))
    assert "استدعاء لحضور الجمع العام العادي" in text   # letters joined, in reading order
    assert "\ufe8d" not in text                           # no isolated presentation forms left over


def test_minutes_when_the_quorum_is_not_met():
    coop, rule = COOP["fr"], q.Threshold(1, 2)
    result = q.quorum(27, 10, 2, rule)
    data = docs.minutes_document("fr", coop, Meeting(date(2027, 6, 12), "", "", ["Rapport moral"]),
                                 Attendance(10, 2, 27, result.required, result.met), rule, [], None)
    text = pdf_text(data)
    assert "n'est pas atteint" in text.replace("’", "'") and "14 membres" in text


@pytest.mark.parametrize("lang, late", [("fr", "en retard"), ("ar", "متأخر")])
def test_a_late_assembly_gets_its_calendar_saying_it_is_late(lang, late):
    plan = cal.schedule(date(2026, 12, 31), date(2027, 9, 15), 21)
    text = pdf_text(docs.calendar_document(lang, COOP[lang], plan))
    assert "15/09/2027" in text and late in text
    assert late not in pdf_text(docs.calendar_document(lang, COOP[lang], cal.schedule(date(2026, 12, 31), date(2027, 6, 12), 21)))
