"""Coordinator dashboard at programme scale: Fadaa's SQL aggregates against nbgrader's objects.

Builds a course database of 10,000 learners × 40 modules (bulk inserts through ``demo_data``), then
times, on the same data in the same run:

- Fadaa: every aggregate of one dashboard screen (``Progress.dashboard``), best of three runs;
- nbgrader: the same per-learner × module facts read through ``nbgrader.api.Gradebook`` objects
  (``find_submission`` then ``.score``, ``.max_score``, ``.needs_manual_grade``, ``.timestamp``) for
  a sample of learners, scaled linearly to all learners (each learner costs the same queries).

    .venv/bin/python benchmarks/bench_progress.py [--learners 10000] [--modules 40] [--sample 100]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from fadaa.demo import data as demo_data
from fadaa.grading.database import open_database
from fadaa.grading.progress import Progress

COURSE_ID = "fadaa"


def build(db_url: str, learners: int, modules: int) -> tuple[dict, demo_data.Simulation]:
    # enough supported projects to reach the head count; cohorts() makes 3–12 members per cooperative
    people = demo_data.cohorts(projects=learners // 5)[:learners]
    sim = demo_data.Simulation(weeks=30, participation=1.0, engagement=(0.9, 1.0))
    counts = demo_data.populate(open_database(db_url, COURSE_ID), COURSE_ID, people, modules, sim)
    return counts, sim


def nbgrader_way(db_url: str, sample: list[str]) -> int:
    """The per-learner facts a dashboard needs, read the ORM way; returns how many were read."""
    read = 0
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:
        modules = [a.name for a in gradebook.assignments]
        for student in sample:
            for module in modules:
                try:
                    submission = gradebook.find_submission(module, student)
                except MissingEntry:
                    continue
                _facts = (submission.score, submission.max_score, submission.needs_manual_grade,
                          submission.timestamp)
                read += 1
    return read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--modules", type=int, default=40)
    parser.add_argument("--sample", type=int, default=100, help="learners read the nbgrader way (then scaled)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{Path(tmp) / 'gradebook.db'}"
        started = time.perf_counter()
        counts, sim = build(db_url, args.learners, args.modules)
        print(f"built in {time.perf_counter() - started:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))

        progress = Progress(db_url, COURSE_ID)
        times = []
        for _ in range(3):
            started = time.perf_counter()
            board = progress.dashboard(now=sim.now)
            times.append(time.perf_counter() - started)
        fadaa = min(times)
        print(f"fadaa dashboard (all aggregates of one screen): best {fadaa:.2f} s, "
              f"median {statistics.median(times):.2f} s over 3 runs; "
              f"{int(board.by_module[['passed', 'graded', 'needs_manual']].to_numpy().sum()):,} graded learner-modules")

        ids = sorted(progress.learner_modules(now=sim.now, module=board.by_module.module.iloc[0]).student_id)
        sample = ids[:: max(1, len(ids) // args.sample)][: args.sample]
        started = time.perf_counter()
        read = nbgrader_way(db_url, sample)
        measured = time.perf_counter() - started
        scaled = measured * len(ids) / len(sample)
        print(f"nbgrader Gradebook objects: {measured:.1f} s for {len(sample)} learners ({read:,} submissions), "
              f"scaled × {len(ids) / len(sample):.0f} to {len(ids):,} learners: {scaled:.0f} s")
        print(f"ratio: {scaled / fadaa:.0f}× (target ≥ 100×); dashboard {fadaa:.2f} s (target ≤ 1 s)")


if __name__ == "__main__":
    main()
