"""The demo that ``make serve`` shows: the course generated and released, one learner's home with
the lessons fetched, served by Voilà on 127.0.0.1.

Everything lives under ``var/demo`` (embedded defaults: SQLite gradebook, local exchange folder).
Running it again keeps what the demo learner already answered.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from fadaa.core.home_layout import profile_of
from fadaa.grading import exchange
from fadaa.grading.audio_drafts import make_drafts, missing_tools
from fadaa.grading.course import Course
from fadaa.core.paths import REPO

from fadaa.server.serve import voila_command, voila_environment

COURSE_SOURCE = REPO / "courses" / "fadaa"
DEMO_LEARNER = "demo"


def lessons(course_source: Path = COURSE_SOURCE) -> list[tuple[str, str]]:
    """(assignment, notebook file name) for every lesson in the course's source folder."""
    return sorted((nb.parent.name, nb.name) for nb in (course_source / "source").glob("*/*.ipynb"))


def build(var: Path) -> tuple[Course, Path]:
    """Course copy, exchange and the demo learner's home, ready to serve."""
    course_root, exchange_root, home = var / "course", var / "exchange", var / "home" / DEMO_LEARNER
    # the course source comes fresh from the checkout; gradebook and submissions stay
    shutil.copytree(COURSE_SOURCE, course_root, dirs_exist_ok=True)
    spoken_drafts(course_root / "source")
    exchange_root.mkdir(parents=True, exist_ok=True)
    exchange_root.chmod(0o777)  # nbgrader's shared exchange is world-writable by design
    course = Course(course_root, exchange=exchange_root)
    exchange.write_learner_config(home, course.course_id, exchange_root, DEMO_LEARNER)
    for assignment, _notebook in lessons():
        course.generate(assignment)
        course.release(assignment, force=True)
        if not (home / assignment).exists():
            exchange.fetch(home, assignment)
    return course, home


def spoken_drafts(source: Path) -> None:
    """A machine draft of every step in French and Arabic where none is up to date (``audio_drafts``)."""
    missing = missing_tools()
    if missing:
        print(f"No spoken drafts: {', '.join(missing)} missing (`make serve` installs them).", flush=True)
        return
    print("Speaking the steps' drafts (cached: only new or changed steps take time)...", flush=True)
    make_drafts(source, log=lambda _line: None)


def demo_environment(var: Path, profile: Path) -> dict:
    """Voilà's environment for the demo: her profile, and the course whose step audio the pages play."""
    env = voila_environment()
    env["FADAA_PROFILE"] = str(profile)
    env["FADAA_COURSE_ROOT"] = str(var / "course")
    return env


def lesson_urls(port: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/voila/render/{a}/{nb}?lang={lang}"
            for a, nb in lessons() for lang in ("fr", "ar")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build and serve the Fadaa demo.")
    parser.add_argument("--var", type=Path, default=REPO / "var" / "demo", help="where the demo's data lives")
    parser.add_argument("--port", type=int, default=int(os.environ.get("FADAA_PORT", 8866)))
    args = parser.parse_args(argv)
    print("Preparing the demo course (nbgrader generate and release)...", flush=True)
    _course, home = build(args.var)
    print("\nFadaa is ready. Open a lesson in your browser:\n", flush=True)
    for url in lesson_urls(args.port):
        print(f"  {url}", flush=True)
    print("\nStop with Ctrl+C.\n", flush=True)
    return subprocess.call(voila_command(home, args.port), env=demo_environment(args.var, profile_of(home)))


if __name__ == "__main__":
    sys.exit(main())
