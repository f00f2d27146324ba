"""What ``make serve`` prepares: the coordinator's dashboard has the demo cooperatives' progress."""
from __future__ import annotations

import pytest

from fadaa.grading.progress import Progress
from fadaa.hub.demo import prepare
from fadaa.core.site import Site

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


def test_the_demo_gives_its_pin_to_its_own_accounts_only_and_prints_accounts_that_open(tmp_path):
    from fadaa.grading.roster import Learner, import_roster, write_roster
    from fadaa.hub import accounts
    from fadaa.hub.demo import LEARNER_PIN, build, demo_accounts

    site = Site(tmp_path / "hub")
    build(site, assignments=["bookkeeping_1"])
    stranger = Learner("im9001", "<script>x</script>", "Coop", "Mourafaka", "oriental", "fr", "", "member")
    import_roster(write_roster([stranger], tmp_path / "imported.csv"), site.db_url, site.course_id)
    build(site, assignments=["bookkeeping_1"])  # `make serve` again, after a trainer imported a roster
    engine = accounts.open_accounts(site.accounts_db_url)
    assert "im9001" not in accounts.accounts(engine)
    assert not accounts.check(engine, "im9001", LEARNER_PIN).ok
    printed = demo_accounts(site)
    for name, _phone, _group, pin in printed:
        assert accounts.check(engine, name, pin).ok, name
    # the accounts the README shows
    assert ("lm000100", "learners (ar)") in [(name, group) for name, _p, group, _pin in printed]
    assert ("lm000101", "learners (fr)") in [(name, group) for name, _p, group, _pin in printed]
