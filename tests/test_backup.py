"""``fadaa backup`` and ``fadaa restore`` on a real site: nbgrader's course, exchange and gradebook,
learners' homes filled as the lesson service fills them, the hub's accounts and state.

The backup runs while a class keeps writing (accounts, nbgrader students in the gradebook's
write-ahead log, a learner's answers saved again and again): copying ``gradebook.db`` then missed
what the log held. After a wipe, or into another folder, every PIN, answer, submission and grade is
back, and nbgrader works in the new folder. A damaged or changed archive is refused and changes
nothing."""
from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pwd
import shutil
import sqlite3
import tarfile
import tempfile
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from course_fixtures import ASSIGNMENT, COURSE_ID
from fadaa.core.home_layout import config_of
from fadaa.grading import exchange
from fadaa.grading import backup as backups
from fadaa.grading.cli import main
from fadaa.grading.course import Course
from fadaa.grading.database import GRADEBOOK
from fadaa.grading.roster import Learner, import_roster, write_roster
from fadaa.hub import accounts, homes
from fadaa.core import system_users
from fadaa.hub.demo import LEARNER_PIN, running_hub
from fadaa.core.site import Site
from fadaa.core.answer_store import AnswerStore
from test_postgres_pipeline import postgres  # noqa: F401 - its own PostgreSQL server, for this module too

pytest_plugins = ["hub_fixtures"]
pytestmark = pytest.mark.slow
LEARNERS = ("n1", "n2")


def lesson(site: Site, name: str) -> AnswerStore:
    return AnswerStore(site.home(name) / ASSIGNMENT / "quick.ipynb")


def filled(site: Site, course: Course) -> Site:
    """The site at work: the lesson released, a roster with PINs, n1's lesson handed in and graded,
    n2's answered, not handed in."""
    course.release(ASSIGNMENT)
    people = [Learner(name, f"Learner {name}", "Coop Nour", "LM", "souss-massa", "fr", None, "member")
              for name in LEARNERS]
    import_roster(write_roster(people, site.var / "roster.csv"), site.db_url, COURSE_ID)
    site.state.mkdir()
    (site.state / "cookie_secret").write_bytes(os.urandom(32))
    (site.state / "proxy.pid").write_text(str(os.getpid()))  # a running process's id, not data
    engine = accounts.open_accounts(site.accounts_db_url)
    for name in LEARNERS:
        accounts.set_pin(engine, name, "learners", LEARNER_PIN)
        homes.prepare_learner(site, name, site.home(name))
        lesson(site, name).save("answer", 42)
    exchange.submit(site.home("n1"), ASSIGNMENT)
    course.collect(ASSIGNMENT)
    course.autograde(ASSIGNMENT, "n1")
    # n2's configuration as Fadaa wrote it before it used relative paths: absolute, the old folder's
    config_of(site.home("n2")).write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\nc.CourseDirectory.student_id = 'n2'\n"
        f"c.Exchange.root = {str(site.exchange)!r}\nc.Exchange.assignment_dir = {str(site.home('n2'))!r}\n")
    return site


@pytest.fixture
def site(quick_course, tmp_path) -> Site:
    """A hub's site with a SQLite gradebook (``quick_course`` is ``<var>/course`` and ``<var>/exchange``)."""
    return filled(Site(tmp_path), quick_course)


class ClassAtWork(threading.Thread):
    """Keeps writing as a class and its hub do: an account and an nbgrader student (the gradebook,
    in WAL mode) at a time, and n2's free-text answer saved again each time."""

    def __init__(self, site: Site):
        super().__init__(daemon=True)
        self.site, self.stop, self.committed, self.failure = site, threading.Event(), [], None

    def run(self):
        # engines of its own (the gradebook is in WAL mode since Fadaa first opened it), closed at the end
        pins, gradebook = accounts.open_accounts(self.site.accounts_db_url), create_engine(self.site.db_url)
        try:
            while not self.stop.is_set():
                name = f"w{len(self.committed):04d}"
                with gradebook.begin() as conn:
                    conn.execute(GRADEBOOK["student"].insert().values(id=name))
                accounts.set_pin(pins, name, "learners", LEARNER_PIN)
                lesson(self.site, "n2").save("why", name)
                self.committed.append(name)
        except Exception as failure:  # noqa: BLE001 - reported by the test
            self.failure = failure
        finally:
            pins.dispose()
            gradebook.dispose()

    def wait_for(self, count: int) -> None:
        while len(self.committed) < count and self.is_alive():
            self.stop.wait(0.05)


def students(site: Site) -> set[str]:
    """nbgrader's students, read from the file there now (the process's cached engines may still
    hold the wiped one open)."""
    engine = create_engine(site.db_url)
    try:
        with engine.connect() as conn:
            return set(conn.execute(select(GRADEBOOK["student"].c.id)).scalars())
    finally:
        engine.dispose()


def assert_everything_is_back(site: Site, committed: dict[str, list[str]], secret: bytes) -> None:
    """``committed``: what the class had written when the backup began to copy each database."""
    pins = accounts.open_accounts(site.accounts_db_url)
    for name in (*LEARNERS, *committed["accounts.sqlite"]):
        assert accounts.check(pins, name, LEARNER_PIN).ok, name
    assert set(committed["gradebook.db"]) <= students(site)
    assert lesson(site, "n1").load("answer") == 42 and lesson(site, "n2").load("answer") == 42
    # her answer as saved then, or later (homes are read after the course folder)
    assert lesson(site, "n2").load("why") >= committed["gradebook.db"][-1]
    assert any(p.name.startswith("n1+quick+") for p in (site.exchange / COURSE_ID / "inbound").iterdir())
    assert (site.course_root / "submitted" / "n1" / ASSIGNMENT / "quick.ipynb").is_file()
    assert Course(site.course_root, exchange=site.exchange).score(ASSIGNMENT, "n1").score == 2
    assert (site.state / "cookie_secret").read_bytes() == secret
    assert not (site.state / "proxy.pid").exists()


def test_a_site_backed_up_while_a_class_writes_comes_back_whole_here_and_elsewhere(site, tmp_path_factory,
                                                                                   monkeypatch):
    secret = (site.state / "cookie_secret").read_bytes()
    writing = ClassAtWork(site)
    writing.start()
    writing.wait_for(20)
    # what the issue saw: the latest writes are in the write-ahead log, not yet in gradebook.db itself
    naive = tmp_path_factory.mktemp("naive") / "gradebook.db"
    shutil.copy(site.course_root / "gradebook.db", naive)
    with sqlite3.connect(naive) as copied:
        assert copied.execute("SELECT COUNT(*) FROM student WHERE id LIKE 'w%'").fetchone()[0] < 20
    committed = {}
    copy_database = backups._copy_database

    def copy_while_the_class_writes(path: Path, copy: Path) -> None:
        writing.wait_for(len(writing.committed) + 3)  # however fast the backup, she writes meanwhile
        committed[path.name] = list(writing.committed)
        copy_database(path, copy)

    monkeypatch.setattr(backups, "_copy_database", copy_while_the_class_writes)
    try:
        done = backups.backup(site, tmp_path_factory.mktemp("backups"))
    finally:
        writing.stop.set()
        writing.join()
    assert writing.failure is None
    assert done.archive.stat().st_mode & 0o777 == 0o600  # PIN hashes and the cookie secret inside
    assert set(done.manifest["sqlite"]) == {"site/course/gradebook.db", "site/jupyterhub/accounts.sqlite"}

    shutil.rmtree(site.var)
    backups.restore(done.archive, site.var)
    assert_everything_is_back(site, committed, secret)
    assert students(site) <= {*LEARNERS, *writing.committed}
    if system_users.privileged():  # as the hub sets them: its state is root's alone, homes the service's
        modes = [path.stat().st_mode & 0o777 for path in (site.state, site.state / "cookie_secret")]
        assert modes == [0o700, 0o600]
        assert pwd.getpwuid(site.home("n1").stat().st_uid).pw_name == system_users.SERVICE_USER

    elsewhere = Site(tmp_path_factory.mktemp("elsewhere") / "hub")
    backups.restore(done.archive, elsewhere.var)
    assert_everything_is_back(elsewhere, committed, secret)
    # n2 hands in from the restored home: into the new folder's exchange, and nbgrader grades it there
    exchange.submit(elsewhere.home("n2"), ASSIGNMENT)
    assert not any(p.name.startswith("n2+") for p in (site.exchange / COURSE_ID / "inbound").iterdir())
    moved = Course(elsewhere.course_root, exchange=elsewhere.exchange)
    moved.collect(ASSIGNMENT)
    moved.autograde(ASSIGNMENT, "n2")
    assert moved.score(ASSIGNMENT, "n2").score == 2
    assert moved.score(ASSIGNMENT, "n1").score == 2


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def rewritten(archive: Path, into: Path, change=lambda name, data: data, extra: tuple = ()) -> Path:
    """The archive's members again, through ``change(name, data)`` (None drops a member), then the
    ``extra`` (name, data) members."""
    with tarfile.open(archive) as source, tarfile.open(into, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.isfile():
                data = change(member.name, data)
                if data is None:
                    continue
                member.size = len(data)
            target.addfile(member, io.BytesIO(data) if data is not None else None)
        for name, data in extra:
            member = tarfile.TarInfo(name)
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return into


def cut_short(archive: Path, into: Path) -> Path:
    into.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return into


def flipped_byte(archive: Path, into: Path) -> Path:
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    into.write_bytes(bytes(data))
    return into


def changed_pin(archive: Path, into: Path) -> Path:
    """Someone gave n1 another PIN inside the archive (its manifest unchanged)."""
    def change(name, data):
        if name.endswith("accounts.sqlite"):
            work = into.with_suffix(".sqlite")
            work.write_bytes(data)
            accounts.set_pin(accounts.open_accounts(f"sqlite:///{work}"), "n1", "learners", "0000")
            return work.read_bytes()
        return data
    return rewritten(archive, into, change)


def without_manifest(archive: Path, into: Path) -> Path:
    return rewritten(archive, into, lambda name, data: None if name == "manifest.json" else data)


def aiming_outside(archive: Path, into: Path) -> Path:
    """One more member, named by an absolute path: the file ``outside``, beside the archive."""
    return rewritten(archive, into, extra=[(str(into.parent / "outside"), b"owned")])


@pytest.mark.parametrize("damage, says", [
    (cut_short, "ne peut pas être lue comme une sauvegarde"),
    (flipped_byte, "ne peut pas être lue comme une sauvegarde"),
    (changed_pin, "site/jupyterhub/accounts.sqlite dans"),
    (without_manifest, "n'a pas de manifeste"),
    (aiming_outside, "ne correspond pas au manifeste"),
])
def test_a_damaged_or_changed_archive_is_refused_and_changes_nothing(site, tmp_path_factory, capsys, damage, says):
    folder = tmp_path_factory.mktemp("backups")
    archive = backups.backup(site, folder / "site.tar.gz").archive
    bad = damage(archive, folder / "bad.tar.gz")
    kept = digests(site.var)
    assert main(["--lang", "fr", "restore", str(bad), "--to", str(site.var), "--force"]) == 1
    message = capsys.readouterr().err
    assert says in message and "Rien n'a été changé" in message
    assert digests(site.var) == kept and not (folder / "outside").exists()
    fresh = folder / "fresh"
    assert main(["--lang", "fr", "restore", str(bad), "--to", str(fresh)]) == 1
    assert not fresh.exists()


def test_restore_refuses_a_folder_that_holds_something_unless_forced(site, tmp_path_factory, capsys):
    archive = tmp_path_factory.mktemp("backups") / "site.tar.gz"
    assert main(["--lang", "fr", "backup", str(archive), "--site", str(site.var)]) == 0
    assert "gardez-la en lieu sûr" in capsys.readouterr().out
    accounts.set_pin(accounts.open_accounts(site.accounts_db_url), "n1", "learners", "1111")  # after the backup
    assert main(["--lang", "fr", "restore", str(archive), "--to", str(site.var)]) == 1
    assert "n'est pas vide" in capsys.readouterr().err
    assert accounts.check(accounts.open_accounts(site.accounts_db_url), "n1", "1111").ok
    (site.state / "jupyterhub.pid").write_text(str(os.getpid()))  # as a hub that runs writes it
    assert main(["--lang", "fr", "restore", str(archive), "--to", str(site.var), "--force"]) == 1
    assert "arrêtez-le" in capsys.readouterr().err
    (site.state / "jupyterhub.pid").unlink()  # as the hub does when it stops
    assert main(["--lang", "fr", "restore", str(archive), "--to", str(site.var), "--force"]) == 0
    assert accounts.check(accounts.open_accounts(site.accounts_db_url), "n1", LEARNER_PIN).ok


def test_a_running_hub_backed_up_starts_again_in_another_folder_and_she_finds_her_answer(hub, tmp_path_factory):
    """The hub, its proxy and the lesson service run while the backup reads their databases; the
    restored copy, in another folder, is a hub of its own: her login and her PIN open it, her answer
    is there."""
    her, _phone, _lang = hub.learners(14)[13]  # one the other hub tests leave alone
    folder, notebook = hub.lesson
    session = hub.login(her, LEARNER_PIN)
    assert hub.open_lessons(session).status_code == 200  # her home, filled as she arrives
    AnswerStore(hub.site.home(her) / folder / notebook).save("why_same_day", "Pour ne rien oublier.")
    done = backups.backup(hub.site, tmp_path_factory.mktemp("backups"))
    assert "site/jupyterhub/jupyterhub.sqlite" in done.manifest["sqlite"]

    # not under pytest's temporary folder, as for the hub fixture: the service's user must reach it
    elsewhere = Site(Path(tempfile.mkdtemp(prefix="fadaa-restored-")) / "hub")
    try:
        backups.restore(done.archive, elsewhere.var)
        log = elsewhere.var.parent / "jupyterhub.log"
        with running_hub(elsewhere, log, timeout=90) as running:
            # the hub's cookie secret and database came back: the login she had still holds
            page = session.get(f"{running.url}/services/lessons/voila/render/{folder}/{notebook}", timeout=120)
            assert page.status_code == 200 and "/hub/login" not in page.url and "Traceback" not in page.text
            restored = dataclasses.replace(hub, url=running.url, site=elsewhere, log=log)
            assert restored.open_lessons(restored.login(her, LEARNER_PIN)).status_code == 200  # and her PIN
        assert AnswerStore(elsewhere.home(her) / folder / notebook).load("why_same_day") == "Pour ne rien oublier."
    finally:
        shutil.rmtree(elsewhere.var.parent, ignore_errors=True)


def test_a_postgresql_course_database_goes_through_pg_dump_and_pg_restore(quick_course, tmp_path, tmp_path_factory,
                                                                          postgres, capsys, monkeypatch):
    site = Site(tmp_path, db_url_override=postgres)
    course = Course(quick_course.root, exchange=site.exchange, db_url=postgres)
    course.generate(ASSIGNMENT)
    filled(site, course)
    archive = tmp_path_factory.mktemp("backups") / "site.tar.gz"
    with monkeypatch.context() as without_postgres_tools:
        without_postgres_tools.setenv("PATH", str(tmp_path / "nowhere"))
        assert main(["--lang", "fr", "--db-url", postgres, "backup", str(archive), "--site", str(site.var)]) == 1
        assert "pg_dump manque" in capsys.readouterr().err and not archive.exists()
    assert main(["--db-url", postgres, "backup", str(archive), "--site", str(site.var)]) == 0

    shutil.rmtree(site.var)
    wiped = create_engine(postgres)
    with wiped.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    wiped.dispose()
    assert main(["--lang", "fr", "restore", str(archive), "--to", str(site.var)]) == 1  # which database?
    assert "--db-url" in capsys.readouterr().err and not site.var.exists()
    assert main(["--db-url", postgres, "restore", str(archive), "--to", str(site.var)]) == 0
    restored = Course(site.course_root, exchange=site.exchange, db_url=postgres)
    assert restored.score(ASSIGNMENT, "n1").score == 2
    assert {"n1", "n2"} <= {student.id for student in restored.api.gradebook.students}
    assert accounts.check(accounts.open_accounts(site.accounts_db_url), "n2", LEARNER_PIN).ok

    elsewhere = tmp_path_factory.mktemp("elsewhere") / "hub"
    assert main(["--lang", "fr", "--db-url", postgres, "restore", str(archive), "--to", str(elsewhere)]) == 1
    assert "contient déjà des tables" in capsys.readouterr().err and not elsewhere.exists()
