"""The worked example of module 3: the weaving cooperative « Nour » (the bookkeeping module's
example too) prepares its 2027 assembly. Its statutes' figures are *fictional*, marked as such in
the lessons: every cooperative takes its own from its statutes."""
from __future__ import annotations

from datetime import date

from ..bookkeeping.year_summary import Allocation
from .quorum import CAST, MajorityRule, Tally, Threshold, adopted
from .records import Cooperative, Decision, Meeting, Statutes
from .reports import FinancialReport, MoralReport, from_figures

YEAR_END = date(2026, 12, 31)
AGM_DAY = date(2027, 5, 22)
MEMBERS = 40

# Fictional statutes of the example (not the law): 15 days' notice, at least half the members on
# first call, at least a quarter on second call, proxies counted, one proxy per member, decisions by
# more than half of the votes cast.
STATUTES = Statutes(notice_days=15, first_call=Threshold(1, 2), second_call=Threshold(1, 4),
                    count_represented=True, max_proxies=1,
                    majority=MajorityRule(Threshold(1, 2, strict=True), CAST))

# The day, first call: 16 members present and 5 represented: 21, the quorum (20) is met
PRESENT, REPRESENTED = 16, 5


def cooperative(lang: str) -> Cooperative:
    if lang == "ar":
        return Cooperative("نور للنسيج", "خنيفرة", MEMBERS, "فاطمة الزهراء العلوي", "عائشة بناني")
    return Cooperative("Nour de tissage", "Khénifra", MEMBERS, "Fatima Zahra Alaoui", "Aïcha Bennani")


def meeting(lang: str, agenda: list[str]) -> Meeting:
    place = "مقر التعاونية، خنيفرة" if lang == "ar" else "Siège de la coopérative, Khénifra"
    return Meeting(AGM_DAY, "10:00", place, agenda, call=1)


def member_names(lang: str) -> list[str]:
    fr = ["Fatima Zahra Alaoui", "Aïcha Bennani", "Khadija Ouali", "Zahra Amrani", "Malika Idrissi",
          "Naima Boukili", "Hafsa Tazi", "Rkia Ait Lahcen"]
    ar = ["فاطمة الزهراء العلوي", "عائشة بناني", "خديجة والي", "زهرة العمراني", "مليكة الإدريسي",
          "نعيمة البوكيلي", "حفصة التازي", "رقية آيت لحسن"]
    return ar if lang == "ar" else fr


def moral_report(lang: str) -> MoralReport:
    if lang == "ar":
        return MoralReport(
            activities="نسجنا 64 زربية و120 وسادة. شاركنا في معرضين جهويين. بدأنا البيع عبر الإنترنت في شتنبر.",
            members="انضمت 4 عضوات جديدات وغادرت عضوة واحدة: 40 عضوة في آخر السنة.",
            difficulties="غلاء الصوف في الربيع، وتأخر بعض الزبائن في الأداء عند التسليم.",
            plans="تكوين في التصوير، وشراء منسج ثانٍ.")
    return MoralReport(
        activities="Nous avons tissé 64 tapis et 120 coussins. Nous avons participé à deux foires régionales. "
                   "Nous vendons en ligne depuis septembre.",
        members="4 nouvelles adhérentes, 1 départ : 40 adhérentes à la fin de l'année.",
        difficulties="La laine a coûté plus cher au printemps ; des clients ont payé en retard à la livraison.",
        plans="Une formation à la photo, l'achat d'un deuxième métier à tisser.")


INCOME = {"sale": 48_600, "contribution": 2_400, "other_in": 0}
EXPENSES = {"purchase": 21_300, "transport": 2_150, "delivery": 1_850, "other_out": 4_700}
ALLOCATIONS = (Allocation("reserve", 8_000), Allocation("members", 10_000))


def financial_report() -> FinancialReport:
    return from_figures("2026", INCOME, EXPENSES, ALLOCATIONS)


def decisions(lang: str, agenda: list[str]) -> list[Decision]:
    """The votes of the day on the first three items (the last, 'any other business', is not voted)."""
    tallies = [Tally(19, 0, 2), Tally(17, 2, 2), Tally(12, 6, 3)]
    return [Decision(text, t, adopted(t, STATUTES.majority, PRESENT + REPRESENTED))
            for text, t in zip(agenda[:3], tallies)]
