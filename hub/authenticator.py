"""JupyterHub login for artisans: her roster id or phone number and the short PIN her trainer set.

A small subclass of JupyterHub's own ``Authenticator`` (the hub keeps its login page, cookies and
sessions); accounts, hashed PINs and the count of wrong tries live in the course database
(``accounts``). The account's group comes back with the login and the hub keeps its groups in
step (``manage_groups``), so roles and the spawner's choice of server follow from it.
"""
from __future__ import annotations

import asyncio
import collections
import datetime as dt
import functools
import time

from jupyterhub.auth import Authenticator
from traitlets import Bool, Integer, Unicode, default

from fadaa.grading.roster_lookup import roster_engine

from . import accounts
from .logout import PostLogoutHandler


class PinAuthenticator(Authenticator):
    accounts_db_url = Unicode(help="The hub's own database of accounts and PIN hashes (only the hub reads it).").tag(config=True)
    db_url = Unicode(help="The course database holding the roster (for logins by phone number).").tag(config=True)
    course_id = Unicode("fadaa", help="The nbgrader course whose database this is.").tag(config=True)
    max_failures = Integer(5, help="Wrong PINs in a row before the account is locked.").tag(config=True)
    lock_minutes = Integer(15, help="How long a locked account refuses every PIN.").tag(config=True)
    address_max_failures = Integer(50, help="Wrong logins from one address within address_window_minutes before "
                                            "that address may not try again until the window passes (a whole "
                                            "classroom may share one address).").tag(config=True)
    address_window_minutes = Integer(10, help="The window over which wrong logins from one address are counted.").tag(config=True)
    nbgrader_groups = Bool(True, help="Also put learners in nbgrader's nbgrader-<course> group and trainers "
                                      "in formgrade-<course>, as nbgrader's JupyterHubAuthPlugin expects.").tag(config=True)

    def get_handlers(self, app):
        # before JupyterHub's own handlers: its GET logout is replaced by a form (hub/logout.py)
        return [*super().get_handlers(app), ("/logout", PostLogoutHandler)]

    @default("manage_groups")
    def _manage_groups(self):
        return True

    @default("allow_all")
    def _allow_all(self):
        # only accounts in the table can log in at all: each one is an allowed user
        return True

    @functools.cached_property
    def _engine(self):
        return accounts.open_accounts(self.accounts_db_url)

    @functools.cached_property
    def _roster(self):
        return roster_engine(self.db_url)

    def _groups(self, group: str) -> list[str]:
        extra = {"learners": f"nbgrader-{self.course_id}", "trainers": f"formgrade-{self.course_id}"}
        return [group] + ([extra[group]] if self.nbgrader_groups and group in extra else [])

    @functools.cached_property
    def _failures(self) -> dict[str, collections.deque]:
        return {}  # address -> times of its wrong logins within the window (addresses with none: no entry)

    def _address_blocked(self, address: str) -> bool:
        failures = self._failures.get(address)
        if failures is None:
            return False
        while failures and failures[0] < time.monotonic() - self.address_window_minutes * 60:
            failures.popleft()
        if not failures:
            del self._failures[address]  # the table holds only addresses that are guessing now
            return False
        return len(failures) >= self.address_max_failures

    async def authenticate(self, handler, data):
        login, pin = data.get("username", ""), data.get("password", "")
        address = handler.request.remote_ip  # the proxy's X-Forwarded-For: the hub reads it (xheaders)
        if self._address_blocked(address):
            self.log.warning("Too many wrong logins from %s: not checking more for now", address)
            return None
        # scrypt and the database are blocking: keep the hub's event loop free for everyone else
        result = await asyncio.to_thread(
            accounts.check, self._engine, login, pin, self.max_failures, dt.timedelta(minutes=self.lock_minutes),
            self._roster)
        if result.locked_until:
            self.log.warning("Account %s is locked until %s after wrong PINs", result.username, result.locked_until)
        if not result.ok:
            self._failures.setdefault(address, collections.deque()).append(time.monotonic())
            return None
        return {"name": result.username, "groups": self._groups(result.group)}
