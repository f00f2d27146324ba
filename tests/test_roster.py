"""Roster import from the files trainers really have: Excel's CSV in a French locale, and XLSX."""
from __future__ import annotations

import shutil

import openpyxl
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from fadaa.grading import roster
from fadaa.grading.roster import RosterFileError, import_roster, learners
from course_fixtures import COURSE_ID

HEADER_FR = "Identifiant;Nom;Coopérative;Cohorte;Région;Langue;Téléphone;Rôle"


def excel_csv(tmp_path, *lines: str, name="roster.csv", encoding="utf-8-sig") -> str:
    """A CSV as Excel writes it on French Windows: BOM, semicolons, CRLF line ends."""
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return str(path)


def students(db_url) -> dict[str, tuple]:
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:
        return {s.id: (s.first_name, s.last_name) for s in gradebook.students}


def problems(report, lang="fr") -> list[tuple[int, str]]:
    return [(p.line, p.text(lang)) for p in report.problems]


def test_an_excel_csv_with_bom_semicolons_blank_rows_and_spaces_imports_clean(tmp_path, db_url):
    path = excel_csv(tmp_path, HEADER_FR,
                     "F001;  Fatima   Zahra ; Coopérative Tifawin ;Lalla Al Moutaawina;Souss-Massa;Français;06 12 34 56 78;Présidente",
                     ";;;;;;;",
                     "",
                     "F002;خديجة بنعلي;Coopérative Tifawin;Lalla Al Moutaawina;سوس ماسة;العربية;+212 6 98 76 54 32;أمينة المال",
                     "F003;Aicha Ouali;Coopérative Tifawin;Lalla Al Moutaawina;souss massa;ar;;")

    report = import_roster(path, db_url, COURSE_ID)

    assert report.applied and report.errors == []
    assert report.created == ["F001", "F002", "F003"]
    roster = learners(db_url, COURSE_ID).set_index("student_id")
    assert roster.loc["F001"].to_dict() == {
        "name": "Fatima Zahra", "cooperative": "Coopérative Tifawin", "cohort": "Lalla Al Moutaawina",
        "region": "souss-massa", "lang": "fr", "phone": "+212612345678", "role": "president", "spoken": None}
    assert roster.loc["F002", "name"] == "خديجة بنعلي"
    assert roster.loc["F002", "role"] == "treasurer" and roster.loc["F002", "lang"] == "ar"
    assert roster.loc["F003", "role"] == "member"  # no role given: a member
    assert pd.isna(roster.loc["F003", "phone"])
    assert students(db_url) == {"F001": ("Fatima", "Zahra"), "F002": ("خديجة", "بنعلي"), "F003": ("Aicha", "Ouali")}


def test_a_comma_csv_with_english_headers_is_read_too(tmp_path, db_url):
    path = tmp_path / "roster.csv"
    path.write_text("id,name,cooperative,cohort,region,language,phone,role\n"
                    'P001,"Naima Tazi",Coop Argane,Projets,Marrakech-Safi,fr,0661234567,member\n', encoding="utf-8")
    report = import_roster(path, db_url, COURSE_ID)
    assert report.created == ["P001"]
    assert learners(db_url, COURSE_ID).region.tolist() == ["marrakech-safi"]


def test_an_xlsx_with_numbers_excel_made_of_ids_and_phones(tmp_path, db_url):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["ID", "Nom", "Coopérative", "Cohorte", "Région", "Langue", "GSM", "Fonction"])
    sheet.append([1001, "Hafsa Amrani", "Coop Nour", "Projets", "Fès-Meknès", "ar", 612345678, "Trésorière"])
    sheet.append([None] * 8)
    sheet.append([1002.0, "Meryem Tazi", "Coop Nour", "Projets", "Fes Meknes", "FR", "0712345678", None])
    workbook.save(tmp_path / "roster.xlsx")

    report = import_roster(tmp_path / "roster.xlsx", db_url, COURSE_ID)

    assert report.created == ["1001", "1002"]
    roster = learners(db_url, COURSE_ID).set_index("student_id")
    assert roster.loc["1001", "phone"] == "+212612345678"  # Excel had dropped the leading zero
    assert roster.loc["1002", "phone"] == "+212712345678"
    assert set(roster.region) == {"fes-meknes"}


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(tmp_path, db_url):
    path = excel_csv(tmp_path, HEADER_FR,
                     "F001;Fatima Zahra;Coop Tifawin;LM;Souss-Massa;fr;0612345678;membre",    # 2 good
                     "F002;Khadija;Coop Tifawin;LM;Paris;fr;0612345679;membre",               # 3 region
                     "F003;Aicha;Coop Tifawin;LM;Souss-Massa;espagnol;0612345670;membre",     # 4 language
                     "F004;Zineb;Coop Tifawin;LM;Souss-Massa;fr;12345;membre",                # 5 phone
                     "F005;Naima;Coop Tifawin;LM;Souss-Massa;fr;0612345671;directrice",       # 6 role
                     "F006;;Coop Tifawin;LM;Souss-Massa;fr;0612345672;membre",                # 7 empty name
                     "F 007;Malika;Coop Tifawin;LM;Souss-Massa;fr;0612345673;membre",         # 8 id
                     "F001;Saida;Coop Nour;LM;Souss-Massa;fr;0612345674;membre")              # 9 id reused

    report = import_roster(path, db_url, COURSE_ID)

    assert not report.applied
    assert problems(report) == [
        (3, "Région inconnue Paris : indiquez l'une des 12 régions du Maroc."),
        (4, "Langue inconnue espagnol : écrivez fr ou ar."),
        (5, "Numéro de téléphone invalide 12345 : un numéro marocain comme 06 12 34 56 78 ou +212 6 12 34 56 78."),
        (6, "Rôle inconnu directrice : présidente, vice-présidente, trésorière, secrétaire ou membre."),
        (7, "Valeur vide dans la colonne Nom."),
        (8, "L'identifiant F 007 n'est pas utilisable : lettres, chiffres, « . », « _ » et « - » seulement."),
        (9, "L'identifiant F001 est déjà utilisé à la ligne 2 pour une autre personne."),
    ]
    assert learners(db_url, COURSE_ID).empty
    assert students(db_url) == {}


MOROCCAN_FORMS = ["0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "(06) 12 34 56 78",
                  "+212612345678", "+212 6 12 34 56 78", "+212 (0)6 12 34 56 78", "00212612345678",
                  "00 212 6 12 34 56 78", "212612345678", "612345678", "٠٦١٢٣٤٥٦٧٨"]


@pytest.mark.parametrize("typed", MOROCCAN_FORMS)
def test_a_moroccan_number_typed_any_way_is_stored_as_the_hub_compares_it(tmp_path, db_url, typed):
    report = import_roster(excel_csv(tmp_path, HEADER_FR, f"F001;Fatima Zahra;Coop Tifawin;LM;Souss-Massa;fr;{typed};membre"),
                           db_url, COURSE_ID)
    assert report.errors == []
    assert learners(db_url, COURSE_ID).phone.tolist() == ["+212612345678"]


def test_a_foreign_or_unallocated_number_is_reported_on_its_row_and_the_others_still_import(tmp_path, db_url):
    path = excel_csv(tmp_path, HEADER_FR,
                     "F001;Fatima Zahra;Coop Tifawin;LM;Souss-Massa;fr;+33 6 12 34 56 78;membre",  # French mobile
                     "F002;Khadija;Coop Tifawin;LM;Souss-Massa;ar;0683 12 34 56;membre",          # 0683: no operator's
                     "F003;Aicha;Coop Tifawin;LM;Souss-Massa;ar;05 22 12 34 56;membre")           # a Casablanca landline
    report = import_roster(path, db_url, COURSE_ID, accept_valid_rows=True)
    assert [(line, text.split(" :")[0]) for line, text in problems(report)] == [
        (2, "Numéro de téléphone invalide +33 6 12 34 56 78"), (3, "Numéro de téléphone invalide 0683 12 34 56")]
    assert learners(db_url, COURSE_ID).set_index("student_id").phone.to_dict() == {"F003": "+212522123456"}


def test_the_valid_rows_are_imported_when_the_trainer_asks(tmp_path, db_url):
    path = excel_csv(tmp_path, HEADER_FR,
                     "F001;Fatima Zahra;Coop Tifawin;LM;Souss-Massa;fr;0612345678;membre",
                     "F002;Khadija;Coop Tifawin;LM;Paris;fr;0612345679;membre")
    report = import_roster(path, db_url, COURSE_ID, accept_valid_rows=True)
    assert report.applied and report.created == ["F001"]
    assert [p.line for p in report.errors] == [3]
    assert list(students(db_url)) == ["F001"]


def test_an_exact_duplicate_row_is_skipped_with_a_note_and_does_not_block(tmp_path, db_url):
    row = "F001;Fatima Zahra;Coop Tifawin;LM;Souss-Massa;fr;0612345678;membre"
    report = import_roster(excel_csv(tmp_path, HEADER_FR, row, row), db_url, COURSE_ID)
    assert report.applied and report.created == ["F001"]
    assert problems(report) == [(3, "Même personne qu'à la ligne 2 : cette ligne est ignorée.")]


def test_reimport_updates_and_never_deletes(tmp_path, db_url):
    import_roster(excel_csv(tmp_path, HEADER_FR,
                            "F001;Fatima Zahra;Coop Tifawin;LM;Souss-Massa;fr;0612345678;membre",
                            "F002;Khadija Tazi;Coop Tifawin;LM;Souss-Massa;ar;0612345679;membre",
                            "F003;Aicha Ouali;Coop Tifawin;LM;Souss-Massa;ar;0612345670;membre"), db_url, COURSE_ID)

    again = import_roster(excel_csv(tmp_path, HEADER_FR,
                                    "F001;Fatima Zahra;Coop Tifawin;LM;Souss-Massa;fr;0612345678;présidente",
                                    "F002;Khadija Tazi;Coop Tifawin;LM;Souss-Massa;ar;0612345679;membre",
                                    name="again.csv"), db_url, COURSE_ID)

    assert (again.created, again.updated, again.unchanged, again.kept) == ([], ["F001"], ["F002"], 1)
    roster = learners(db_url, COURSE_ID).set_index("student_id")
    assert roster.loc["F001", "role"] == "president"
    assert sorted(roster.index) == ["F001", "F002", "F003"]  # F003 is not in the file and stays
    assert sorted(students(db_url)) == ["F001", "F002", "F003"]


HEADER_AR_SPOKEN = "المعرف;الاسم;التعاونية;الفوج;الجهة;اللغة;الهاتف;اللغة المنطوقة"


def test_the_language_she_listens_in_is_an_optional_column_and_a_bad_one_loses_nothing_else(tmp_path, db_url):
    path = excel_csv(tmp_path, HEADER_AR_SPOKEN,
                     "S1;Itto Aït Ali;Coop Tifawin;LM;سوس ماسة;العربية;0612345678;Tachelhit",
                     "S2;Hadda Naciri;Coop Tifawin;LM;سوس ماسة;ar;;الدارجة",
                     "S3;Mimouna Ziani;Coop Tifawin;LM;Oriental;fr;;tarifit",
                     "S4;Ito Moha;Coop Tifawin;LM;سوس ماسة;ar;;tzm",
                     "S5;Fatna Bahi;Coop Tifawin;LM;سوس ماسة;ar;;",
                     "S6;Zahra Ouali;Coop Tifawin;LM;سوس ماسة;ar;0612345679;berbère du nord")

    report = import_roster(path, db_url, COURSE_ID)

    assert report.applied and report.errors == [] and report.created == ["S1", "S2", "S3", "S4", "S5", "S6"]
    roster = learners(db_url, COURSE_ID).set_index("student_id")
    assert roster.spoken.fillna("").to_dict() == {
        "S1": "shi", "S2": "ary", "S3": "rif", "S4": "tzm", "S5": "", "S6": ""}  # S5, S6: her written language
    assert roster.loc["S6", "phone"] == "+212612345679" and roster.loc["S1", "lang"] == "ar"  # the rest is kept
    assert problems(report) == [(7, "Langue parlée inconnue berbère du nord, non retenue : écrivez ar, fr, darija, "
                                    "tachelhit, tamazight ou tarifit (ou laissez vide).")]
    assert "berbère du nord" in problems(report, "ar")[0][1] and "تشلحيت" in problems(report, "ar")[0][1]

    # a file without the column (the older one, say) keeps what the roster knew; an empty cell clears it
    again = import_roster(excel_csv(tmp_path, HEADER_FR, "S1;Itto Aït Ali;Coop Tifawin;LM;Souss-Massa;ar;;présidente",
                                    name="older.csv"), db_url, COURSE_ID)
    assert again.updated == ["S1"] and learners(db_url, COURSE_ID).set_index("student_id").loc["S1", "spoken"] == "shi"
    import_roster(excel_csv(tmp_path, HEADER_AR_SPOKEN, "S2;Hadda Naciri;Coop Tifawin;LM;سوس ماسة;ar;;", name="cleared.csv"),
                  db_url, COURSE_ID)
    assert pd.isna(learners(db_url, COURSE_ID).set_index("student_id").loc["S2", "spoken"])


def test_a_gradebook_made_before_the_spoken_column_gets_it_and_keeps_its_learners(tmp_path, empty_gradebook):
    from sqlalchemy import create_engine, text

    from fadaa.grading.database import open_database
    path = tmp_path / "older.db"
    shutil.copy(empty_gradebook, path)
    older = create_engine(f"sqlite:///{path}")
    with older.begin() as conn:
        conn.execute(text("ALTER TABLE fadaa_learner DROP COLUMN spoken"))
        conn.execute(text("INSERT INTO fadaa_learner (student_id, name, cooperative, cohort, region, lang, role, "
                          "updated_at) VALUES ('F9', 'Naima Tazi', 'Coop Nour', 'LM', 'oriental', 'fr', 'member', "
                          "'2026-01-01 00:00:00')"))
    older.dispose()
    open_database.cache_clear()

    report = import_roster(excel_csv(tmp_path, HEADER_AR_SPOKEN, "S1;Itto Aït Ali;Coop Tifawin;LM;سوس ماسة;ar;;shi"),
                           f"sqlite:///{path}", COURSE_ID)

    assert report.created == ["S1"] and report.kept == 1
    roster = learners(f"sqlite:///{path}", COURSE_ID).set_index("student_id")
    assert roster.loc["S1", "spoken"] == "shi" and roster.loc["F9", "name"] == "Naima Tazi"


def test_a_file_saved_in_windows_1252_keeps_its_accents(tmp_path, db_url):
    path = excel_csv(tmp_path, HEADER_FR, "F001;Hélène Benali;Coopérative Él Amal;LM;Drâa-Tafilalet;fr;;",
                     encoding="cp1252")
    import_roster(path, db_url, COURSE_ID)
    roster = learners(db_url, COURSE_ID)
    assert roster.name.tolist() == ["Hélène Benali"] and roster.region.tolist() == ["draa-tafilalet"]


def test_unused_columns_are_noted(tmp_path, db_url):
    report = import_roster(excel_csv(tmp_path, HEADER_FR + ";Remarque",
                                     "F001;Fatima Zahra;Coop Tifawin;LM;Souss-Massa;fr;0612345678;membre;rien"),
                           db_url, COURSE_ID)
    assert report.applied
    assert problems(report) == [(1, "La colonne Remarque n'est pas utilisée : elle est ignorée.")]


@pytest.mark.parametrize("name, content, message", [
    ("roster.csv", "Identifiant;Nom;Région\r\nF001;Fatima;Souss-Massa\r\n", "Colonnes manquantes : cooperative, cohort, lang."),
    ("roster.csv", "\r\n;;\r\n", "Le fichier est vide."),
    ("roster.ods", "x", "Type de fichier .ods non pris en charge : utilisez .csv ou .xlsx."),
    ("roster.xlsx", "not a zip file", "Impossible de lire ce fichier :"),
])
def test_a_file_that_is_no_roster_is_refused_with_a_reason(tmp_path, db_url, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(RosterFileError) as refused:
        import_roster(path, db_url, COURSE_ID)
    assert refused.value.problem.text("fr").startswith(message)


def test_reasons_read_in_arabic_for_an_arabic_speaking_trainer(tmp_path, db_url):
    report = import_roster(excel_csv(tmp_path, HEADER_FR, "F002;Khadija;Coop;LM;Paris;fr;;"), db_url, COURSE_ID)
    text = report.problems[0].text("ar")
    assert "Paris" in text and text != report.problems[0].text("fr")
    assert any("\u0600" <= ch <= "\u06ff" for ch in text)


def _roster_header() -> str:
    return "id;nom;coopérative;cohorte;région;langue\n"


def test_a_roster_larger_than_any_roster_is_refused_at_once_with_its_size(tmp_path):
    big = tmp_path / "big.csv"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write(_roster_header())
        row = "x;" + "n" * 200 + ";Coop;Mourafaka;oriental;fr\n"
        fh.write(row * (roster.MAX_FILE_BYTES // len(row) + 10))
    with pytest.raises(roster.RosterFileError) as refused:
        roster.import_roster(big, f"sqlite:///{tmp_path / 'gradebook.db'}", "fadaa")
    assert "MB" in refused.value.problem.message


def test_too_many_rows_are_refused_with_the_limit(tmp_path):
    many = tmp_path / "many.csv"
    many.write_text(_roster_header() + "".join(f"id{i};N{i};Coop;Mourafaka;oriental;fr\n"
                                               for i in range(roster.MAX_ROWS + 1)), encoding="utf-8")
    with pytest.raises(roster.RosterFileError) as refused:
        roster.parse(many)
    assert refused.value.problem.params == {"limit": roster.MAX_ROWS}


def test_a_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused_before_it_is_read(tmp_path):
    import zipfile
    bomb = roster.write_roster([], tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as packed:
        packed.writestr("xl/media/padding.bin", b"\0" * (roster.MAX_UNPACKED_BYTES + 2**20))
    assert bomb.stat().st_size < 2**20  # small on disk
    with pytest.raises(roster.RosterFileError) as refused:
        roster.parse(bomb)
    assert "CSV" in refused.value.problem.message


def test_an_import_that_fails_half_way_leaves_neither_roster_rows_nor_students(tmp_path, monkeypatch):
    from nbgrader.api import Gradebook
    db_url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    people = [roster.Learner(f"id{i}", f"Name {i}", "Coop", "Mourafaka", "oriental", "fr", None, "member")
              for i in range(50)]
    path = roster.write_roster(people, tmp_path / "roster.csv")

    def crash(conn, persons):
        conn.execute(Student.__table__.insert(), [{"id": persons[0].student_id}])
        raise RuntimeError("the machine stopped here")
    from nbgrader.api import Student
    monkeypatch.setattr(roster, "_nbgrader_students", crash)
    with pytest.raises(RuntimeError):
        roster.import_roster(path, db_url, "fadaa")
    assert roster.learners(db_url, "fadaa").empty
    with Gradebook(db_url, course_id="fadaa") as gradebook:
        assert gradebook.students == []
    monkeypatch.undo()
    assert len(roster.import_roster(path, db_url, "fadaa").created) == 50
    with Gradebook(db_url, course_id="fadaa") as gradebook:
        assert len(gradebook.students) == 50


def test_markup_in_names_is_stripped_and_said_in_the_report(tmp_path, db_url):
    """A <script> in a name never reaches nbgrader's student table (nor the roster) as markup."""
    from hostile_inputs import write_roster

    report = import_roster(write_roster(tmp_path / "roster.csv"), db_url, COURSE_ID)

    assert report.applied and report.created == ["h001", "h002"]
    roster = learners(db_url, COURSE_ID).set_index("student_id")
    stored = [*roster.name, *roster.cooperative, *roster.cohort, *(n for s in students(db_url).values() for n in s)]
    assert not [text for text in stored if text and ("<" in text or ">" in text)]
    assert roster.loc["h001", "cooperative"] == "Coop Argan"
    assert students(db_url)["h001"][0] == "Fatima"
    notes = problems(report)
    assert (2, "Balises retirées de la colonne Nom ; ce qui est gardé : Fatima "
               "window.fadaaPwned=(window.fadaaPwned||[]).concat('script');alert('script')") in notes
    assert [line for line, _text in notes] == [2, 2, 3, 3]
