"""The hub that ``make serve`` shows: the course released, a small demo roster with PINs, months of
synthetic cooperatives' work for the coordinator's dashboard, JupyterHub.

Everything lives under ``var/hub`` (``FADAA_HUB_VAR``). Running it again keeps the learners' homes,
the gradebook and the PINs; the course source comes fresh from the checkout.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from fadaa.core.settings import site_settings
from fadaa.grading.course import Course
from fadaa.demo.learner import COURSE_SOURCE, lessons, spoken_drafts
from fadaa.demo.data import cohorts
from fadaa.grading.roster import import_roster, write_roster
from fadaa.demo.history import add_history

from .accounts import accounts, open_accounts, set_pin
from fadaa.core.paths import REPO
from fadaa.core.site import Site

HUB_DIR = Path(__file__).resolve().parent
# Demo only: real PINs are set one by one by trainers (``python -m fadaa.hub.accounts``).
LEARNER_PIN, TRAINER_PIN, COORDINATOR_PIN = "2468", "1357", "9753"
TRAINERS, COORDINATORS = ("formatrice",), ("coordination",)
# the demo learners that make serve prints and the README shows: Arabic, French, another cooperative
FEATURED = ("lm000100", "lm000101", "pa000200")


def build(site: Site, assignments: list[str] | None = None, prize_winners: int = 2, projects: int = 3) -> Course:
    """Course released into the shared exchange (every lesson, or ``assignments``), the demo roster
    imported, and the demo's own accounts with their demo PINs: learners a trainer imported later
    get none (a trainer gives each her PIN)."""
    shutil.copytree(COURSE_SOURCE, site.course_root, dirs_exist_ok=True)
    spoken_drafts(site.course_root / "source")
    for folder in (site.exchange, site.homes):
        folder.mkdir(parents=True, exist_ok=True)
    site.exchange.chmod(0o777)  # nbgrader's shared exchange is world-writable by design
    course = Course(site.course_root, exchange=site.exchange, db_url=site.db_url)
    for assignment in assignments or sorted({a for a, _notebook in lessons()}):
        course.generate(assignment)
        course.release(assignment, force=True)
    site.state.mkdir(parents=True, exist_ok=True)
    site.state.chmod(0o700)
    engine = open_accounts(site.accounts_db_url)
    known = accounts(engine)
    people = demo_people(prize_winners, projects)
    import_roster(write_roster(people, site.var / "demo_roster.csv"), site.db_url, site.course_id)
    for person in people:
        if person.student_id not in known:
            set_pin(engine, person.student_id, "learners", LEARNER_PIN)
    for names, group, pin in ((TRAINERS, "trainers", TRAINER_PIN), (COORDINATORS, "coordinators", COORDINATOR_PIN)):
        for name in names:
            if name not in known:
                set_pin(engine, name, group, pin)
    return course


def demo_people(prize_winners: int = 2, projects: int = 3) -> list:
    """The demo roster's learners (always the same ones)."""
    return cohorts(prize_winners=prize_winners, projects=projects, members=(3, 5))


def prepare(site: Site, assignments: list[str] | None = None) -> Course:
    """What ``make serve`` shows: ``build``, then months of other cooperatives' work so that the
    coordinator's dashboard has something to show (added once: not again on the next start)."""
    course = build(site, assignments)
    add_history(site.db_url, site.course_id)
    return course


def hub_environment(site: Site, base: dict | None = None) -> dict:
    env = dict(os.environ if base is None else base)
    env.update(site.environment())
    # nbgrader shells out to alembic and the hub starts the venv's servers: its bin/ comes first
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def hub_command() -> list[str]:
    return [sys.executable, "-m", "jupyterhub", "-f", str(HUB_DIR / "jupyterhub_config.py")]


@dataclass
class RunningHub:
    url: str
    process: subprocess.Popen


@contextlib.contextmanager
def running_hub(site: Site, log_path: Path, timeout: float = 120,
                extra_env: dict[str, str] | None = None) -> Iterator[RunningHub]:
    """JupyterHub over ``site`` on free ports of 127.0.0.1, for the tests and benchmarks: yields once
    the hub answers (and its lesson service is behind its route), and stops it and everything it
    started when the block ends. Its output goes to ``log_path``; ``extra_env`` is added to its
    environment (a ``JUPYTER_CONFIG_DIR`` holding a ``fadaa_config.py``, say)."""
    from fadaa.server.serve import free_ports

    port, hub_api, proxy_api, lessons = free_ports(4)
    env = hub_environment(site)
    env.update(FADAA_HUB_PORT=str(port), FADAA_HUB_API_PORT=str(hub_api),
               FADAA_PROXY_API_PORT=str(proxy_api), FADAA_LESSONS_PORT=str(lessons), **(extra_env or {}))
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        process = subprocess.Popen(hub_command(), env=env, cwd=site.var, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while not _answers(url, site):
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("JupyterHub did not start:\n" + log_path.read_text())
                time.sleep(0.5)
            yield RunningHub(url, process)
        finally:
            process.terminate()  # the hub stops every server and service it started, then its proxy
            try:
                process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def _answers(url: str, site: Site) -> bool:
    """The hub answers, and the lesson service is behind its route (a login page, not the hub's 404)."""
    try:
        if urllib.request.urlopen(f"{url}/hub/api", timeout=2).status != 200:
            return False
        if site.lessons == "service":
            urllib.request.urlopen(f"{url}/services/lessons/", timeout=5)
        return True
    except OSError:  # refused, or an HTTP error (404 while the service is not routed yet)
        return False


def demo_accounts(site: Site) -> list[tuple[str, str, str, str]]:
    """(account, phone, group, PIN) for a few of the demo's learners, the trainer and the coordinator:
    accounts that exist, with the PIN that opens them."""
    known = accounts(open_accounts(site.accounts_db_url))
    featured = {p.student_id: p for p in demo_people() if p.student_id in FEATURED}
    people = [(p.student_id, p.phone or "", f"learners ({p.lang})", LEARNER_PIN)
              for name, p in sorted(featured.items()) if known.get(name) == "learners"]
    return people + [(TRAINERS[0], "", "trainers", TRAINER_PIN), (COORDINATORS[0], "", "coordinators", COORDINATOR_PIN)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the demo hub's data and run JupyterHub.")
    parser.add_argument("--var", type=Path, default=REPO / "var" / "hub", help="where the hub's data lives")
    args = parser.parse_args(argv)
    site = Site(args.var.resolve())
    print("Preparing the course, the roster and the accounts...", flush=True)
    prepare(site)
    print(f"\nFadaa is ready at http://127.0.0.1:{site_settings().hub_port}/ — log in with an id (or phone) and PIN:\n", flush=True)
    for name, phone, group, pin in demo_accounts(site):
        print(f"  {name:14} {phone:15} {group:16} PIN {pin}", flush=True)
    print("\nStop with Ctrl+C.\n", flush=True)
    return subprocess.call(hub_command(), env=hub_environment(site), cwd=site.var)


if __name__ == "__main__":
    sys.exit(main())
