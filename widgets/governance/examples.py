"""The worked example of the governance lessons: the weaving cooperative « Nour » of the AGM and
bookkeeping modules (40 members, assembly on 22/05/2027). Its statutes' figures are *fictional*,
said so in the lessons: every cooperative takes its own from its statutes."""
from __future__ import annotations

from datetime import date

from fadaa.widgets.bookkeeping import nour
from ..agm import examples as agm
from ..agm.quorum import VOTERS, MajorityRule, Threshold
from .board import Mandate, make_mandate
from .registers import CONTRIBUTION, SHARE, Payment

ASSEMBLY_DAY = agm.AGM_DAY
TERM_YEARS = 3                      # fictional: "board members are elected for three years"
SHARE_VALUE = nour.SHARE_VALUE      # fictional: "one share is worth 100 DH"
# fictional: changing the statutes needs at least two thirds of the members present or represented
EXTRAORDINARY_MAJORITY = MajorityRule(Threshold(2, 3), VOTERS)
VOTERS_PRESENT = agm.PRESENT + agm.REPRESENTED      # 21

_BOARD = [("Fatima Zahra Alaoui", "فاطمة الزهراء العلوي", "president", date(2025, 5, 24)),
          ("Zahra Amrani", "زهرة العمراني", "treasurer", date(2024, 5, 18)),
          ("Aïcha Bennani", "عائشة بناني", "secretary", date(2024, 5, 18)),
          ("Khadija Ouali", "خديجة الوالي", "member", date(2025, 5, 24)),
          ("Malika Idrissi", "مليكة الإدريسي", "member", date(2026, 5, 20))]


def board(lang: str) -> list[Mandate]:
    return [make_mandate(ar if lang == "ar" else fr, role, day, TERM_YEARS) for fr, ar, role, day in _BOARD]


def payments(lang: str) -> list[Payment]:
    """What Nour's members paid in 2026 (``nour.MEMBER_PAYMENTS``, the lines of its cash book):
    cotisations (50 DH a year) and shares (100 DH each)."""
    kinds = {"share": SHARE, "contribution": CONTRIBUTION}
    return [Payment(day, ar if lang == "ar" else fr, kinds[kind], amount)
            for day, fr, ar, kind, amount in nour.MEMBER_PAYMENTS]
