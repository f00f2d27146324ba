"""The roster: who the learners are, from the CSV or XLSX files trainers keep in Excel.

Files come from Excel in a French locale: semicolons, a BOM, Windows line ends, blank rows,
duplicated rows, stray spaces, numbers that lost their leading zero. Every row is either imported
or reported with its line number and the reason. A file with errors changes nothing unless the
trainer asks for the valid rows (``accept_valid_rows``); a re-import updates learners and never
deletes one that the file does not list.

Each learner becomes an nbgrader student (so nbgrader's tools know her); what nbgrader has no
place for (cooperative, cohort, region, language, phone, role, spoken language) goes in the ``fadaa_learner`` table
beside the gradebook, through SQLAlchemy, so PostgreSQL works as well as SQLite.

Markup in a name, cooperative or cohort is stripped on import, with a note in the report: these
fields reach many renderers (nbgrader's formgrader, Fadaa's pages, PDFs, CSV and XLSX exports), and
a name never needs "<" or ">". Stripping makes the stored value inert in all of them; storing it
HTML-escaped would instead print "&lt;" on every certificate and export that renders it correctly.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

import openpyxl
import pandas as pd
from nbgrader.api import Student
from sqlalchemy import select

from fadaa.core.i18n import SPOKEN, gettext_for, mark as _
from .database import learner, open_database
from .phones import normalise_phone
from .regions import fold, region_code


FIELDS = ("student_id", "name", "cooperative", "cohort", "region", "lang", "phone", "role", "spoken")
REQUIRED = ("student_id", "name", "cooperative", "cohort", "region", "lang")
FREE_TEXT = ("name", "cooperative", "cohort")  # kept as written, so stripped of markup

# Headers as trainers write them, in English, French or Arabic, any case or accents.
_HEADERS = {
    "student_id": ("id", "student_id", "identifiant", "matricule", "code", "المعرف", "الرقم"),
    "name": ("name", "nom", "nom complet", "full name", "nom et prénom", "الاسم", "الاسم الكامل"),
    "cooperative": ("cooperative", "coopérative", "coop", "التعاونية"),
    "cohort": ("cohort", "cohorte", "promotion", "الفوج"),
    "region": ("region", "région", "الجهة"),
    "lang": ("lang", "language", "langue", "اللغة"),
    "phone": ("phone", "téléphone", "tel", "tél", "gsm", "mobile", "الهاتف"),
    "role": ("role", "rôle", "fonction", "الصفة", "الدور"),
    # the language she listens in, when it is not the one she reads (fadaa.core.i18n.SPOKEN)
    "spoken": ("spoken", "spoken language", "langue parlée", "langue orale", "parle", "écoute",
               "اللغة المنطوقة", "اللغة المحكية", "لغة الاستماع", "لغة التحدث"),
}
HEADER_FIELD = {fold(alias): name for name, aliases in _HEADERS.items() for alias in aliases}

_LANGUAGES = {
    "fr": ("fr", "français", "french", "الفرنسية", "فرنسية"),
    "ar": ("ar", "arabe", "arabic", "darija", "العربية", "عربية", "الدارجة"),
}
LANGUAGE = {fold(alias): code for code, aliases in _LANGUAGES.items() for alias in aliases}

_SPOKEN = {
    "ar": ("arabe", "arabic", "arabe classique", "fusha", "العربية", "عربية", "الفصحى"),
    "fr": ("français", "french", "الفرنسية", "فرنسية"),
    "ary": ("darija", "darija marocaine", "arabe marocain", "arabe dialectal", "الدارجة", "دارجة", "الدارجة المغربية"),
    "shi": ("tachelhit", "tachelhite", "tachelhiyt", "tashelhit", "tashelhiyt", "chleuh", "soussi", "تشلحيت",
            "تاشلحيت", "الشلحة", "السوسية", "ⵜⴰⵛⵍⵃⵉⵜ"),
    "tzm": ("tamazight", "tamazight du centre", "central atlas tamazight", "amazigh", "تمازيغت", "تامازيغت",
            "الأمازيغية", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),
    "rif": ("tarifit", "rifain", "riffian", "تاريفيت", "تريفيت", "الريفية", "ⵜⴰⵔⵉⴼⵉⵜ"),
}
# each code, its aliases, and its name as the home page offers it ("Taclḥit ⵜⴰⵛⵍⵃⵉⵜ")
SPOKEN_LANGUAGE = {fold(alias): code for code, aliases in _SPOKEN.items() for alias in (code, SPOKEN[code], *aliases)}

_ROLES = {
    "president": ("president", "présidente", "président", "رئيسة", "رئيس", "الرئيسة"),
    "vice_president": ("vice-president", "vice-présidente", "vice-président", "نائبة الرئيسة", "نائب الرئيس"),
    "treasurer": ("treasurer", "trésorière", "trésorier", "أمينة المال", "أمين المال"),
    "secretary": ("secretary", "secrétaire", "الكاتبة", "كاتبة", "كاتب"),
    "member": ("member", "membre", "adhérente", "adhérent", "عضوة", "عضو"),
}
ROLE = {fold(alias): code for code, aliases in _ROLES.items() for alias in aliases}
DEFAULT_ROLE = "member"

# nbgrader puts the id in folder names: keep it to characters every file system accepts.
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}")
# What a roster may be. A programme's largest roster is a few thousand learners; a 3.5 MB XLSX that
# unpacked to 808 MB ran ten minutes, and a 50 MB CSV for a quarter of an hour.
MAX_FILE_BYTES = 10 * 2**20
MAX_UNPACKED_BYTES = 50 * 2**20  # an XLSX's parts once unzipped
MAX_ROWS = 20_000
MARKUP = re.compile(r"<[^>]*>?|>")  # a tag (closed or cut off by the cell's end), or a stray ">"


@dataclass(frozen=True)
class Learner:
    student_id: str
    name: str
    cooperative: str
    cohort: str
    region: str
    lang: str
    phone: str | None
    role: str
    spoken: str | None = None  # None: the file has no such column, and the roster keeps what it had


@dataclass(frozen=True)
class Problem:
    """One line of the file that was not imported (or a note about the file), and why."""

    line: int
    message: str
    params: dict = field(default_factory=dict)
    blocking: bool = True  # False: the row is skipped or the note is informational, the file still imports

    def text(self, lang: str = "fr") -> str:
        return gettext_for(lang)(self.message).format(**self.params)


@dataclass
class ImportReport:
    rows: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: int = 0  # learners already on the roster that this file does not list: never deleted
    problems: list[Problem] = field(default_factory=list)
    applied: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]


class RosterFileError(ValueError):
    """The file cannot be read as a roster at all (wrong type, no header, missing columns)."""

    def __init__(self, problem: Problem):
        super().__init__(problem.text("fr"))
        self.problem = problem


def strip_markup(text: str) -> str:
    """``text`` without tags or angle brackets, spaces collapsed: '<b>Fatima</b> Zahra' is 'Fatima Zahra'."""
    return " ".join(MARKUP.sub(" ", text).split())


def _cell_text(value) -> str:
    """An Excel cell as the text the trainer sees: 1001.0 is '1001', spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.isoformat()
    return " ".join(str(value).split())


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # Excel's "CSV (séparateur: point-virgule)" on French Windows
    # The header row tells the delimiter: Excel writes ";" in a French locale, "," elsewhere.
    # (csv.Sniffer guesses from the whole sample and is thrown off by blank rows and spaces in names.)
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=header.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for row in reader:
        yield start, [_cell_text(v) for v in row]
        start = reader.line_num + 1


def _check_size(path: Path, suffix: str) -> None:
    """Refuse, before reading it, a file larger than any roster (or an XLSX that unzips to one)."""
    mb = 2**20
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise RosterFileError(Problem(0, _("This file is {size} MB: a roster is at most {limit} MB. Split it."),
                                      {"size": size // mb, "limit": MAX_FILE_BYTES // mb}))
    if suffix == ".xlsx":
        try:
            with zipfile.ZipFile(path) as packed:
                unpacked = sum(part.file_size for part in packed.infolist())
        except zipfile.BadZipFile as exc:
            raise RosterFileError(Problem(0, _("Cannot read this file: {error}"), {"error": str(exc)})) from exc
        if unpacked > MAX_UNPACKED_BYTES:
            raise RosterFileError(Problem(0, _("This workbook unpacks to {size} MB: a roster is at most {limit} MB. "
                                               "Save the sheet alone, as CSV."),
                                          {"size": unpacked // mb, "limit": MAX_UNPACKED_BYTES // mb}))


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, [_cell_text(v) for v in row]
    finally:
        workbook.close()


def read_rows(path: str | Path) -> tuple[dict[int, str], dict[str, str], list[tuple[int, list[str]]], list[Problem]]:
    """The columns (index -> field), each field's title as the file writes it, the data rows with
    their line numbers, and notes about the header.

    Raises RosterFileError when the file has no usable header.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx"):
        raise RosterFileError(Problem(0, _("Unsupported file type {suffix}: use .csv or .xlsx."), {"suffix": suffix}))
    try:
        _check_size(path, suffix)
        rows = []
        for n, cells in (_xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path)):
            if any(cells):
                rows.append((n, cells))
            if len(rows) > MAX_ROWS + 1:  # the header, then the learners
                raise RosterFileError(Problem(0, _("More than {limit} learners in one file: split the roster."),
                                              {"limit": MAX_ROWS}))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, openpyxl.utils.exceptions.InvalidFileException) as exc:
        if isinstance(exc, RosterFileError):
            raise
        raise RosterFileError(Problem(0, _("Cannot read this file: {error}"), {"error": str(exc)})) from exc
    if not rows:
        raise RosterFileError(Problem(0, _("The file is empty.")))
    header_line, header = rows[0]
    columns: dict[int, str] = {}
    titles: dict[str, str] = {}
    notes = []
    for index, title in enumerate(header):
        name = HEADER_FIELD.get(fold(title))
        if name and name not in titles:
            columns[index], titles[name] = name, title
        elif title:
            notes.append(Problem(header_line, _("Column {column} is not used and was ignored."),
                                 {"column": title}, blocking=False))
    missing = [name for name in REQUIRED if name not in titles]
    if missing:
        raise RosterFileError(Problem(header_line, _("Missing columns: {columns}."), {"columns": ", ".join(missing)}))
    return columns, titles, rows[1:], notes


def _validate(line: int, values: dict[str, str], titles: dict[str, str]) -> tuple[Learner | None, list[Problem]]:
    problems = []

    def problem(message: str, **params) -> None:
        problems.append(Problem(line, message, params))

    notes = []
    for name in FREE_TEXT:
        kept = strip_markup(values.get(name, ""))
        if kept != values.get(name, ""):
            notes.append(Problem(line, _("Markup removed from column {column}; what is kept: {value}"),
                                 {"column": titles[name], "value": kept}, blocking=False))
            values = {**values, name: kept}
    for name in REQUIRED:
        if not values.get(name):
            problem(_("Empty value in column {column}."), column=titles[name])
    student_id = values.get("student_id", "")
    if student_id and not STUDENT_ID.fullmatch(student_id):
        problem(_("The id {value} is not usable: letters, digits, '.', '_' and '-' only."), value=student_id)
    region = region_code(values.get("region", ""))
    if values.get("region") and region is None:
        problem(_("Unknown region {value}: give one of the 12 regions of Morocco."), value=values["region"])
    lang = LANGUAGE.get(fold(values.get("lang", "")))
    if values.get("lang") and lang is None:
        problem(_("Unknown language {value}: write fr or ar."), value=values["lang"])
    phone = None
    if values.get("phone"):
        phone = normalise_phone(values["phone"])
        if phone is None:
            problem(_("Bad phone number {value}: a Moroccan number such as 06 12 34 56 78 or +212 6 12 34 56 78."),
                    value=values["phone"])
    role = ROLE.get(fold(values["role"])) if values.get("role") else DEFAULT_ROLE
    if role is None:
        problem(_("Unknown role {value}: president, vice-president, treasurer, secretary or member."), value=values["role"])
    if problems:
        return None, notes + problems
    spoken = None
    if "spoken" in titles:  # optional, so a value it does not know loses her nothing else
        spoken = SPOKEN_LANGUAGE.get(fold(values.get("spoken", "")), "")
        if values.get("spoken") and not spoken:
            notes.append(Problem(line, _("Unknown spoken language {value}, not kept: write ar, fr, darija, tachelhit, "
                                         "tamazight or tarifit (or leave it empty)."),
                                 {"value": values["spoken"]}, blocking=False))
    return (Learner(student_id, values["name"], values["cooperative"], values["cohort"], region, lang, phone, role,
                    spoken), notes)


def parse(path: str | Path) -> tuple[int, dict[str, Learner], list[Problem]]:
    """Rows counted, the valid learners by id, and every problem with its line number."""
    columns, titles, rows, problems = read_rows(path)
    valid: dict[str, Learner] = {}
    first_line: dict[str, int] = {}
    for line, cells in rows:
        values = {name: cells[i] if i < len(cells) else "" for i, name in columns.items()}
        found, row_problems = _validate(line, values, titles)
        problems.extend(row_problems)
        if found is None:
            continue
        if found.student_id in valid:
            earlier = first_line[found.student_id]
            if valid[found.student_id] == found:
                problems.append(Problem(line, _("Same learner as line {line}: this row is skipped."),
                                        {"line": earlier}, blocking=False))
            else:
                problems.append(Problem(line, _("The id {value} is already used on line {line} for another learner."),
                                        {"value": found.student_id, "line": earlier}))
            continue
        valid[found.student_id] = found
        first_line[found.student_id] = line
    return len(rows), valid, sorted(problems, key=lambda p: p.line)


def import_roster(path: str | Path, db_url: str, course_id: str, accept_valid_rows: bool = False) -> ImportReport:
    """Check the whole file, then create or update its learners (roster and nbgrader students) in
    one transaction: all of them or, if anything fails on the way, none.

    Nothing is written when a row has an error, unless ``accept_valid_rows``. Raises RosterFileError
    when the file cannot be read as a roster at all (or is larger than any roster).
    """
    report = ImportReport()
    report.rows, valid, report.problems = parse(path)
    if report.errors and not accept_valid_rows:
        return report
    engine = open_database(db_url, course_id)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with engine.begin() as conn:
        existing = {row.student_id: Learner(*(getattr(row, name) for name in FIELDS))
                    for row in conn.execute(select(learner))}
        valid = {sid: _kept_spoken(person, existing.get(sid)) for sid, person in valid.items()}
        new = [person for sid, person in valid.items() if sid not in existing]
        changed = [person for sid, person in valid.items() if sid in existing and existing[sid] != person]
        if new:
            conn.execute(learner.insert(), [{**asdict(p), "updated_at": now} for p in new])
        for person in changed:
            conn.execute(learner.update().where(learner.c.student_id == person.student_id)
                         .values(**asdict(person), updated_at=now))
        _nbgrader_students(conn, new + changed)
    report.created = [p.student_id for p in new]
    report.updated = [p.student_id for p in changed]
    report.unchanged = sorted(set(valid) - set(report.created) - set(report.updated))
    report.kept = len(set(existing) - set(valid))
    report.applied = True
    return report


def _kept_spoken(person: Learner, before: Learner | None) -> Learner:
    """``person`` as stored: a file without a spoken column keeps her spoken language; an empty
    cell clears it."""
    if person.spoken is None:
        return replace(person, spoken=before.spoken if before else None)
    return replace(person, spoken=person.spoken or None)


def _nbgrader_students(conn, people: list[Learner]) -> None:
    """nbgrader's student rows for ``people``, in the roster's own transaction (what
    ``Gradebook.update_or_create_student`` does one commit at a time)."""
    table = Student.__table__
    known = set(conn.execute(select(table.c.id)).scalars())
    rows = {p.student_id: dict(zip(("first_name", "last_name"), _first_and_last(p.name))) for p in people}
    fresh = [{"id": sid, **names} for sid, names in rows.items() if sid not in known]
    if fresh:
        conn.execute(table.insert(), fresh)
    for sid in known & set(rows):
        conn.execute(table.update().where(table.c.id == sid).values(**rows[sid]))


def _first_and_last(name: str) -> tuple[str, str | None]:
    first, _space, last = name.partition(" ")
    return first, last or None


def learners(db_url: str, course_id: str, **filters: str | None) -> pd.DataFrame:
    """The roster as a table, filtered by any of cohort, cooperative, region, lang, role."""
    query = select(learner).order_by(learner.c.cohort, learner.c.cooperative, learner.c.student_id)
    for name, value in filters.items():
        if value:
            query = query.where(learner.c[name] == value)
    with open_database(db_url, course_id).connect() as conn:
        return pd.read_sql(query, conn).drop(columns="updated_at")


def write_roster(people: Iterable[Learner], path: str | Path) -> Path:
    """A roster file in the shape ``import_roster`` reads (CSV or XLSX by suffix)."""
    path = Path(path)
    frame = pd.DataFrame([asdict(p) for p in people], columns=list(FIELDS))
    if path.suffix.lower() == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, index=False, sep=";", encoding="utf-8-sig")
    return path
