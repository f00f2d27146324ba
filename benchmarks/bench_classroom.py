"""A class logging in at once, through the hub: a server per learner against the shared lesson service.

What a training day looks like: N learners type their PINs at the same moment. Each then gets her
home page and opens the cash-book lesson (HTTP, each page complete: Voilà sends it once the
notebook has run; a home page with a kernel, as a server of her own sends it, has that kernel
shut down as her browser does when she leaves the page). A
sample of them then open the lesson in headless Chromium (Debian's), timed until its Next button
is usable. Run on the same demo data with both ways of serving learners, one after the other:

- ``servers``: the hub spawns a Voilà server (and its kernel zygote) for each learner, as before;
- ``service``: every learner's pages come from the one lesson service (``fadaa.hub.lesson_service``).

It prints, per way: failures, login → home and lesson p50 / max, the Chromium sample's time to
usable, and the memory of the hub's whole process tree (summed PSS) with every lesson still open,
in all and per learner; then the ratios. ``--hundred`` adds 100 learners at once on the service.

Run as root to measure what ``make serve`` does on a bare machine (unprivileged users):
``.venv/bin/python benchmarks/bench_classroom.py`` (``--learners 5`` for a quick look). Everything
it starts is stopped at the end.
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from fadaa.hub.demo import LEARNER_PIN, build, running_hub
from fadaa.hub.memory import tree_pss
from fadaa.core.site import Site

LESSON = ("bookkeeping_1", "cash_book.ipynb")
TIMEOUT = 300.0  # a learner who has no page after this has failed
SETTLE = 30.0  # seconds between the hub's start and the class
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass
class Learner:
    name: str
    login: float | None = None   # seconds from posting her PIN to her home page, complete
    lesson: float | None = None  # seconds to the lesson page, complete
    error: str = ""


@dataclass
class Run:
    way: str
    learners: list[Learner]
    pss: int = 0
    usable: list[float] = field(default_factory=list)

    @property
    def failures(self) -> list[Learner]:
        return [learner for learner in self.learners if learner.error]


class Hub:
    """A hub on free ports over its own copy of the demo data (``fadaa.hub.demo.running_hub``)."""

    def __init__(self, var: Path, way: str):
        self.var, self.way, self.site = var, way, Site(var, lessons=way)
        self.log = var / "jupyterhub.log"

    def __enter__(self) -> "Hub":
        self._running = running_hub(self.site, self.log)
        running = self._running.__enter__()
        self.url, self.process = running.url, running.process
        # the lesson service starts with the machine, long before a class: its kernel zygote has
        # imported the kit by the time learners come (in the servers way nothing is warm before a login)
        time.sleep(SETTLE)
        return self

    def __exit__(self, *exc) -> None:
        self._running.__exit__(*exc)
        kept = Path(tempfile.gettempdir()) / f"bench_classroom-{self.way}-{self.process.pid}.log"
        shutil.copy(self.log, kept)  # the hub's and the service's log, for what went wrong
        print(f"  (log: {kept})")

    def pages(self, name: str) -> str:
        return f"{self.url}/services/lessons/" if self.way == "service" else f"{self.url}/user/{name}/"


def _kernel(page: str) -> str | None:
    found = re.search(r'"kernelId"\s*:\s*"([0-9a-f-]{36})"', page)
    return found.group(1) if found else None


def _xsrf(session: requests.Session, path: str) -> str:
    for cookie in session.cookies:
        if cookie.name == "_xsrf" and path.startswith(cookie.path):
            return cookie.value
    return ""


def one_learner(hub: Hub, learner: Learner, start: threading.Barrier, sessions: dict) -> None:
    session = requests.Session()
    sessions[learner.name] = session
    try:
        session.get(f"{hub.url}/hub/login", timeout=60)
        start.wait()
        began = time.monotonic()
        home = session.post(f"{hub.url}/hub/login?next=", timeout=TIMEOUT,
                            data={"username": learner.name, "password": LEARNER_PIN, "_xsrf": session.cookies.get("_xsrf", path="/hub/")})
        # a server of her own: the hub shows "spawn pending" until it runs; the service needs no wait
        while "spawn-pending" in home.url or "/hub/spawn" in home.url:
            if time.monotonic() - began > TIMEOUT:
                raise TimeoutError("no server")
            time.sleep(1)
            home = session.get(hub.pages(learner.name), timeout=TIMEOUT)
        if home.status_code != 200 or "fadaa-card" not in home.text:
            said = re.sub(r"<[^>]+>|\s+", " ", home.text[home.text.find("<body"):])[-300:]
            raise RuntimeError(f"home: HTTP {home.status_code} at {home.url}: {said}")
        learner.login = time.monotonic() - began
        prefix = re.sub(r"^https?://[^/]+", "", hub.pages(learner.name))
        kernel = _kernel(home.text)
        if kernel:  # as her browser does when she leaves her home for the lesson
            session.post(f"{hub.pages(learner.name)}voila/api/shutdown/{kernel}", timeout=60,
                         headers={"X-XSRFToken": _xsrf(session, prefix)})
        began = time.monotonic()
        lesson = session.get(f"{hub.pages(learner.name)}voila/render/{LESSON[0]}/{LESSON[1]}?lang=ar", timeout=TIMEOUT)
        if lesson.status_code != 200 or not _kernel(lesson.text) or "Traceback" in lesson.text:
            raise RuntimeError(f"lesson: HTTP {lesson.status_code}")
        learner.lesson = time.monotonic() - began
    except Exception as error:  # noqa: BLE001 - a failure is a result here
        learner.error = f"{type(error).__name__}: {error}"[:160]


def chromium_sample(hub: Hub, sessions: dict, names: list[str]) -> list[float]:
    """Time from navigation to a usable Next button, for a few learners, their cookies in Chromium."""
    from playwright.sync_api import sync_playwright
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        for name in names:
            context = browser.new_context(viewport={"width": 412, "height": 860})
            context.add_cookies([{"name": c.name, "value": c.value, "url": hub.url + c.path}
                                 for c in sessions[name].cookies])
            page = context.new_page()
            began = time.monotonic()
            page.goto(f"{hub.pages(name)}voila/render/{LESSON[0]}/{LESSON[1]}?lang=ar", timeout=TIMEOUT * 1000)
            page.wait_for_selector(".fadaa-next", timeout=TIMEOUT * 1000)
            times.append(time.monotonic() - began)
            context.close()
        browser.close()
    return times


def classroom(var: Path, way: str, names: list[str], sample: int) -> Run:
    with Hub(var, way) as hub:
        run = Run(way, [Learner(name) for name in names])
        start, sessions = threading.Barrier(len(names)), {}
        threads = [threading.Thread(target=one_learner, args=(hub, learner, start, sessions)) for learner in run.learners]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        run.pss = tree_pss(hub.process.pid)  # every learner's lesson still open
        ok = [learner.name for learner in run.learners if not learner.error]
        run.usable = chromium_sample(hub, sessions, ok[:sample]) if ok else []
    return run


def _p(values: list[float], q: str) -> str:
    if not values:
        return "-"
    return f"{statistics.median(values) if q == 'p50' else max(values):.1f} s"


def report(run: Run) -> None:
    logins = [learner.login for learner in run.learners if learner.login is not None]
    lessons = [learner.lesson for learner in run.learners if learner.lesson is not None]
    count = len(run.learners)
    print(f"\n{run.way} — {count} learners at once")
    print(f"  failures:                 {len(run.failures)}")
    for learner in run.failures[:5]:
        print(f"    {learner.name}: {learner.error}")
    print(f"  login -> home, complete:  p50 {_p(logins, 'p50')}, max {_p(logins, 'max')}")
    print(f"  lesson page, complete:    p50 {_p(lessons, 'p50')}, max {_p(lessons, 'max')}")
    print(f"  Chromium, Next usable:    {', '.join(f'{t:.1f} s' for t in run.usable) or '-'}")
    print(f"  hub's process tree (PSS): {run.pss / 2**20:.0f} MB, {run.pss / 2**20 / count:.0f} MB a learner")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--sample", type=int, default=3, help="learners also timed in Chromium")
    parser.add_argument("--hundred", action="store_true", help="also 100 learners at once on the service")
    parser.add_argument("--ways", default="servers,service", help="which ways to compare (servers, service)")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="fadaa-bench-classroom-"))
    root.chmod(0o755)
    try:
        runs = {}
        for way in [w for w in args.ways.split(",") if w]:
            var = root / way
            print(f"Building the demo course and roster for '{way}'...", flush=True)
            site = Site(var, lessons=way)
            build(site, assignments=[LESSON[0]], prize_winners=4, projects=6)
            names = _learners(site, args.learners)
            runs[way] = classroom(var, way, names, args.sample)
            report(runs[way])
        if {"servers", "service"} <= set(runs):
            _compare(runs["servers"], runs["service"])
        if args.hundred:
            var = root / "hundred"
            site = Site(var)
            build(site, assignments=[LESSON[0]], prize_winners=20, projects=30)
            report(classroom(var, "service", _learners(site, 100), args.sample))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _compare(before: Run, after: Run) -> None:
    _ratio("login -> home p50", [l.login for l in before.learners], [l.login for l in after.learners])
    _ratio("lesson p50", [l.lesson for l in before.learners], [l.lesson for l in after.learners])
    print(f"  memory: {before.pss / max(after.pss, 1):.1f}x less with the service")


def _learners(site: Site, count: int) -> list[str]:
    from fadaa.hub.accounts import accounts, open_accounts
    names = sorted(name for name, group in accounts(open_accounts(site.accounts_db_url)).items() if group == "learners")
    if len(names) < count:
        raise SystemExit(f"the demo roster has {len(names)} learners, fewer than {count}")
    return names[:count]


def _ratio(what: str, before: list, after: list) -> None:
    b, a = [v for v in before if v is not None], [v for v in after if v is not None]
    if b and a:
        print(f"  {what}: {statistics.median(b) / statistics.median(a):.1f}x faster with the service")


if __name__ == "__main__":
    sys.exit(main())
