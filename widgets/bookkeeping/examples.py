"""Worked examples the lessons share: a month of a weaving cooperative's cash book."""
from __future__ import annotations

from datetime import date

from .cash_book import IN, OUT, make_entry

EXAMPLE_OPENING = 1200.0

# (day of March 2026, direction, amount in DH, category, label in French, label in Arabic)
_MARCH = [
    (2, IN, 1500, "sale", "Vente d'un tapis", "بيع زربية"),
    (4, OUT, 450, "purchase", "Achat de laine", "شراء الصوف"),
    (9, OUT, 60, "transport", "Transport au souk", "النقل إلى السوق"),
    (12, IN, 800, "sale", "Vente de deux coussins", "بيع وسادتين"),
    (16, OUT, 120, "purchase", "Teinture naturelle", "صباغة طبيعية"),
    (20, IN, 200, "contribution", "Cotisation d'une adhérente", "مساهمة عضوة"),
    (23, OUT, 35, "delivery", "Envoi d'un colis Amana", "إرسال طرد عبر أمانة"),
    (27, IN, 650, "sale", "Vente en ligne, payée à la livraison", "بيع عبر الإنترنت، الدفع عند التسليم"),
    (30, OUT, 100, "other_out", "Électricité de l'atelier", "كهرباء الورشة"),
]


def example_month(lang: str) -> list:
    """The example entries with their labels in ``lang``."""
    return [make_entry(date(2026, 3, d), direction, amount, category, ar if lang == "ar" else fr)
            for d, direction, amount, category, fr, ar in _MARCH]
