"""How fast a lesson becomes usable on an emulated phone: plain Voilà defaults against Fadaa's Voilà,
the same lesson, the same machine, in the same run.

Headless Chromium (Debian's, driven by Playwright) with the network throttled through CDP to a
slow 3G-like link (1.6 Mbps down, 750 kbps up, 150 ms round trip) and the CPU slowed 4×. It prints:

- bytes and requests that went over the network for a first visit (empty cache) and a repeat visit (warm cache);
- time from navigation until the lesson's first widget (its "Next" button) is on screen and
  usable, cold and warm;
- 20 learners opening the lesson at once (plain HTTP, as many browsers would: the page, then the
  assets it lists, then the kernel shut down as the page does on leaving), 200 page loads in
  all: p50 and max of a load, and responses that never completed (no answer within 120 s).

Run: ``.venv/bin/python benchmarks/bench_phone.py`` (``--quick`` for fewer loads). Every server it
starts is stopped at the end.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from fadaa.core.home_layout import profile_of
from fadaa.grading import exchange
from fadaa.grading.course import Course
from fadaa.demo.learner import COURSE_SOURCE, spoken_drafts
from fadaa.server.running import free_port, running
from fadaa.server.serve import voila_command, voila_environment

LESSON = ("bookkeeping_1", "cash_book.ipynb")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
                 "uploadThroughput": 750_000 / 8}
CPU_SLOWDOWN = 4
USABLE = ".fadaa-next"
HUNG_AFTER = 120.0


def build_home(var: Path) -> Path:
    """A learner's home with the lesson fetched through nbgrader, as on the real server."""
    course = Course(shutil.copytree(COURSE_SOURCE, var / "course"), exchange=var / "exchange")
    spoken_drafts(var / "course" / "source")  # the steps' ▶ is on the page, its sound fetched only on a tap
    (var / "exchange").mkdir(exist_ok=True)
    course.generate(LESSON[0])
    course.release(LESSON[0], force=True)
    home = var / "home"
    exchange.write_learner_config(home, course.course_id, var / "exchange", "bench")
    exchange.fetch(home, LESSON[0])
    return home


def plain_command(home: Path, port: int) -> list[str]:
    """Voilà as it comes: lab template, its own defaults for everything."""
    return [sys.executable, "-m", "voila", str(home), f"--port={port}", "--Voila.ip=127.0.0.1", "--no-browser"]


@dataclass
class Server:
    name: str
    base: str

    def lesson_url(self, lang: str = "fr") -> str:
        return f"{self.base}/voila/render/{LESSON[0]}/{LESSON[1]}?lang={lang}"


def server_environment(home: Path) -> dict:
    env = voila_environment()
    env["FADAA_PROFILE"] = str(profile_of(home))
    env["FADAA_COURSE_ROOT"] = str(home.parent / "course")  # build_home's course: the steps' sound
    return env


def step_audio_sizes(var: Path) -> str:
    """What a tap on a step's ▶ fetches, on average over the lesson's steps, by format."""
    folder = var / "course" / "source" / LESSON[0] / "audio" / Path(LESSON[1]).stem
    sizes = {ext: [p.stat().st_size for p in folder.glob(f"*.draft.{ext}")] for ext in ("ogg", "m4a")}
    return ", ".join(f"{ext} {sum(s) / len(s) / 1e3:.1f} KB" for ext, s in sizes.items() if s)


@dataclass
class Visit:
    bytes: int
    requests: int
    usable_s: float
    urls: list[str]


def visit(context, url: str) -> Visit:
    """One throttled page visit in ``context`` (its cache kept between visits)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    received: dict[str, int] = {}
    urls: dict[str, str] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__(e["requestId"], e["encodedDataLength"]))
    cached: set[str] = set()  # answered from the browser's cache: no request went out
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on("Network.responseReceived", lambda e: cached.add(e["requestId"])
           if e["response"].get("fromDiskCache") or e["response"].get("fromPrefetchCache") else None)
    started = time.monotonic()
    page.goto(url, wait_until="commit", timeout=300_000)
    page.wait_for_selector(f"{USABLE}:not([disabled])", state="visible", timeout=300_000)
    usable = time.monotonic() - started
    page.wait_for_load_state("networkidle", timeout=300_000)
    page.wait_for_timeout(1000)
    page.close()
    http = [r for r in received if urls.get(r, "").startswith("http")]
    sent = [r for r in http if r not in cached]
    return Visit(sum(received[r] for r in sent), len(sent), usable, [urls[r] for r in http])


def phone_visits(browser, server: Server) -> tuple[Visit, Visit]:
    context = browser.new_context(viewport={"width": 412, "height": 860})
    try:
        return visit(context, server.lesson_url()), visit(context, server.lesson_url())
    finally:
        context.close()


class KernelLeak(RuntimeError):
    """A kernel could not be shut down: the crowd stops before kernels fill the machine's memory."""


def _get(session, url: str) -> tuple[str, bool]:
    """The body (decompressed, as a browser gets it) and whether the whole response came within
    HUNG_AFTER (a server that keeps trickling bytes would never trip a socket timeout)."""
    import requests
    deadline = time.monotonic() + HUNG_AFTER
    body = bytearray()
    try:
        # requests asks for gzip and unpacks it
        with session.get(url, timeout=(10, HUNG_AFTER), stream=True) as response:
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if time.monotonic() > deadline:
                    return "", False
            return body.decode(response.encoding or "utf-8", "replace"), True
    except requests.RequestException:
        return "", False


def _learner(server: Server, assets: list[str], loads: list[None], times: list[float], hung: list[int]) -> None:
    """One learner opening the lesson again and again: the page, its assets six at a time (as a
    browser does), then her kernel shut down as the page does when she leaves it."""
    import requests
    session = requests.Session()
    session.get(f"{server.base}/voila/tree", timeout=60)  # Voilà sets the _xsrf cookie there
    with ThreadPoolExecutor(6) as pool:
        while True:
            try:
                loads.pop()
            except IndexError:
                return
            started = time.monotonic()
            page, ok = _get(session, server.lesson_url())
            done = list(pool.map(lambda url: _get(session, url)[1], assets))
            times.append(time.monotonic() - started)
            hung.append((not ok) + done.count(False))
            kernel = re.search(r'"kernelId"\s*:\s*"([0-9a-f-]{36})"', page)
            if kernel:
                answer = session.post(f"{server.base}/voila/api/shutdown/{kernel.group(1)}", timeout=60,
                                      headers={"X-XSRFToken": session.cookies.get("_xsrf", "")})
                if answer.status_code >= 300:
                    raise KernelLeak(f"{server.name}: kernel shutdown answered {answer.status_code}")


def crowd(server: Server, assets: list[str], learners: int, loads: int) -> tuple[list[float], int]:
    """``learners`` at once, ``loads`` page loads in all: every load's seconds, and the responses
    that never came."""
    pending: list[None] = [None] * loads
    times: list[float] = []
    hung: list[int] = []
    with ThreadPoolExecutor(learners) as pool:
        for future in [pool.submit(_learner, server, assets, pending, times, hung) for _ in range(learners)]:
            future.result()
    return times, sum(hung)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--loads", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="40 loads instead of 200")
    args = parser.parse_args(argv)
    loads = 40 if args.quick else args.loads
    # nbgrader shells out to `alembic`: this venv's bin/ first, as `make` does
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-phone-") as tmp:
        var = Path(tmp)
        print("Building a learner's home with the lesson (nbgrader generate, release, fetch)...", flush=True)
        home = build_home(var)
        results = {}
        for name, command in (("plain Voilà", plain_command), ("Fadaa", voila_command)):
            port = free_port()
            log = var / f"{name.split()[0]}.log"
            with running(command(home, port), port, server_environment(home), log) as base:
                server = Server(name, base)
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                    first, repeat = phone_visits(browser, server)
                    browser.close()
                assets = [u for u in first.urls if u.startswith(server.base) and "/voila/render/" not in u]
                print(f"{name}: first visit {first.bytes / 1e6:.2f} MB / {first.requests} requests, usable after "
                      f"{first.usable_s:.1f} s; repeat {repeat.bytes / 1e3:.0f} KB / {repeat.requests} requests, "
                      f"{repeat.usable_s:.1f} s. Now {args.learners} learners, {loads} loads...", flush=True)
                times, hung = crowd(server, assets, args.learners, loads)
                results[name] = (first, repeat, times, hung)

        audio = step_audio_sizes(var)
    print(f"\nA step's sound, fetched when she taps ▶ (machine drafts, a step on average): {audio}")
    print(f"\nThe lesson {LESSON[0]}/{LESSON[1]} on an emulated phone (1.6 Mbps, 150 ms RTT, CPU /{CPU_SLOWDOWN}):\n")
    print(f"{'':34}{'plain Voilà':>14}{'Fadaa':>14}{'ratio':>9}")
    rows = [
        ("first visit, MB", lambda r: r[0].bytes / 1e6, "{:.2f}"),
        ("first visit, requests", lambda r: r[0].requests, "{:.0f}"),
        ("repeat visit, KB", lambda r: r[1].bytes / 1e3, "{:.0f}"),
        ("repeat visit, requests", lambda r: r[1].requests, "{:.0f}"),
        ("usable, cold cache, s", lambda r: r[0].usable_s, "{:.1f}"),
        ("usable, warm cache, s", lambda r: r[1].usable_s, "{:.1f}"),
        (f"{args.learners} at once: p50 load, s", lambda r: statistics.median(r[2]), "{:.1f}"),
        (f"{args.learners} at once: max load, s", lambda r: max(r[2]), "{:.1f}"),
        (f"hung responses ({loads} loads)", lambda r: r[3], "{:.0f}"),
    ]
    plain, fadaa = results["plain Voilà"], results["Fadaa"]
    for label, get, fmt in rows:
        a, b = get(plain), get(fadaa)
        ratio = f"{a / b:.1f}×" if b else "—"
        print(f"{label:34}{fmt.format(a):>14}{fmt.format(b):>14}{ratio:>9}")
    print("\nTargets: first visit ≤ 1.0 MB, repeat ≤ 40 KB, usable ≤ 8 s cold and ≤ 3 s warm, "
          "p50 ≤ 4 s at 20 at once, 0 hung.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
