"""A real JupyterHub (with configurable-http-proxy from hub/node_modules) on free ports under a
temporary folder, with the demo roster and PINs; shared by the tests/test_hub_*.py modules
through ``pytest_plugins``. Every process it starts is stopped at the end."""
from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from conftest import REPO

PROXY = REPO / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
LESSON = ("bookkeeping_1", "cash_book.ipynb")
CULL_KERNELS_AFTER, CULL_KERNELS_EVERY = 660, 30  # not the defaults (600, 60): seen only if the file is read


@dataclass
class Hub:
    url: str
    site: object  # fadaa.core.site.Site
    log: Path
    lesson: tuple[str, str] = LESSON
    # (seconds idle, seconds between checks) its fadaa_config.py gives the lesson service's kernels
    kernel_culling: tuple[int, int] = (CULL_KERNELS_AFTER, CULL_KERNELS_EVERY)

    @property
    def lessons(self) -> str:
        """The lesson service, where learners and coordinators land."""
        return f"{self.url}/services/lessons/"

    def learners(self, count: int) -> list[tuple[str, str, str]]:
        """(id, phone, lang) of the first ``count`` learners on the demo roster."""
        from fadaa.grading.roster import learners
        table = learners(self.site.db_url, self.site.course_id).head(count)
        return [(row.student_id, row.phone, row.lang) for row in table.itertuples()]

    @staticmethod
    def kernel_id(page_html: str) -> str:
        """The kernel a Voilà page started (its page config carries the id)."""
        return re.search(r'"kernelId"\s*:\s*"([0-9a-f-]{36})"', page_html).group(1)

    def session(self, login: str, pin: str) -> tuple[requests.Session, requests.Response]:
        """A browser-like session after posting the hub's login form."""
        session = requests.Session()
        session.get(f"{self.url}/hub/login", timeout=30)
        response = session.post(f"{self.url}/hub/login?next=", timeout=60, allow_redirects=False,
                                data={"username": login, "password": pin, "_xsrf": session.cookies.get("_xsrf")})
        return session, response

    def login(self, login: str, pin: str) -> requests.Session:
        session, response = self.session(login, pin)
        if response.status_code != 302:
            raise AssertionError(f"login refused for {login}")
        return session

    def has_server(self, name: str) -> bool:
        """Whether the hub started a server for ``name`` (read from the hub's own database)."""
        with sqlite3.connect(self.site.state / "jupyterhub.sqlite") as db:
            return db.execute("SELECT COUNT(*) FROM spawners JOIN users ON users.id = spawners.user_id "
                              "WHERE users.name = ? AND spawners.server_id IS NOT NULL", (name,)).fetchone()[0] > 0

    def lesson_service_pid(self) -> int | None:
        """The lesson service of this hub, if it runs."""
        return next(iter(_processes_naming("fadaa.hub.lesson_service", str(self.site.homes))), None)

    def open_lessons(self, session: requests.Session, path: str = "") -> requests.Response:
        """A page of hers in the lesson service (her home, first: it fills her home as she arrives)."""
        return session.get(self.lessons + path, timeout=120)

    def open_server(self, session: requests.Session, user: str, path: str = "", timeout: float = 150) -> requests.Response:
        """A trainer's own ``/user/<user>/<path>``, asking the hub to start his server first (as its login does)."""
        session.get(f"{self.url}/hub/spawn/{user}", timeout=120)
        deadline = time.monotonic() + timeout
        while True:
            response = session.get(f"{self.url}/user/{user}/{path}", timeout=120)
            if "spawn-pending" not in response.url or time.monotonic() > deadline:
                return response
            time.sleep(1)


def _processes_naming(*words: str) -> list[int]:
    """The pids of the processes whose command line holds every one of ``words``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if all(word in cmdline for word in words):
            found.append(int(proc.name))
    return found


def _stop_leftovers(var: Path) -> None:
    """Servers the hub started for this test run whose command line names its folder, by pid."""
    for pid in _processes_naming(str(var)):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


@pytest.fixture(scope="session")
def hub():
    if not PROXY.exists():
        pytest.fail("configurable-http-proxy is missing: `make test` installs it (cd hub && npm ci)")
    from fadaa.hub.demo import build, running_hub
    from fadaa.core.site import Site

    # not under pytest's own temporary folder: pytest keeps that 0700 (every session sets it again),
    # and the hub's unprivileged users must pass through to their homes
    var = Path(tempfile.mkdtemp(prefix="fadaa-hub-"))
    site = Site(var)
    build(site, assignments=[LESSON[0]])
    log_path = var / "jupyterhub.log"
    # kernel culling from a site's configuration file, as a deployment sets it (tests/test_hub_settings.py)
    config = var / "jupyter-config"
    config.mkdir()
    (config / "fadaa_config.py").write_text("c = get_config()  # noqa: F821\n"
                                            f"c.SiteSettings.cull_kernels_after = {CULL_KERNELS_AFTER}\n"
                                            f"c.SiteSettings.cull_kernels_every = {CULL_KERNELS_EVERY}\n")
    try:
        with running_hub(site, log_path, timeout=90, extra_env={"JUPYTER_CONFIG_DIR": str(config)}) as running:
            yield Hub(running.url, site, log_path)
    finally:
        _stop_leftovers(var)
        shutil.rmtree(var, ignore_errors=True)
