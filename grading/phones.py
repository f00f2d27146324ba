"""Moroccan phone numbers as the roster keeps them (E.164, +212XXXXXXXXX), however they were typed.

Parsing and checking are Google's numbering plan (``phonenumbers``), not rules of our own: it knows
which blocks are allocated, reads 06…, +212 6…, 00212…, 212…, Arabic-Indic digits, spaces, dots,
dashes and brackets, and a number Excel stripped of its leading zero (612345678). Only Moroccan
numbers are kept: the roster's numbers are for Moroccan SMS gateways and WhatsApp, and a login by
phone compares the E.164 form stored here.

Its own small module: the hub reads it on every login by phone, without the roster's imports.
"""
from __future__ import annotations

import phonenumbers

REGION = "MA"


def parse_phone(text: str) -> phonenumbers.PhoneNumber | None:
    """The Moroccan number ``text`` names, or None if it names none (too short, unallocated, foreign)."""
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number_for_region(number, REGION) else None


def normalise_phone(text: str) -> str | None:
    """A Moroccan mobile or landline number as +212XXXXXXXXX (E.164), or None if it is not one."""
    number = parse_phone(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None
