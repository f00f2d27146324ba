"""How many SMS a message costs: GSM-7 when every character is in the GSM 03.38 alphabet, else UCS-2.

A GSM-7 message fits 160 characters in one SMS and 153 per part once split (each part carries a
header); a character of the extension table (``€ [ ] { } ^ ~ | \\``) takes two. Any other character
(Arabic, ç, ’) makes the whole message UCS-2: 70 UTF-16 units in one SMS, 67 per part, and a
character outside the BMP (an emoji) takes two units. Neither an escaped character nor a surrogate
pair is split between parts, which is why parts are filled one character at a time.
"""
from __future__ import annotations

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")
# Typographic marks that have a GSM-7 twin: written plainly, a French message stays in 160 characters.
PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ",
                       "\u202f": " ", "–": "-", "—": "-", "…": "..."})


def is_gsm(text: str) -> bool:
    return all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text)


def plain(text: str) -> str:
    """``text`` with typographic quotes, dashes and non-breaking spaces as GSM-7 has them."""
    return text.translate(PLAIN)


def segments(text: str) -> int:
    """The number of SMS that ``text`` is sent as."""
    if is_gsm(text):
        costs, single, part = [2 if ch in GSM_EXTENSION else 1 for ch in text], 160, 153
    else:
        costs, single, part = [2 if ord(ch) > 0xFFFF else 1 for ch in text], 70, 67
    if sum(costs) <= single:
        return 1
    count, used = 1, 0
    for cost in costs:
        if used + cost > part:
            count, used = count + 1, 0
        used += cost
    return count
