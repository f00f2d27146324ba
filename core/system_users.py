"""Who runs what on one machine: the hub as root, everyone else as unprivileged system users.

When the hub runs as root (a bare training-centre machine, CI), nothing it starts keeps root:

- the lesson service and its kernels run as ``fadaa-lessons``, which owns the learners' and
  coordinators' homes;
- each trainer's JupyterLab runs as his own system user (``fadaa-t-<name>``), which owns his home;
- trainers and the lesson service share the group ``fadaa-course``, which owns the course folder
  and the exchange (not world-writable: nobody else submits on one machine), group-writable with
  the set-group-id bit, as nbgrader's documentation asks for a course shared by several graders
  (``CourseDirectory.groupshared``);
- the hub's own state (cookie secret, hub database, the accounts and their PIN hashes) is in a
  folder only root can open.

A hub started by an ordinary user runs everything as that user: it cannot do otherwise, and says so.
"""
from __future__ import annotations

import grp
import hashlib
import logging
import os
import pwd
import re
import stat
import subprocess
from pathlib import Path

log = logging.getLogger("fadaa.hub")

SERVICE_USER = "fadaa-lessons"
COURSE_GROUP = "fadaa-course"
SERVICE_HOME = Path("/var/lib/fadaa-lessons")  # its runtime files, matplotlib's cache...
_LINUX_NAME = re.compile(r"[a-z_][a-z0-9_-]*")


def privileged() -> bool:
    return os.geteuid() == 0


def trainer_user(hub_name: str) -> str:
    """The system user of a trainer's hub account: a valid Linux name of at most 32 characters."""
    base = re.sub(r"[^a-z0-9_-]", "", hub_name.lower())
    name = f"fadaa-t-{base}"
    if len(name) > 32 or not _LINUX_NAME.fullmatch(name) or base != hub_name:
        name = f"fadaa-t-{base[:14]}-{hashlib.sha1(hub_name.encode()).hexdigest()[:8]}"
    return name


def _ensure_group(name: str) -> int:
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        subprocess.run(["groupadd", "--system", name], check=True)
        return grp.getgrnam(name).gr_gid


def ensure_user(name: str, home: Path | None = None, shell: str = "/usr/sbin/nologin") -> pwd.struct_passwd:
    """The system user ``name`` in the course group, created if missing (root only)."""
    _ensure_group(COURSE_GROUP)
    try:
        return pwd.getpwnam(name)
    except KeyError:
        command = ["useradd", "--system", "--gid", COURSE_GROUP, "--shell", shell]
        command += ["--home-dir", str(home), "--create-home"] if home else ["--home-dir", "/nonexistent", "--no-create-home"]
        subprocess.run([*command, name], check=True)
        log.info("Created the system user %s", name)
        return pwd.getpwnam(name)


def chown_tree(root: Path, uid: int, gid: int, dir_mode: int | None = None, add_file_bits: int = 0) -> None:
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            path = Path(folder) / name
            os.lchown(path, uid, gid)
            if dir_mode is not None:
                path.chmod(dir_mode)
        for name in files:
            path = Path(folder) / name
            if path.is_symlink():
                continue
            os.lchown(path, uid, gid)
            if add_file_bits:
                path.chmod(stat.S_IMODE(path.stat().st_mode) | add_file_bits)
    os.lchown(root, uid, gid)
    if dir_mode is not None:
        root.chmod(dir_mode)


def make_reachable(path: Path, user: str) -> None:
    """Let ``user`` walk down to ``path`` (the checkout, its venv): add the search bit (x, not read)
    to each folder above it that refuses others, such as a temporary folder made 0700."""
    for folder in reversed(Path(path).resolve().parents):
        mode = stat.S_IMODE(folder.stat().st_mode)
        if not mode & stat.S_IXOTH:
            folder.chmod(mode | stat.S_IXOTH)
            log.warning("Gave others the right to pass through %s so that %s reaches %s", folder, user, path)
    mode = stat.S_IMODE(Path(path).stat().st_mode)
    Path(path).chmod(mode | stat.S_IXOTH | stat.S_IROTH)


def secure_site(site, code: list[Path]) -> None:
    """Users, owners and modes for a hub's folder (``site``) and the folders of the code it runs."""
    service = ensure_user(SERVICE_USER, home=SERVICE_HOME)
    gid = grp.getgrnam(COURSE_GROUP).gr_gid
    for folder in [*code, site.var]:
        make_reachable(folder, SERVICE_USER)
    site.var.chmod(0o755)
    state = site.var / "jupyterhub"
    state.mkdir(exist_ok=True)
    chown_tree(state, 0, 0, dir_mode=0o700)
    for path in state.iterdir():
        if path.is_file():
            path.chmod(0o600)
    # the course: trainers and the lesson service (progress, certificates) as one group
    chown_tree(site.course_root, 0, gid, dir_mode=0o2770, add_file_bits=stat.S_IRGRP | stat.S_IWGRP)
    # nbgrader's documents its exchange root world-writable, for learners who submit as users of
    # their own; here everyone who touches it (trainers, and the lesson service submitting for
    # learners) is in the course group: the group's alone, and sticky, so no one removes or renames
    # what another made. The course's outbound and feedback folders belong to the course group so
    # any trainer can release again.
    os.chown(site.exchange, 0, gid)
    site.exchange.chmod(0o3770)
    course_exchange = site.exchange / site.course_id
    if course_exchange.is_dir():
        for part in ("outbound", "feedback", "feedback_public"):
            if (course_exchange / part).is_dir():
                chown_tree(course_exchange / part, 0, gid, dir_mode=0o2775,
                            add_file_bits=stat.S_IRGRP | stat.S_IWGRP | stat.S_IROTH)
    site.homes.mkdir(parents=True, exist_ok=True)
    # the lesson service makes learners' homes as they arrive; nobody lists them, each owner opens her own
    os.chown(site.homes, service.pw_uid, gid)
    site.homes.chmod(0o711)
    for home in site.homes.iterdir():
        if home.is_dir() and not home.is_symlink() and home.stat().st_uid == 0:
            # made before the hub ran as root here (the demo's build): the lesson service's from now on
            chown_tree(home, service.pw_uid, gid)
            home.chmod(0o700)
