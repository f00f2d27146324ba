"""Corporate tax and cooperatives: when the exemption applies. Plain Python, no widgets.

The General Tax Code exempts cooperatives from corporate tax (art. 6) in the two cases of
art. 7-I-A: (a) they collect their members' raw products and sell them without processing them;
(b) they process them, and their yearly turnover before VAT is under a ceiling, 10 million DH
(checked in November 2026; older texts give 5 million DH, out of date). A weaving cooperative is
case (b). The ceiling can change: the lesson sends her to her accountant or ODCO.
"""
from __future__ import annotations

PROCESSING_TURNOVER_CEILING = 10_000_000  # DH a year, before VAT (CGI art. 7-I-A, checked November 2026)


def exempt_from_corporate_tax(processes: bool, turnover_before_vat: float) -> bool:
    """True when art. 7-I-A's exemption applies: case (a), the members' products sold unprocessed,
    whatever the turnover; case (b), processed, with a turnover under the ceiling."""
    if turnover_before_vat < 0:
        raise ValueError("a turnover is never negative")
    return not processes or turnover_before_vat < PROCESSING_TURNOVER_CEILING
