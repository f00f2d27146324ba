"""A 10,000-learner roster imported: Fadaa's ``import_roster`` against nbgrader's own
``nbgrader db student import``, the same learners, in the same run.

Fadaa checks every row (ids, regions, languages, phones, duplicates) and writes the roster and
nbgrader's students in one transaction; nbgrader's command writes its students one commit at a
time. Run: ``.venv/bin/python benchmarks/bench_roster.py [--learners N]``.
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fadaa.grading.roster import Learner, import_roster, write_roster

REGIONS = ("oriental", "souss-massa", "fes-meknes", "draa-tafilalet")


def people(count: int) -> list[Learner]:
    return [Learner(f"lm{i:06d}", f"Fatima{i} Alaoui{i}", f"Coopérative {i // 8}", "Mourafaka",
                    REGIONS[i % len(REGIONS)], "ar" if i % 3 else "fr", f"+2126{i:08d}", "member")
            for i in range(count)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        roster = write_roster(people(args.learners), folder / "roster.csv")
        began = time.perf_counter()
        report = import_roster(roster, f"sqlite:///{folder / 'fadaa.db'}", "fadaa")
        fadaa = time.perf_counter() - began
        assert len(report.created) == args.learners, report.problems[:3]

        students = folder / "students.csv"
        with open(students, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "first_name", "last_name", "email"])
            writer.writerows([p.student_id, *p.name.split(" ", 1), ""] for p in people(args.learners))
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "nbgrader", "db", "student", "import", str(students),
                        f"--CourseDirectory.db_url=sqlite:///{folder / 'nbgrader.db'}"],
                       check=True, cwd=folder, capture_output=True)
        plain = time.perf_counter() - began
    print(f"{args.learners} learners: fadaa import_roster {fadaa:.1f} s (checked, one transaction), "
          f"nbgrader db student import {plain:.1f} s: {plain / fadaa:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
