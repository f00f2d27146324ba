"""Parallel autograde on a real nbgrader course: bad submissions are flagged, the batch goes on.

The course is ``quick_course`` (``course_fixtures``): one small lesson, so that the test's time goes
to nbgrader and its kernels, not to importing the lesson kit.
"""
from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from course_fixtures import ASSIGNMENT, submit_copy
from hostile_inputs import print_megabytes

@pytest.mark.slow
def test_a_batch_with_every_kind_of_bad_submission_is_graded_on_two_workers(quick_course):
    from fadaa.grading.autograde import autograde_all

    submit_copy(quick_course, "right", "answer = 42", why="Pour garder la trace.")
    submit_copy(quick_course, "wrong", "answer = 41")
    submit_copy(quick_course, "loops", "while True:\n    pass")
    submit_copy(quick_course, "floods", "print(('bla ' * 250 + '\\n') * 5000)  # 5 MB\nanswer = 42")
    submit_copy(quick_course, "tampers", "answer = 41", test="assert True")
    submit_copy(quick_course, "broken", raw='{"cells": [ this is not json')
    seen = []

    report = autograde_all(quick_course, ASSIGNMENT, workers=2, on_done=seen.append)

    outcomes = {o.student_id: o for o in report.outcomes}
    assert sorted(outcomes) == ["broken", "floods", "loops", "right", "tampers", "wrong"]
    assert len(seen) == 6  # the progress callback heard of each one
    assert {s: o.flags for s, o in outcomes.items()} == {
        "right": [], "wrong": [], "loops": ["timeout"], "floods": ["output_truncated"],
        "tampers": ["tampered"], "broken": ["not_json"]}
    assert not outcomes["broken"].graded
    assert all(outcomes[s].graded for s in ("right", "wrong", "loops", "floods", "tampers"))
    score = {s: quick_course.score(ASSIGNMENT, s) for s in outcomes}
    assert score["right"].score == 2 and score["right"].max_score == 3
    assert score["right"].needs_manual_grade  # her free-text answer waits for the trainer
    assert not score["wrong"].needs_manual_grade  # left blank: nbgrader gives 0 without a trainer
    assert score["floods"].score == 2
    assert score["wrong"].score == score["loops"].score == 0
    # nbgrader put the original test back: the tampered "assert True" did not give the points
    assert score["tampers"].score == 0
    assert score["broken"] is None


@pytest.mark.slow
def test_a_submission_that_prints_50_mb_is_flagged_and_graded_into_a_small_notebook(quick_course, capsys):
    from fadaa.grading.cli import main
    from fadaa.grading.output_limit import TRUNCATED_MARK

    submit_copy(quick_course, "right", "answer = 42")
    # one line of 50 MB: nbgrader's LimitOutput counts lines, and kept all of it
    submit_copy(quick_course, "prints", "print('x' * 50_000_000)\nanswer = 42")
    submit_copy(quick_course, "shows", "answer = 42\n'y' * 50_000_000  # the cell's value, not a stream")
    # a wrong answer that floods the test cell itself: the test's error must survive the cut
    submit_copy(quick_course, "hides", "class Answer:\n    def __eq__(self, other):\n"
                                       "        print('x' * 1_000_000)\n        return False\nanswer = Answer()")

    course = ["--course", str(quick_course.root), "--exchange", str(quick_course.config.Exchange.root)]
    assert main([*course, "autograde", ASSIGNMENT, "--workers", "2"]) == 0  # every one graded...

    out = capsys.readouterr().out  # ...and the trainer told which printed too much
    cut = "Le cahier a affiché trop de texte ; la sortie a été coupée."
    assert all(f"{s}: {cut}" in out for s in ("prints", "shows", "hides")) and "right:" not in out
    assert all(quick_course.score(ASSIGNMENT, s).score == 2 for s in ("right", "prints", "shows"))
    assert quick_course.score(ASSIGNMENT, "hides").score == 0
    for student in ("prints", "shows"):
        graded = quick_course.root / "autograded" / student / ASSIGNMENT / "quick.ipynb"
        assert graded.stat().st_size < 1_000_000
        answer = next(c for c in nbformat.read(graded, as_version=4).cells
                      if c.metadata["nbgrader"]["grade_id"] == "answer")
        shown = answer.outputs[0].get("text") or answer.outputs[0]["data"]["text/plain"]
        assert shown.startswith("xxxx" if student == "prints" else "'yyyy") and TRUNCATED_MARK in shown


# grades one submission that runs nothing heavy, then the flood, in a fresh grading process; prints
# how much the process grew while grading the flood, in MB
_GRADE_AND_MEASURE = """
import resource, sys
from fadaa.grading.autograde import grade_one
from fadaa.grading.course import Course
from fadaa.server.forked_kernels import use_forked_python_kernels
use_forked_python_kernels()
course = Course(sys.argv[1], exchange=sys.argv[2])
assert grade_one(course, sys.argv[3], "right").graded
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
flags = grade_one(course, sys.argv[3], "floods").flags
print(",".join(flags), (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


@pytest.mark.slow
def test_grading_a_50_mb_flood_never_holds_the_flood(quick_course):
    submit_copy(quick_course, "right", "answer = 42")
    submit_copy(quick_course, "floods", print_megabytes(50) + "\nanswer = 42")
    config = quick_course.root / "nbgrader_config.py"
    config.write_text(config.read_text() + "c.ExecutePreprocessor.timeout = 120\n")  # printing takes a while
    ran = subprocess.run([sys.executable, "-c", _GRADE_AND_MEASURE, str(quick_course.root),
                          quick_course.config.Exchange.root, ASSIGNMENT], capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr[-3000:]
    flags, grown_mb = ran.stdout.split()[-2:]
    # nbgrader's executor alone kept all 50 MB until the notebook had run (+61 MB measured)
    assert flags == "output_truncated" and int(grown_mb) < 25
