"""Autograde throughput: ``fadaa autograde`` (a process per core) against plain ``nbgrader autograde``.

Builds 40 submissions of the course's first real lesson (answers written the way the lesson's
widgets write them, some right and some wrong), copies the course twice, and in the same run times
``nbgrader autograde <lesson>`` in one copy and ``fadaa autograde <lesson>`` in the other.

    .venv/bin/python benchmarks/bench_autograde.py [--submissions 40] [--workers N]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fadaa.grading.course import Course
from fadaa.core.answer_store import AnswerStore

REPO = Path(__file__).resolve().parents[1]
LESSON = ("bookkeeping_1", "cash_book.ipynb")
ANSWERS = ({"closing_balance": 3585, "total_sales": 2950}, {"closing_balance": 3500, "total_sales": 2950})


def prepare(tmp: Path, submissions: int) -> Path:
    root = tmp / "course"
    shutil.copytree(REPO / "courses" / "fadaa", root)
    (tmp / "exchange").mkdir()
    course = Course(root, exchange=tmp / "exchange")
    course.generate(LESSON[0])
    released = root / "release" / LESSON[0] / LESSON[1]
    for n in range(submissions):
        folder = root / "submitted" / f"learner{n:03d}" / LESSON[0]
        folder.mkdir(parents=True)
        shutil.copy(released, folder / LESSON[1])
        store = AnswerStore(folder / LESSON[1])
        for grade_id, value in ANSWERS[n % 2].items():
            store.save(grade_id, value)
        store.save("why_same_day", "Pour ne rien oublier et prouver chaque ligne.")
    return root


def timed(command: list[str], cwd: Path, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    # nbgrader shells out to this environment's `alembic`, here and in the commands timed below
    os.environ["PATH"] = os.pathsep.join([str(bin_dir), os.environ.get("PATH", "")])
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        plain_root = prepare(Path(tmp) / "plain", args.submissions)
        fadaa_root = Path(tmp) / "fadaa" / "course"
        shutil.copytree(plain_root, fadaa_root)
        plain = timed([str(bin_dir / "nbgrader"), "autograde", LESSON[0]], plain_root, env)
        fadaa = timed([str(bin_dir / "fadaa"), "--course", str(fadaa_root), "autograde", LESSON[0],
                       "--workers", str(args.workers)], fadaa_root, env)
        graded = [len(list((root / "autograded").glob(f"*/{LESSON[0]}/{LESSON[1]}"))) for root in (plain_root, fadaa_root)]
    print(f"{args.submissions} submissions of {LESSON[0]}, {os.cpu_count()} cores")
    print(f"nbgrader autograde: {plain:.1f} s ({plain / args.submissions:.2f} s each), {graded[0]} graded")
    print(f"fadaa autograde --workers {args.workers}: {fadaa:.1f} s ({fadaa / args.submissions:.2f} s each), "
          f"{graded[1]} graded")
    print(f"ratio: {plain / fadaa:.2f}× (target ≥ 1.8× on 2 cores)")


if __name__ == "__main__":
    main()
