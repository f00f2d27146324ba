"""Parallel autograde on a real nbgrader course: bad submissions are flagged, the batch goes on.

The course is ``quick_course`` (``course_fixtures``): one small lesson, so that the test's time goes
to nbgrader and its kernels, not to importing the lesson kit.
"""
from __future__ import annotations

import pytest

from course_fixtures import ASSIGNMENT, submit_copy

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
