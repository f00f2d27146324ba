"""Certificates that can be checked (issue #14): their codes, the record of issued and revoked
certificates, the QR code printed on the PDF, what the verification page says, `fadaa certificate`.
The real hub's pages are in tests/test_hub_certificates.py."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from fadaa.grading import certificates
from fadaa.grading.certificates import ALPHABET, LENGTH, Revoked
from fadaa.grading.cli import main as fadaa
from fadaa.grading.progress import ProgressRules
from fadaa.grading.roster import Learner, import_roster, write_roster
from fadaa.hub.issue_certificate import issue_pdf
from fadaa.views import verification
from fadaa.views.certificate import qr
from fadaa.views.place import Place
from conftest import pdf_text
from course_fixtures import ASSIGNMENT, COURSE_ID, record_pass

TITLE = {"fr": "Tenir le cahier de caisse", "ar": "مسك دفتر الصندوق"}
DAY = dt.date(2026, 11, 20)
VERIFY = "https://fadaa.example.ma/hub/verify/"


@pytest.fixture
def hub_db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'hub.sqlite'}"


@pytest.fixture
def engine(hub_db):
    return certificates.open_certificates(hub_db)


def naima(engine, module: str = "bookkeeping_1") -> certificates.Certificate:
    return certificates.issue(engine, "lm000101", module, "Naima Tazi", TITLE, DAY)


def altered(code: str, position: int) -> str:
    return code[:position] + next(c for c in ALPHABET if c != code[position]) + code[position + 1:]


def test_a_certificate_is_found_by_its_code_however_it_is_typed(engine):
    issued = naima(engine)
    assert len(issued.code) == LENGTH and set(issued.code) <= set(ALPHABET)
    assert issued.shown_code == "-".join([issued.code[:4], issued.code[4:8], issued.code[8:]])
    misread = issued.code.replace("0", "O").replace("1", "l")  # what people read in a code
    for typed in (issued.code, issued.shown_code, issued.shown_code.lower(), issued.shown_code.replace("-", " "),
                  f"  {misread} "):
        assert certificates.find(engine, typed) == issued, typed
    assert naima(engine) == issued  # downloaded again: the same code, not a second certificate
    assert naima(engine, "selling_1").code != issued.code


def test_an_altered_or_forged_code_names_no_certificate(engine):
    code = naima(engine).code
    assert all(certificates.find(engine, altered(code, i)) is None for i in range(LENGTH))
    assert certificates.find(engine, certificates.new_code()) is None  # well formed, never issued
    for typed in (code[:-1], code + "7", code[:-1] + "U", "", "'; DROP TABLE fadaa_certificate; --"):
        assert certificates.find(engine, typed) is None
    assert certificates.find(engine, code).valid  # all that left the table as it was


def test_codes_come_from_a_space_too_large_to_guess():
    assert len(ALPHABET) ** LENGTH >= 2 ** 60
    codes = [certificates.new_code() for _ in range(3000)]
    assert len(set(codes)) == len(codes)
    assert set("".join(codes)) == set(ALPHABET)  # every symbol drawn: no part of the space left out


def test_a_revoked_certificate_is_not_valid_and_is_not_issued_again(engine):
    issued = naima(engine)
    revoked = certificates.revoke(engine, issued.shown_code)
    assert not revoked.valid and revoked.revoked_at is not None
    assert not certificates.find(engine, issued.code).valid
    with pytest.raises(Revoked):
        naima(engine)
    assert certificates.revoke(engine, certificates.new_code()) is None


def test_the_verification_page_shows_only_her_name_the_module_and_the_date(engine):
    issued = naima(engine)
    french = verification.page("fr", issued.code.lower(), certificates.find(engine, issued.code))
    assert french["valid"] and french["verdict"] == "Certificat valide" and french["code"] == issued.shown_code
    assert french["facts"] == [("Nom", "Naima Tazi"), ("Module", TITLE["fr"]), ("Date", "20 novembre 2026")]
    arabic = verification.page("ar", issued.code, certificates.find(engine, issued.code))
    assert arabic["dir"] == "rtl" and arabic["verdict"] == "شهادة صحيحة"
    assert arabic["facts"] == [("الاسم", "Naima Tazi"), ("الوحدة", TITLE["ar"]), ("التاريخ", "20 نونبر 2026")]

    wrong = altered(issued.code, 5)
    refused = verification.page("fr", wrong, certificates.find(engine, wrong))
    assert not refused["valid"] and refused["facts"] == [] and "aucun certificat" in refused["verdict"]
    certificates.revoke(engine, issued.code)
    withdrawn = verification.page("ar", issued.code, certificates.find(engine, issued.code))
    assert not withdrawn["valid"] and withdrawn["facts"] == [] and "سُحبت" in withdrawn["verdict"]
    assert "valid" not in verification.page("fr")  # the form alone, no verdict


def qr_matrix_in(pdf: bytes, size: int) -> list[list[int]]:
    """The QR code's modules as printed: the PDF's one image, read at each module's centre
    (``Certificate.check`` draws it 8 pixels a module with a 4-module quiet zone)."""
    image = PdfReader(io.BytesIO(pdf)).pages[0].images[0].image.convert("L")
    assert image.size == ((size + 8) * 8,) * 2
    return [[int(image.getpixel(((4 + x) * 8 + 4, (4 + y) * 8 + 4)) < 128) for x in range(size)] for y in range(size)]


@pytest.mark.slow
def test_her_certificate_carries_its_code_and_a_qr_code_of_its_verification_page(quick_course, tmp_path, engine):
    course = quick_course
    people = [Learner(sid, name, "Coop Nour", "LM", "souss-massa", "fr", None, "member")
              for sid, name in (("a", "Naima Tazi"), ("b", "Hafsa Ouali"))]
    import_roster(write_roster(people, tmp_path / "roster.csv"), course.db_url, COURSE_ID)
    record_pass(course.db_url, COURSE_ID, "a", ASSIGNMENT)
    place = Place(course.root, COURSE_ID, course.db_url, None)

    pdf = issue_pdf(engine, place, ProgressRules(), "a", ASSIGNMENT, VERIFY)
    issued = certificates.issued(engine)
    assert [(c.student_id, c.module, c.name, c.passed_on) for c in issued] == [("a", ASSIGNMENT, "Naima Tazi", DAY)]
    code = issued[0].code
    text = pdf_text(pdf)
    assert "Naima Tazi" in text and issued[0].shown_code in text and VERIFY + code in text
    expected = qr(VERIFY + code)
    assert qr_matrix_in(pdf, len(expected.matrix)) == [list(row) for row in expected.matrix]
    assert qr_matrix_in(pdf, len(expected.matrix)) != [list(row) for row in qr(VERIFY + altered(code, 0)).matrix]

    assert issue_pdf(engine, place, ProgressRules(), "a", ASSIGNMENT, VERIFY) is not None
    assert len(certificates.issued(engine)) == 1  # her second download: the same certificate
    assert issue_pdf(engine, place, ProgressRules(), "b", ASSIGNMENT, VERIFY) is None  # she has not passed
    stricter = ProgressRules(pass_marks={ASSIGNMENT: 1.01})  # the hub's own pass marks decide
    assert issue_pdf(engine, place, stricter, "a", ASSIGNMENT, VERIFY) is None


def test_fadaa_certificate_lists_and_revokes(engine, hub_db, capsys):
    issued = naima(engine)
    assert fadaa(["certificate", "--hub-db-url", hub_db, "list"]) == 0
    assert capsys.readouterr().out.split("\t") == [issued.shown_code, "lm000101", "Naima Tazi", "bookkeeping_1",
                                                  "2026-11-20", "valide\n"]
    assert fadaa(["--lang", "ar", "certificate", "--hub-db-url", hub_db, "revoke", issued.code.lower()]) == 0
    assert issued.shown_code in capsys.readouterr().out
    assert not certificates.find(engine, issued.code).valid
    assert fadaa(["certificate", "--hub-db-url", hub_db, "list"]) == 0
    assert "révoqué le" in capsys.readouterr().out
    assert fadaa(["certificate", "--hub-db-url", hub_db, "revoke", altered(issued.code, 3)]) == 1
    assert "Aucun certificat" in capsys.readouterr().err
