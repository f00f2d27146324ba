"""PINs as salted scrypt hashes: a stolen database gives no PIN back without a brute force per account.

A 4-digit PIN has only 10,000 values, so the hash alone cannot protect it; the login's lock after a
few wrong tries (``accounts``) is what does. The hash still keeps PINs out of backups and logs.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

# scrypt's cost: ~50 ms and 16 MiB per check, small next to a login, large for a guesser
N, R, P = 2**14, 8, 1
PIN = re.compile(r"[0-9]{4,8}")


class BadPin(ValueError):
    pass


def _scrypt(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)


def hash_pin(pin: str) -> str:
    """``scrypt$<salt>$<hash>``, both base64; the PIN must be 4 to 8 digits (easy on a phone's keypad)."""
    if not PIN.fullmatch(pin):
        raise BadPin("A PIN is 4 to 8 digits.")
    salt = os.urandom(16)
    return "scrypt${}${}".format(base64.b64encode(salt).decode(), base64.b64encode(_scrypt(pin, salt)).decode())


def verify_pin(pin: str, stored: str) -> bool:
    scheme, _, rest = stored.partition("$")
    salt, _, digest = rest.partition("$")
    if scheme != "scrypt" or not salt or not digest:
        return False
    return hmac.compare_digest(_scrypt(pin, base64.b64decode(salt)), base64.b64decode(digest))
