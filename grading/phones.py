"""Moroccan phone numbers as the roster keeps them (+212XXXXXXXXX), however they were typed.

Its own small module: the hub reads it on every login by phone, without the roster's imports.
"""
from __future__ import annotations

import re

PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")


def normalise_phone(text: str) -> str | None:
    """A Moroccan mobile or landline number as +212XXXXXXXXX, or None if it is not one.

    Excel drops the leading zero of a number typed as 0612345678: nine digits are accepted as such.
    """
    digits = PHONE_SEPARATORS.sub("", text)
    for prefix in ("+212", "00212", "212", "0"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 9:
            digits = digits[len(prefix):]
            break
    if len(digits) == 9 and digits.isdigit() and digits[0] in "567":
        return "+212" + digits
    return None
