"""Reminders for late learners through ``fadaa remind`` and ``fadaa assign --learner``, files read back:
the SMS gateway's CSV, the WhatsApp page, and the learner whose extra time takes her off the list."""
from __future__ import annotations

import datetime as dt
import html
import io
import math
import re
from urllib.parse import unquote

import pandas as pd
import phonenumbers
import pytest

from fadaa.grading import sms
from fadaa.grading.cli import main
from fadaa.grading.names import ModuleTitles
from fadaa.grading.progress import Progress
from fadaa.grading.reminders import COLUMNS, late_reminders, sms_csv
from fadaa.views.coordinator_dashboard import CoordinatorDashboard
from fadaa.views.place import Place
from fadaa.views.trainer_desk import TrainerDesk
from fadaa.core.i18n import format_day
from conftest import COURSE
from course_fixtures import COURSE_ID
from late_class import DUE, LATER, UNALLOCATED, late_class


@pytest.fixture
def fadaa(db_url, tmp_path, capsys):
    """``fadaa`` over the late class; returns (exit code, what it printed)."""
    late_class(db_url, tmp_path)

    def run(*args: str) -> tuple[int, str]:
        code = main(["--course", str(COURSE), "--db-url", db_url, *args])
        printed = capsys.readouterr()
        return code, printed.out + printed.err
    return run


def read_sms_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False).set_index("name")


def test_the_sms_csv_has_her_number_as_e164_and_her_message_in_her_language(fadaa, tmp_path):
    code, printed = fadaa("remind", "--format", "sms", "-o", str(tmp_path / "sms.csv"))
    assert code == 0
    raw = (tmp_path / "sms.csv").read_bytes()
    assert raw.startswith(b"phone,message,")  # what a gateway maps, first, with no BOM
    table = read_sms_csv(raw)

    for phone in table.phone:
        number = phonenumbers.parse(phone, None)
        assert phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == "MA"
        assert phone == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    assert table.phone.to_dict() == {"Fatima Zahra": "+212612345678", "خديجة بنعلي": "+212661234567",
                                     "'=HYPERLINK(\"http://x\")": "+212712345678", "عائشة أوعلي": "+212698765432"}

    day_fr, day_ar = format_day(DUE, "fr", year=False), format_day(DUE, "ar", year=False)
    fatima, khadija = table.loc["Fatima Zahra"], table.loc["خديجة بنعلي"]
    assert fatima.message == (f'Fadaa : le module "Le cahier de caisse" et d\'autres sont en retard depuis le '
                              f"{day_fr}. Terminez-les et envoyez-les.")
    assert fatima.late_modules == "Le cahier de caisse; Calculer le prix de vente"
    assert table.loc["عائشة أوعلي"].message == f"فضاء: فات أجل دفتر الصندوق يوم {day_ar}. أكمليه وأرسليه."
    assert khadija.module == "دفتر الصندوق" and khadija.due_date == DUE.strftime("%Y-%m-%d")
    assert not re.search("[\u0660-\u0669]", "".join(table.message))  # Western digits in Arabic too

    for row in table.itertuples():
        units = len(row.message.encode("utf-16-le")) // 2
        expected = (1 if len(row.message) <= 160 else math.ceil(len(row.message) / 153)) if sms.is_gsm(row.message) \
            else (1 if units <= 70 else math.ceil(units / 67))
        assert int(row.segments) == expected
    assert int(table.loc["عائشة أوعلي"].segments) == 1  # an Arabic reminder in one SMS of 70 characters
    assert int(fatima.segments) == 1 and sms.is_gsm(fatima.message)  # French stays GSM-7: 160 characters

    # nobody silently left out: no number, and a number no operator has
    assert "2 " in printed and "نعيمة الوزاني (Coop Nour), دفتر الصندوق: -" in printed
    assert f"سعاد التازي (Coop Nour), دفتر الصندوق: {UNALLOCATED}" in printed
    assert "4 rappels (4 SMS) écrits" in printed


def test_her_extra_time_takes_her_off_the_reminders_and_off_late(fadaa, tmp_path, db_url):
    code, _printed = fadaa("remind", "--module", "bookkeeping_1", "-o", str(tmp_path / "before.csv"))
    assert "عائشة أوعلي" in read_sms_csv((tmp_path / "before.csv").read_bytes()).index

    code, printed = fadaa("assign", "bookkeeping_1", "--learner", "ou", "--due", LATER.strftime("%Y-%m-%d"))
    assert code == 0 and printed.strip() == f"bookkeeping_1 : nouvelle date limite pour عائشة أوعلي, " \
                                            f"{LATER.strftime('%Y-%m-%d')} 23:59."

    fadaa("remind", "--module", "bookkeeping_1", "-o", str(tmp_path / "after.csv"))
    after = read_sms_csv((tmp_path / "after.csv").read_bytes())
    assert "عائشة أوعلي" not in after.index and "خديجة بنعلي" in after.index
    progress = Progress(db_url, COURSE_ID)
    hers = progress.learner_modules(student_id="ou", module="bookkeeping_1").iloc[0]
    assert (hers.status, hers.duedate) == ("released", LATER)
    assert progress.dashboard(module="bookkeeping_1").by_module.late.item() == 5  # the six late, less her
    _code, shown = fadaa("progress", "--cooperative", "Coop Nour", "--module", "bookkeeping_1")
    assert re.search(r"Le cahier de caisse\s+0\s+1\s+0\s+2", shown)  # not released, released (her), started, late


def test_extra_time_for_work_she_was_not_given_or_for_nobody_is_refused(fadaa):
    code, printed = fadaa("assign", "selling_1", "--learner", "ou", "--due", "2030-01-01")
    assert code == 1 and "selling_1 n'a pas été donné à عائشة أوعلي : donnez-le d'abord." in printed
    code, printed = fadaa("--lang", "ar", "assign", "selling_1", "--learner", "zz", "--due", "2030-01-01")
    assert code == 1 and "لا أحد في اللائحة يحمل المعرف zz." in printed


def test_the_whatsapp_page_links_each_late_learner_with_her_message(fadaa, tmp_path):
    fadaa("remind", "--format", "sms", "-o", str(tmp_path / "sms.csv"))
    sent = read_sms_csv((tmp_path / "sms.csv").read_bytes())
    code, _printed = fadaa("--lang", "ar", "remind", "--format", "whatsapp", "-o", str(tmp_path / "wa.html"))
    assert code == 0
    page = (tmp_path / "wa.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html><html lang="ar" dir="rtl">')
    assert "Rappels aux apprenantes en retard" in page and "تذكير المستفيدات المتأخرات" in page  # both languages

    links = {}
    for item in re.findall(r"<li (.*?)</li>", page.split('<ul class="no-phone">')[0], re.S):
        number, text = re.search(r'href="https://wa\.me/(\d+)\?text=([^"]+)"', item).groups()
        links[number] = (unquote(html.unescape(text)), re.match(r'lang="(\w+)" dir="(\w+)"', item).groups())
    assert {f"+{n}" for n in links} == set(sent.phone)
    for row in sent.itertuples():
        text, (lang, direction) = links[row.phone.lstrip("+")]
        assert text == row.message
        assert direction == ("rtl" if lang == "ar" else "ltr") and lang == row.lang
    missing = page.split('<ul class="no-phone">')[1]
    assert "نعيمة الوزاني" in missing and UNALLOCATED in missing and "Fatima" not in missing


@pytest.mark.parametrize("text, expected", [
    ("a" * 160, 1), ("a" * 161, 2), ("a" * 306, 2), ("a" * 307, 3),  # GSM-7: 160, then 153 a part
    ("€" * 80, 1), ("€" * 81, 2),  # the extension table takes two places
    ("a" * 152 + "€" + "a" * 10, 2),  # an escaped character is not split between parts
    ("ب" * 70, 1), ("ب" * 71, 2), ("ب" * 134, 2), ("ب" * 135, 3),  # UCS-2: 70, then 67 a part
    ("a" * 159 + "ç", 3),  # one character outside GSM-7 makes the whole message UCS-2
    ("😀" * 35, 1), ("a" * 66 + "😀" + "a" * 3, 2),  # a surrogate pair is two units, never split
])
def test_sms_parts_are_counted_as_gateways_bill_them(text, expected):
    assert sms.segments(text) == expected


def test_the_desks_form_gives_time_and_the_dashboards_buttons_follow(db_url, tmp_path):
    """The views over the same functions: the trainer gives time on his desk, the coordinator's
    reminder buttons (under her filters) no longer name who got it."""
    late_class(db_url, tmp_path)
    place = Place(COURSE, COURSE_ID, db_url, None)
    desk = TrainerDesk("ar", place)
    form = desk.extension
    assert ("👤 عائشة أوعلي (ou)", ("learner", "ou")) in form.who.options
    assert ("👥 Coop Tifawin", ("cooperative", "Coop Tifawin")) in form.who.options
    assert form.module.options == (("دفتر الصندوق", "bookkeeping_1"), ("حساب ثمن البيع", "selling_1"))

    form.who.value, form.module.value, form.due.value = ("learner", "ou"), "bookkeeping_1", LATER.date()
    her_status = "عائشة أوعلي</td><td>Coop Nour</td><td>[^<]*</td><td>{}"
    assert re.search(her_status.format("⏰"), desk.nudge.value)
    form.button.click()
    assert f"دفتر الصندوق: أجل جديد لـ <bdi>عائشة أوعلي</bdi>، {format_day(LATER, 'ar')}." in form.message.value
    assert re.search(her_status.format("📘"), desk.nudge.value)  # on his list still, as given and not started
    form.who.value, form.module.value = ("cooperative", "Coop Tifawin"), "selling_1"
    form.button.click()
    assert "Coop Tifawin" in form.message.value

    board = CoordinatorDashboard("fr", place)
    board.filters["cooperative"].value = "Coop Nour"
    assert read_sms_csv(board.reminders.buttons["sms"].make()).empty  # ou has time; the others have no number
    assert "نعيمة الوزاني" in board.reminders.no_phone.value and UNALLOCATED in board.reminders.no_phone.value
    board.filters["cooperative"].value = "Coop Tifawin"
    assert board.reminders.no_phone.value == ""  # the filters changed: a new file is made on the next tap
    tifawin = read_sms_csv(board.reminders.buttons["sms"].make())
    assert set(tifawin.late_modules) == {"Le cahier de caisse", "دفتر الصندوق"}  # selling_1 has more time
    assert "Toutes les apprenantes en retard ont un numéro de téléphone valide." in board.reminders.no_phone.value
    page = board.reminders.buttons["whatsapp"].make().decode()
    assert page.count("https://wa.me/212") == 3


def test_nobody_late_gives_a_gateway_file_with_its_header_only(db_url, tmp_path):
    late_class(db_url, tmp_path)
    found = late_reminders(Progress(db_url, COURSE_ID), ModuleTitles.read(COURSE / "source"), now=DUE - dt.timedelta(days=1))
    assert found.to_send.empty and found.no_phone.empty
    assert sms_csv(found).decode() == ",".join(COLUMNS) + "\r\n"
