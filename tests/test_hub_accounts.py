"""PIN accounts beside the roster, without a hub: hashing, phone look-up, the lock and its end."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from fadaa.grading.roster import Learner, import_roster, write_roster
from fadaa.hub import accounts
from fadaa.hub.pins import BadPin, hash_pin, verify_pin


@pytest.fixture
def engine(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    person = Learner("fz01", "Fatima Zahra", "Coopérative Nour", "Lalla Al Moutaawina", "oriental", "ar",
                     "+212612345678", "president")
    assert import_roster(write_roster([person], tmp_path / "roster.csv"), db_url, "fadaa").created == ["fz01"]
    engine = accounts.open_accounts(db_url, "fadaa")
    accounts.set_pin(engine, "fz01", "learners", "2468")
    return engine


def test_a_pin_is_digits_and_never_stored_as_given():
    stored = hash_pin("2468")
    assert "2468" not in stored and verify_pin("2468", stored) and not verify_pin("2469", stored)
    assert hash_pin("2468") != stored  # salted
    for bad in ("12", "abcd", "123456789"):
        with pytest.raises(BadPin):
            hash_pin(bad)


@pytest.mark.parametrize("login", ["fz01", "0612345678", "06 12 34 56 78", "+212 6 12 34 56 78", "612345678"])
def test_she_logs_in_with_her_id_or_her_phone_written_any_way(engine, login):
    assert accounts.check(engine, login, "2468") == accounts.Login("fz01", "learners", True)


def test_nobody_and_a_wrong_pin_are_refused(engine):
    assert not accounts.check(engine, "0699999999", "2468").ok
    assert not accounts.check(engine, "fz01", "8642").ok


def test_five_wrong_pins_lock_her_out_until_the_lock_runs_out(engine):
    lock = dt.timedelta(seconds=1)
    for _ in range(4):
        assert accounts.check(engine, "fz01", "0000", lock_for=lock).locked_until is None
    assert accounts.check(engine, "fz01", "0000", lock_for=lock).locked_until is not None
    assert not accounts.check(engine, "fz01", "2468", lock_for=lock).ok  # right PIN, still locked
    time.sleep(1.2)
    assert accounts.check(engine, "fz01", "2468", lock_for=lock).ok
