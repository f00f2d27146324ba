"""The worked example of the funding lessons: the cooperative Nour's project. Its prices are made up
for the exercise, and the lesson says so."""
from __future__ import annotations

from datetime import date

from . import programmes, project

WORDS = {
    "fr": ("Tapis en laine", "Tisser deux tapis de plus par mois, et les vendre en ligne.",
           ("Métier à tisser", "Laine (kg)", "Téléphone pour les photos et les commandes")),
    "ar": ("زرابي من الصوف", "نسج زربيتين إضافيتين كل شهر، وبيعهما عبر الإنترنت.",
           ("منسج", "صوف (كلغ)", "هاتف للصور والطلبات")),
}
QUANTITIES_AND_PRICES = ((2, 4500), (120, 45), (1, 1600))
OWN_CONTRIBUTION = 2000


def example_project(lang: str = "fr") -> project.Project:
    product, goal, labels = WORDS[lang]
    return project.make_project(
        cooperative="Nour", product=product, goal=goal,
        items=[project.make_item(label, q, p) for label, (q, p) in zip(labels, QUANTITIES_AND_PRICES)],
        own_contribution=OWN_CONTRIBUTION, ceiling=programmes.PRIZE_AMOUNT)


# Two cooperatives for the Mourafaka question: registered in 2019 and in 2024, seen in November 2026.
EXAMPLE_TODAY = date(2026, 11, 30)
EXAMPLE_FOUNDED = {"older": date(2019, 3, 12), "younger": date(2024, 5, 6)}


def example_asked() -> float:
    return example_project().asked


def example_young_cooperative() -> str:
    """The one of the two that Mourafaka's reported age limit lets in."""
    return next(key for key, founded in EXAMPLE_FOUNDED.items()
                if programmes.years_old(founded, EXAMPLE_TODAY) < programmes.MOURAFAKA_MAX_AGE_YEARS)
