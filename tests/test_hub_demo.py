"""What ``make serve`` prepares: the coordinator's dashboard has the demo cooperatives' progress."""
from __future__ import annotations

import pytest

from fadaa.grading.progress import Progress
from fadaa.hub.demo import prepare
from fadaa.hub.site import Site

pytestmark = pytest.mark.slow


def test_the_demo_dashboard_shows_months_of_progress_once(tmp_path):
    site = Site(tmp_path / "hub")
    prepare(site, assignments=["bookkeeping_1"])
    board = Progress(site.db_url, site.course_id).dashboard()
    counts = board.by_module.set_index("module")
    assert counts.loc["bookkeeping_1", ["passed", "graded", "needs_manual"]].sum() > 0
    learners = board.members.members.sum()

    prepare(site, assignments=["bookkeeping_1"])  # `make serve` again: nothing added twice
    assert Progress(site.db_url, site.course_id).dashboard().members.members.sum() == learners
