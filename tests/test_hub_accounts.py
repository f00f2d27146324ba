"""PIN accounts beside the roster, without a hub: hashing, phone look-up, the lock and its end."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from fadaa.grading.roster import Learner, import_roster, write_roster
from fadaa.grading.roster_lookup import roster_engine
from fadaa.hub import accounts
from fadaa.hub.pins import BadPin, hash_pin, verify_pin


@pytest.fixture
def roster(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    person = Learner("fz01", "Fatima Zahra", "Coopérative Nour", "Lalla Al Moutaawina", "oriental", "ar",
                     "+212612345678", "president")
    assert import_roster(write_roster([person], tmp_path / "roster.csv"), db_url, "fadaa").created == ["fz01"]
    return roster_engine(db_url)


@pytest.fixture
def engine(tmp_path):
    engine = accounts.open_accounts(f"sqlite:///{tmp_path / 'accounts.sqlite'}")
    accounts.set_pin(engine, "fz01", "learners", "2468")
    return engine


def test_a_pin_is_digits_and_never_stored_as_given():
    stored = hash_pin("2468")
    assert "2468" not in stored and verify_pin("2468", stored) and not verify_pin("2469", stored)
    assert hash_pin("2468") != stored  # salted
    for bad in ("12", "abcd", "123456789"):
        with pytest.raises(BadPin):
            hash_pin(bad)


@pytest.mark.parametrize("login", ["fz01", "0612345678", "06 12 34 56 78", "+212 6 12 34 56 78", "612345678",
                                   "00212612345678", "06.12.34.56.78", "06-12-34-56-78"])
def test_she_logs_in_with_her_id_or_her_phone_written_any_way(engine, roster, login):
    assert accounts.check(engine, login, "2468", roster=roster) == accounts.Login("fz01", "learners", True)


def test_nobody_and_a_wrong_pin_are_refused(engine, roster):
    assert not accounts.check(engine, "0699999999", "2468", roster=roster).ok
    assert not accounts.check(engine, "fz01", "8642").ok


def test_five_wrong_pins_lock_her_out_until_the_lock_runs_out(engine):
    lock = dt.timedelta(seconds=1)
    for _ in range(4):
        assert accounts.check(engine, "fz01", "0000", lock_for=lock).locked_until is None
    assert accounts.check(engine, "fz01", "0000", lock_for=lock).locked_until is not None
    assert not accounts.check(engine, "fz01", "2468", lock_for=lock).ok  # right PIN, still locked
    time.sleep(1.2)
    assert accounts.check(engine, "fz01", "2468", lock_for=lock).ok


def test_accounts_kept_in_the_course_database_move_to_the_hubs_own_once(tmp_path, roster, engine):
    """A site from before: its accounts (and their locks) were in the course database, which
    trainers can read. They move, and the course database keeps no PIN hash."""
    course_db = tmp_path / "gradebook.db"
    old = accounts.metadata.tables["fadaa_account"].to_metadata(accounts.MetaData())
    old.create(accounts.create_engine(f"sqlite:///{course_db}"))
    with accounts.create_engine(f"sqlite:///{course_db}").begin() as conn:
        conn.execute(old.insert().values(username="ka02", group="learners", pin_hash=hash_pin("1357"), failures=2))
    assert accounts.move_out_of_the_course_database(engine, f"sqlite:///{course_db}") == 1
    assert accounts.check(engine, "ka02", "1357").ok
    assert b"scrypt$" not in course_db.read_bytes()
    assert accounts.move_out_of_the_course_database(engine, f"sqlite:///{course_db}") == 0


def test_a_locked_account_answers_as_slowly_as_a_wrong_pin(engine):
    """Five quick tries must not tell whether an account exists and is locked (it answered in
    11 ms where a wrong PIN took 79 ms): a locked account still checks a PIN."""
    def seconds(pin: str) -> float:
        began = time.perf_counter()
        accounts.check(engine, "fz01", pin)
        return time.perf_counter() - began
    wrong = min(seconds("1111") for _ in range(3))
    for _ in range(5):
        accounts.check(engine, "fz01", "0000")
    assert accounts.check(engine, "fz01", "2468").locked_until is not None
    locked = min(seconds("2222") for _ in range(3))
    assert locked > 0.5 * wrong


def _run(coroutine):
    """Its own event loop in its own thread: in the whole suite the browser's loop runs in this one."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_one_address_that_keeps_guessing_is_stopped_for_a_while(tmp_path, roster, engine):
    from types import SimpleNamespace
    from fadaa.hub.authenticator import PinAuthenticator

    auth = PinAuthenticator(accounts_db_url=f"sqlite:///{tmp_path / 'accounts.sqlite'}",
                            db_url=f"sqlite:///{tmp_path / 'gradebook.db'}", address_max_failures=3)
    guesser, neighbour = (SimpleNamespace(request=SimpleNamespace(remote_ip=ip)) for ip in ("203.0.113.7", "203.0.113.6"))
    for name in ("someone", "anyone", "noone"):
        assert _run(auth.authenticate(guesser, {"username": name, "password": "0000"})) is None
    # her right PIN from that address is not even checked now; from another address it works
    assert _run(auth.authenticate(guesser, {"username": "fz01", "password": "2468"})) is None
    assert _run(auth.authenticate(neighbour, {"username": "fz01", "password": "2468"}))["name"] == "fz01"
