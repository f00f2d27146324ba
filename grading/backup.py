"""``fadaa backup`` and ``fadaa restore``: a whole site copied while it runs, and put back here or
in another folder or machine.

A site (``fadaa.core.site.Site``) is one folder: the course (nbgrader's source, release, submitted,
autograded and feedback folders and the SQLite gradebook), the exchange, every home, and the hub's
state (cookie secret, hub database, PIN accounts). Copying those files while the hub runs is not a
backup: SQLite keeps the latest writes in its write-ahead log, and a copy of ``gradebook.db`` once
missed 114 accounts. So every SQLite database found in the site is copied with SQLite's online
backup API, a PostgreSQL course database with ``pg_dump``, and every other file as it is when it is
read (read once, so that the archive and its checksum agree even if the file changes meanwhile).

The archive is one ``.tar.gz``, readable by its owner only (it holds PIN hashes and the hub's
cookie secret): the site's files under ``site/``, a PostgreSQL dump under ``postgresql/``, and
``manifest.json`` last (format, date, where the site was, each file's size and SHA-256), so that an
archive cut short has none. ``restore`` unpacks it into a folder inside the target, checks every
file against the manifest, and only then replaces what the target holds.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

from fadaa.core import system_users
from fadaa.core.home_layout import LEARNER_CONFIG
from fadaa.core.site import Site
from fadaa.core.i18n import TranslatedError, mark as _

from . import exchange


FORMAT = 1
MANIFEST = "manifest.json"
SITE = "site"  # the site folder, under this name in the archive
POSTGRES_DUMP = "postgresql/course.dump"
SQLITE_HEADER = b"SQLite format 3\x00"
# beside a database: its write-ahead log, shared memory and rollback journal, which the backup API reads
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
SPOOL = 16 << 20  # a file up to this size is read into memory before it goes into the archive
CHUNK = 1 << 20


class BackupError(TranslatedError):
    """Why a backup or a restore was refused, in the trainer's language (``text``); nothing was changed."""


@dataclass(frozen=True)
class Backup:
    archive: Path
    manifest: dict

    @property
    def databases(self) -> int:
        return len(self.manifest["sqlite"]) + bool(self.manifest["postgresql"])


# -- backup


def backup(site: Site, destination: Path) -> Backup:
    """Archive ``site`` while it runs, into ``destination``: the archive's name (``*.tar.gz``), or
    a folder where it gets a dated name."""
    now = dt.datetime.now(dt.timezone.utc)
    destination, site = destination.resolve(), replace(site, var=site.var.resolve())
    if not site.var.is_dir():
        raise BackupError(_("No site at {site}: give its folder with --site."), site=site.var)
    if destination.is_relative_to(site.var):
        raise BackupError(_("Put the backup outside the site's folder {site}: it would hold itself."), site=site.var)
    if destination.name.endswith(".tar.gz"):
        archive = destination
    else:
        destination.mkdir(parents=True, exist_ok=True)
        archive = destination / f"fadaa-backup-{now:%Y%m%d-%H%M%S}.tar.gz"
    if archive.exists():
        raise BackupError(_("{path} exists already: give another name."), path=archive)
    postgres = make_url(site.db_url).get_backend_name() == "postgresql"
    if postgres and shutil.which("pg_dump") is None:
        raise BackupError(_("The course database is PostgreSQL and pg_dump is missing: install PostgreSQL's "
                            "client tools (the postgresql-client package), then back up again."))
    manifest = {"format": FORMAT, "fadaa": version("fadaa"), "created": now.isoformat(timespec="seconds"),
                "site": str(site.var), "course_id": site.course_id, "sqlite": [],
                "postgresql": POSTGRES_DUMP if postgres else None, "files": {}}
    partial = archive.with_name(f".{archive.name}.partial")
    try:
        # created 0600: the archive holds PIN hashes and the hub's cookie secret
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out, \
                tarfile.open(fileobj=out, mode="w:gz") as tar, \
                tempfile.TemporaryDirectory(prefix=".fadaa-backup-", dir=archive.parent) as scratch_folder:
            scratch = Path(scratch_folder)  # copies of databases, beside the archive (the same disk's room)
            _add_site(tar, site, scratch, manifest)
            if postgres:
                dump = scratch / "course.dump"
                _postgres("pg_dump", site.db_url, "--format=custom", "--no-owner", f"--file={dump}")
                manifest["files"][POSTGRES_DUMP] = _add_file(tar, dump, POSTGRES_DUMP, scratch)
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(data), 0o600, int(now.timestamp())
            tar.addfile(info, io.BytesIO(data))
        partial.rename(archive)
    finally:
        partial.unlink(missing_ok=True)
    return Backup(archive, manifest)


def _add_site(tar: tarfile.TarFile, site: Site, scratch: Path, manifest: dict) -> None:
    """Every folder and regular file of the site (symbolic links and sockets are left out)."""
    for folder, subfolders, names in os.walk(site.var):
        subfolders.sort()
        here = Path(folder)
        try:
            tar.add(here, _in_archive(site, here), recursive=False)
        except FileNotFoundError:  # removed while we walk (a checkpoint folder): nothing to keep
            continue
        for name in sorted(names):
            path = here / name
            arcname = _in_archive(site, path)
            try:
                if not path.is_file() or path.is_symlink() or _left_out(site, path):
                    continue
                if _is_sqlite(path):
                    copy = scratch / "database"
                    _copy_database(path, copy)
                    manifest["files"][arcname] = _add_file(tar, copy, arcname, scratch, like=path)
                    manifest["sqlite"].append(arcname)
                    copy.unlink()
                else:
                    manifest["files"][arcname] = _add_file(tar, path, arcname, scratch)
            except FileNotFoundError:  # replaced or removed meanwhile (a lesson's temporary file)
                continue
            except PermissionError as refused:
                raise BackupError(_("Cannot read {path}: back up as the user the hub runs as (root on a "
                                    "training-centre machine)."), path=refused.filename) from None


def _in_archive(site: Site, path: Path) -> str:
    return (Path(SITE) / path.relative_to(site.var)).as_posix()


def _left_out(site: Site, path: Path) -> bool:
    """Process ids of the running hub and proxy (restored, a stale ``proxy.pid`` would make the hub
    kill whatever process has that id now), and a database's own companions (its backup holds them)."""
    if path.parent == site.state and path.suffix == ".pid":
        return True
    return any(path.name.endswith(suffix) and _is_sqlite(path.with_name(path.name[:-len(suffix)]))
               for suffix in SQLITE_COMPANIONS)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except (FileNotFoundError, IsADirectoryError):
        return False


def _copy_database(path: Path, copy: Path) -> None:
    """A consistent copy of a live SQLite database: the online backup API reads what was committed,
    write-ahead log included, while the hub and the trainers go on writing."""
    source, target = sqlite3.connect(path, timeout=60), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _add_file(tar: tarfile.TarFile, source: Path, arcname: str, scratch: Path, like: Path | None = None) -> dict:
    """Put what ``source`` holds now into the archive, with the owner and mode of ``like`` (itself by
    default). It is read once, so the archive and its checksum agree even if the file is being
    rewritten meanwhile (a large file spills into ``scratch``, beside the archive)."""
    digest = hashlib.sha256()
    with source.open("rb") as fh, tempfile.SpooledTemporaryFile(SPOOL, dir=scratch) as spool:
        info = tar.gettarinfo(str(like or source), arcname)
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            spool.write(chunk)
        info.size = spool.tell()
        spool.seek(0)
        tar.addfile(info, spool)
    return {"size": info.size, "sha256": digest.hexdigest()}


def _postgres(tool: str, db_url: str, *arguments: str) -> None:
    """Run ``pg_dump`` or ``pg_restore`` on the database of a SQLAlchemy URL; its password goes in
    their environment, not on a command line that ``ps`` shows."""
    url = make_url(db_url)
    env = {**os.environ, **({"PGPASSWORD": url.password} if url.password else {})}
    dbname = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    done = subprocess.run([tool, *arguments, f"--dbname={dbname}"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(_("{tool} failed: {error}"), tool=tool, error=done.stderr.strip())


# -- restore


def restore(archive: Path, target: Path, force: bool = False, db_url: str | None = None) -> Backup:
    """Put the backup ``archive`` into the site folder ``target``, where it was or anywhere else.
    A target that holds anything (and a PostgreSQL database that has tables, ``db_url``) is replaced
    only with ``force``. A damaged or changed archive is refused before anything is touched."""
    target = target.resolve()
    if not archive.is_file():
        raise BackupError(_("No backup at {path}."), path=archive)
    if target.is_dir() and any(target.iterdir()) and not force:
        raise BackupError(_("{target} is not empty: restore into an empty folder, or add --force to replace "
                            "what it holds."), target=target)
    hub = _running_hub(Site(target))
    if hub:
        raise BackupError(_("A hub runs over {target} (process {pid}): stop it, then restore."), target=target, pid=hub)
    made = not target.exists()
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".fadaa-restore-", dir=target))  # same disk: moved, not copied
    try:
        manifest = _unpack(archive, staging)
        if manifest["postgresql"]:
            _restore_postgres(staging / manifest["postgresql"], db_url, force)
        for old in target.iterdir():
            if old == staging:
                continue
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            else:
                old.unlink()
        for new in (staging / SITE).iterdir():
            new.rename(target / new.name)
        shutil.copymode(staging / SITE, target)
    except BaseException:
        shutil.rmtree(target if made else staging, ignore_errors=True)
        raise
    shutil.rmtree(staging)
    site = Site(target, manifest["course_id"], db_url if manifest["postgresql"] else None)
    _fit_to_its_folder(site)
    return Backup(archive, manifest)


def _running_hub(site: Site) -> int | None:
    """The process id of a hub running over ``site``: JupyterHub writes its pid file when it starts
    and removes it when it stops."""
    try:
        pid = int((site.state / "jupyterhub.pid").read_text())
        os.kill(pid, 0)
    except (OSError, ValueError):  # no pid file, or no such process
        return None
    return pid


def _unpack(archive: Path, into: Path) -> dict:
    """Unpack ``archive`` into ``into``; returns its manifest once every file agrees with it."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(into, filter=_as_it_was)
            # tar stops quietly at a header it cannot read: read on to the end, where gzip checks its CRC
            while tar.fileobj.read(CHUNK):
                pass
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:  # cut short, not gzip, corrupted
        raise BackupError(_("{archive} cannot be read as a backup ({error}): it is damaged, cut short or "
                            "not a Fadaa backup. Nothing was changed."), archive=archive, error=error) from error
    try:
        manifest = json.loads((into / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(_("{archive} has no manifest: it is not a Fadaa backup, or it was cut short. "
                            "Nothing was changed."), archive=archive) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(_("{archive} is a backup of format {found}; this Fadaa reads format {known}. Nothing "
                            "was changed."), archive=archive, found=manifest.get("format"), known=FORMAT)
    found = {path.relative_to(into).as_posix() for path in into.rglob("*") if path.is_file()} - {MANIFEST}
    listed = manifest["files"]
    mismatched = sorted(found ^ listed.keys()) or [name for name in sorted(listed)
                                                   if _sha256(into / name) != listed[name]["sha256"]]
    if mismatched:
        raise BackupError(_("{path} in {archive} does not match the backup's manifest: the archive was damaged or "
                            "changed. Nothing was changed."), path=mismatched[0], archive=archive)
    return manifest


def _as_it_was(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo:
    """Folders and regular files only, inside the target (``tarfile.data_filter`` refuses the rest),
    with their modes (nbgrader's exchange and shared course need theirs) and their owners where
    those users exist here (root otherwise; ``secure_site`` then gives each folder its owner)."""
    if not (member.isreg() or member.isdir()):
        raise tarfile.SpecialFileError(member)
    inside = tarfile.data_filter(member, path)  # its name made relative, or refused if it climbs out
    return inside.replace(mode=member.mode & (0o3777 if member.isdir() else 0o777), uid=0, gid=0,
                          uname=member.uname, gname=member.gname, deep=False)


def _sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _restore_postgres(dump: Path, db_url: str | None, force: bool) -> None:
    if not db_url or make_url(db_url).get_backend_name() != "postgresql":
        raise BackupError(_("This backup's course database is PostgreSQL: give the database to restore it into "
                            "with --db-url (or FADAA_DB_URL)."))
    if shutil.which("pg_restore") is None:
        raise BackupError(_("pg_restore is missing: install PostgreSQL's client tools (the postgresql-client "
                            "package), then restore again."))
    engine = create_engine(db_url)
    try:
        holds = inspect(engine).get_table_names()
    finally:
        engine.dispose()
    if holds and not force:
        raise BackupError(_("The database {database} already holds tables: add --force to replace them."),
                          database=make_url(db_url).render_as_string(hide_password=True))
    # one transaction: if anything fails, the database is as it was
    _postgres("pg_restore", db_url, "--clean", "--if-exists", "--no-owner", "--single-transaction", str(dump))


def _fit_to_its_folder(site: Site) -> None:
    """What a site restored elsewhere needs: learners' nbgrader configurations written again for
    this folder (older ones hold the old folder's absolute paths; trainers' are written again when
    their server starts), and as root, the owners and modes the hub gives its site."""
    for config in sorted(site.homes.glob(f"*/{LEARNER_CONFIG}")):
        # read as text, not run: as root we never execute a file from a learner's home
        if "c.CourseDirectory.student_id" in config.read_text(encoding="utf-8"):
            exchange.write_learner_config(config.parent, site.course_id, site.exchange, config.parent.name)
    if system_users.privileged():
        system_users.secure_site(site, code=[])  # the hub makes its code reachable when it starts
