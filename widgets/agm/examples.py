"""The worked example of module 3: the weaving cooperative « Nour » (``fadaa.widgets.bookkeeping.nour``, the
bookkeeping module's example too) prepares the assembly of its year 2026. Its statutes' figures are
*fictional*, marked as such in the lessons: every cooperative takes its own from its statutes."""
from __future__ import annotations

from fadaa.widgets.bookkeeping import nour
from .quorum import CAST, MajorityRule, Tally, Threshold, adopted
from .records import Cooperative, Decision, Meeting, Statutes
from .reports import FinancialReport, MoralReport, from_year_summary

YEAR_END = nour.YEAR_END
AGM_DAY = nour.AGM_DAY
MEMBERS = nour.MEMBERS

# Fictional statutes of the example (not the law): 15 days' notice, at least half the members on
# first call, at least a quarter on second call, proxies counted, one proxy per member, decisions by
# more than half of the votes cast.
STATUTES = Statutes(notice_days=15, first_call=Threshold(1, 2), second_call=Threshold(1, 4),
                    count_represented=True, max_proxies=1,
                    majority=MajorityRule(Threshold(1, 2, strict=True), CAST))

# The day, first call: 16 members present and 5 represented: 21, the quorum (20) is met
PRESENT, REPRESENTED = 16, 5


def cooperative(lang: str) -> Cooperative:
    lang = "ar" if lang == "ar" else "fr"
    return Cooperative(nour.FULL_NAME[lang], nour.PLACE[lang], MEMBERS, nour.PRESIDENT[lang], nour.SECRETARY[lang])


def meeting(lang: str, agenda: list[str]) -> Meeting:
    place = f"مقر التعاونية، {nour.PLACE['ar']}" if lang == "ar" else f"Siège de la coopérative, {nour.PLACE['fr']}"
    return Meeting(AGM_DAY, "10:00", place, agenda, call=1)


def member_names(lang: str) -> list[str]:
    fr = ["Fatima Zahra Alaoui", "Aïcha Bennani", "Khadija Ouali", "Zahra Amrani", "Malika Idrissi",
          "Naima Boukili", "Hafsa Tazi", "Rkia Ait Lahcen"]
    ar = ["فاطمة الزهراء العلوي", "عائشة بناني", "خديجة والي", "زهرة العمراني", "مليكة الإدريسي",
          "نعيمة البوكيلي", "حفصة التازي", "رقية آيت لحسن"]
    return ar if lang == "ar" else fr


def moral_report(lang: str) -> MoralReport:
    carpets = sum(c for c, _ in nour.SOLD.values())
    cushions = sum(c for _, c in nour.SOLD.values())
    joined, left, members = nour.MEMBERS_JOINED, nour.MEMBERS_LEFT, nour.MEMBERS
    if lang == "ar":
        return MoralReport(
            activities=f"بعنا {carpets} زربية و{cushions} وسادة. شاركنا في معرضين جهويين. بدأنا البيع عبر الإنترنت في شتنبر.",
            members=f"عدد العضوات الجديدات: {joined}. عدد المغادرات: {left}. عدد العضوات في آخر السنة: {members}.",
            difficulties="غلاء الصوف في الربيع، وتأخر عامل التوصيل في دفع ثمن بعض الطرود.",
            plans="تكوين في التصوير، وشراء منسج ثانٍ.")
    return MoralReport(
        activities=f"Nous avons vendu {carpets} tapis et {cushions} coussins. Nous avons participé à deux foires "
                   "régionales. Nous vendons en ligne depuis septembre.",
        members=f"{joined} nouvelles adhérentes, {left} départ : {members} adhérentes à la fin de l'année."
        if left else f"{joined} nouvelles adhérentes, aucun départ : {members} adhérentes à la fin de l'année.",
        difficulties="La laine a coûté plus cher au printemps ; le livreur a payé certains colis en retard.",
        plans="Une formation à la photo, l'achat d'un deuxième métier à tisser.")


def financial_report() -> FinancialReport:
    """Nour's year 2026 as the bookkeeping module summed it, with the board's proposal."""
    year = nour.year()
    return from_year_summary(year, year.allocations, year.net_surplus)


def decisions(lang: str, agenda: list[str]) -> list[Decision]:
    """The votes of the day on the first three items (the last, 'any other business', is not voted)."""
    tallies = [Tally(19, 0, 2), Tally(17, 2, 2), Tally(12, 6, 3)]
    return [Decision(text, t, adopted(t, STATUTES.majority, PRESENT + REPRESENTED))
            for text, t in zip(agenda[:3], tallies)]
