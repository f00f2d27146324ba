"""Reading and checking a learner's answers: plain Python, no widget import."""
from __future__ import annotations

import math
import re
from typing import Callable, TypeVar

T = TypeVar("T")

# Phones with an Arabic keyboard type Eastern Arabic digits; the lesson accepts them.
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2066-\u2069']")


class RuleError(ValueError):
    """A figure or a choice a subject's rule refuses: ``reason`` is a short code the view turns into
    words, ``field`` says which figure. Each subject names its own (``PricingError``...)."""

    def __init__(self, reason: str, field: str = ""):
        super().__init__(f"{reason}: {field}" if field else reason)
        self.reason = reason
        self.field = field


def bounded(value: float, field: str, largest: float, error: type[RuleError] = RuleError) -> float:
    """``value`` as a float if it is a finite number from 0 to ``largest``; otherwise ``error`` with
    the reason ``not_a_number``, ``negative`` or ``too_large``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise error("not_a_number", field)
    if value < 0:
        raise error("negative", field)
    if value > largest:
        raise error("too_large", field)
    return float(value)


#: The largest figure a checkpoint takes, either side of 0 (a loss, a wrong try): every answer of the
#: course is far below it, while a 27-digit number or 1e308 is a slip that no sum or page can show.
LARGEST_ANSWER = 1_000_000_000


def bounded_either_side(value: float, field: str, largest: float, error: type[RuleError] = RuleError) -> float:
    """Like ``bounded``, for a figure that may be below 0 (a deficit, a wrong try): ``too_large``
    beyond ±``largest``."""
    bounded(abs(value) if isinstance(value, (int, float)) else value, field, largest, error)
    return float(value)


def bounded_answer(value: float) -> float:
    """A checkpoint's number, typed or saved, within ±``LARGEST_ANSWER``."""
    return bounded_either_side(value, "answer", LARGEST_ANSWER)


class NotANumber(ValueError):
    """The text could not be read as an amount; the message is shown to the learner."""


def parse_number(text: str) -> float:
    """Read '1 250,50', '1250.5', '١٢٥٠' or '1 250 DH' as a number.

    A comma is a decimal comma unless it groups thousands ('1,250' stays ambiguous and is read as
    1.25 only when followed by one or two digits, the way French-locale Excel writes money).
    """
    cleaned = _SPACES.sub("", str(text).translate(_EASTERN_DIGITS))
    cleaned = re.sub(r"(?i)(dh|mad|درهم)$", "", cleaned).replace("٫", ".").replace("٬", "")
    if not cleaned:
        raise NotANumber("empty")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".") if cleaned.rfind(",") > cleaned.rfind(".") \
            else cleaned.replace(",", "")
    elif "," in cleaned:
        whole, _, frac = cleaned.rpartition(",")
        cleaned = (whole.replace(",", "") + "." + frac) if len(frac) <= 2 else cleaned.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError as exc:
        raise NotANumber(text) from exc
    if not math.isfinite(value):
        raise NotANumber(text)
    return value


def within_tolerance(given: float, expected: float, absolute: float = 0.5, relative: float = 0.0) -> bool:
    """True when ``given`` is close enough to ``expected``: the larger of the two tolerances applies."""
    return abs(given - expected) <= max(absolute, abs(expected) * relative)


def read_or_say_why(read: Callable[[], T], out, not_a_number: str, refused: Callable[[ValueError], str],
                    rule: type[ValueError] = ValueError) -> T | None:
    """What ``read`` makes of her figures, or None once ``out`` (a feedback widget) says why it cannot:
    ``not_a_number`` when she typed something that is not a number, ``refused(error)`` when a
    subject's ``rule`` error refuses a figure. One shape for every view's "wrong figure" handler;
    any other error still surfaces."""
    try:
        return read()
    except NotANumber:
        out.value = not_a_number
    except rule as error:
        out.value = refused(error)
    return None
