"""« Nour », the example weaving cooperative of the bookkeeping and AGM lessons: one year, 2026, in
one place.

Every figure a bookkeeping or AGM lesson shows about Nour is read from here, and the figures that
follow from others are computed by the subjects' rules, not written twice: March's cash book is the
March of the year summary; the wool and the dye bought in March are the stock sheet's entries; the
carpets sold in March are the cash book's carpet sales and the stock sheet's carpets out; a carpet's
materials are 6 kg of wool and 1 L of dye at their average cost; the AGM's financial report is the
year summary. ``tests/test_nour.py`` checks that they agree.

The cooperative, its members and its statutes are invented for the exercise (the lessons say so).
Plain Python, no widgets.
"""
from __future__ import annotations

from datetime import date

from fadaa.widgets.bookkeeping import stock
from fadaa.widgets.bookkeeping.cash_book import IN, OUT, Entry, make_entry
from fadaa.widgets.bookkeeping.summary import ProductLine, Totals, totals
from fadaa.widgets.bookkeeping.year_summary import Allocation, YearSummary

# -- who and where
NAME = {"fr": "Nour", "ar": "نور"}
FULL_NAME = {"fr": "Nour de tissage", "ar": "نور للنسيج"}
PLACE = {"fr": "douar Aït Ali, Azilal", "ar": "دوار آيت علي، أزيلال"}
MEMBERS = 40            # at the end of 2026: 37 at the start, 3 joined (governance_2's register), none left
MEMBERS_JOINED, MEMBERS_LEFT = 3, 0
PRESIDENT = {"fr": "Fatima Zahra Alaoui", "ar": "فاطمة الزهراء العلوي"}
SECRETARY = {"fr": "Aïcha Bennani", "ar": "عائشة بناني"}

# -- its financial year, and its assembly
YEAR = 2026
YEAR_END = date(YEAR, 12, 31)
AGM_DAY = date(YEAR + 1, 5, 22)
OPENING_CASH = 800.0    # in the cash box on 1 January 2026

# -- what it makes and sells, all year round
CARPET_PRICE, CUSHION_PRICE = 1075, 400
WOOL_PER_CARPET, DYE_PER_CARPET = 6, 1        # kg, L
CUSHION_MATERIALS = 150                        # wool and thread of one woven cushion, DH

# -- what members paid in 2026 (governance_2's register; the cash book's cotisation and capital lines)
COTISATION = 50     # DH a year (Nour's fictional statutes)
SHARE_VALUE = 100   # DH a part sociale (Nour's fictional statutes)
# (day, name fr, name ar, "share" or "contribution", amount)
MEMBER_PAYMENTS = [(date(YEAR, 1, 15), "24 membres", "24 عضوة", "contribution", 24 * COTISATION),
                   (date(YEAR, 3, 2), "Samira Tazi", "سميرة التازي", "share", 3 * SHARE_VALUE),
                   (date(YEAR, 3, 2), "Samira Tazi", "سميرة التازي", "contribution", COTISATION),
                   (date(YEAR, 4, 20), "Nadia Berrada", "نادية برادة", "share", 2 * SHARE_VALUE),
                   (date(YEAR, 4, 20), "Nadia Berrada", "نادية برادة", "contribution", COTISATION),
                   (date(YEAR, 9, 5), "Hanane Filali", "حنان الفيلالي", "share", 5 * SHARE_VALUE)]


def paid_in(month: int, kind: str) -> float:
    """What members paid in ``month`` as cotisations ("contribution") or for parts sociales ("share")."""
    return sum(amount for day, _fr, _ar, k, amount in MEMBER_PAYMENTS if day.month == month and k == kind)


# -- March 2026 in the cash book (lessons 1 and 2 of bookkeeping)
MARCH = 3
MARCH_OPENING = 1200.0  # = OPENING_CASH + January and February (checked in the tests)
WOOL_BOUGHT = (10, 45)  # kg, DH a kg, on 4 March
DYE_BOUGHT = (4, 30)    # L, DH a litre, on 16 March
# (day, direction, amount, category, label fr, label ar)
_MARCH = [
    (2, IN, CARPET_PRICE, "sale", "Vente d'un tapis au souk", "بيع زربية في السوق"),
    (2, IN, paid_in(3, "contribution"), "contribution", "Cotisation de l'année : Samira Tazi", "الاشتراك السنوي: سميرة التازي"),
    (2, IN, paid_in(3, "share"), "other_in", "Parts sociales de Samira Tazi (capital, pas un gain)",
     "حصص رأس المال لسميرة التازي (رأس مال، وليست ربحاً)"),
    (4, OUT, WOOL_BOUGHT[0] * WOOL_BOUGHT[1], "purchase", "Achat de 10 kg de laine", "شراء 10 كلغ من الصوف"),
    (9, OUT, 60, "transport", "Transport au souk", "النقل إلى السوق"),
    (12, IN, 2 * CUSHION_PRICE, "sale", "Vente de deux coussins", "بيع وسادتين"),
    (16, OUT, DYE_BOUGHT[0] * DYE_BOUGHT[1], "purchase", "Achat de 4 L de teinture naturelle",
     "شراء 4 لترات من الصباغة الطبيعية"),
    (18, OUT, 150, "other_out", "Réparation du métier à tisser", "إصلاح المنسج"),
    (23, OUT, 35, "delivery", "Envoi d'un tapis vendu en ligne (Amana)", "إرسال زربية بيعت عبر الإنترنت (أمانة)"),
    (27, IN, CARPET_PRICE, "sale", "Amana verse le prix du tapis livré le 24 mars",
     "أمانة تدفع ثمن الزربية المسلَّمة يوم 24 مارس"),
    (30, OUT, 100, "other_out", "Électricité de l'atelier", "كهرباء الورشة"),
]
CARPETS_SOLD_IN_MARCH, CUSHIONS_SOLD_IN_MARCH = 2, 2


def march_entries(lang: str) -> list[Entry]:
    """March's cash book, labels in ``lang``."""
    return [make_entry(date(YEAR, MARCH, d), direction, amount, category, ar if lang == "ar" else fr)
            for d, direction, amount, category, fr, ar in _MARCH]


def march_totals() -> Totals:
    return totals(march_entries("fr"))


# -- March 2026 in the stock sheet (lesson 3 of bookkeeping)
# (name fr, name ar, kind, unit fr, unit ar, opening quantity, opening unit cost)
_ITEMS = [
    ("Laine", "الصوف", stock.RAW, "kg", "كلغ", 20, 48),
    ("Teinture", "الصباغة", stock.RAW, "L", "لتر", 4, 30),
    ("Tapis", "زربية", stock.FINISHED, "pièce", "قطعة", 2, None),  # None: at a carpet's materials cost
]
CARPETS_WOVEN_IN_MARCH = 3


def _raw_items() -> list[stock.Item]:
    return [stock.Item(fr, kind, unit, qty, cost) for fr, _ar, kind, unit, _uar, qty, cost in _ITEMS[:2]]


def _raw_moves() -> list[stock.Movement]:
    return [stock.Movement("Laine", stock.IN, *WOOL_BOUGHT, date(YEAR, MARCH, 4)),
            stock.Movement("Laine", stock.OUT, WOOL_PER_CARPET * CARPETS_WOVEN_IN_MARCH),
            stock.Movement("Teinture", stock.IN, *DYE_BOUGHT, date(YEAR, MARCH, 16)),
            stock.Movement("Teinture", stock.OUT, DYE_PER_CARPET * CARPETS_WOVEN_IN_MARCH)]


def carpet_materials() -> float:
    """What the materials of one carpet cost: its wool and its dye at their average cost of March."""
    wool, dye = stock.stock_sheet(_raw_items(), _raw_moves())
    return round(WOOL_PER_CARPET * wool.average_cost + DYE_PER_CARPET * dye.average_cost, 2)


def stock_items(lang: str) -> list[stock.Item]:
    ar = lang == "ar"
    return [stock.Item(name_ar if ar else name, kind, unit_ar if ar else unit, qty,
                       carpet_materials() if cost is None else cost)
            for name, name_ar, kind, unit, unit_ar, qty, cost in _ITEMS]


def stock_movements(lang: str) -> list[stock.Movement]:
    names = {fr: (ar if lang == "ar" else fr) for fr, ar, *_rest in _ITEMS}
    label = {  # what each line says, in the order of _raw_moves, then the carpets
        "fr": ["Achat de laine (cahier, 4 mars)", "Laine pour trois tapis", "Achat de teinture (cahier, 16 mars)",
               "Teinture des trois tapis", "Trois tapis terminés", "Tapis vendus (cahier, 2 et 27 mars)"],
        "ar": ["شراء الصوف (الدفتر، 4 مارس)", "صوف لثلاث زرابي", "شراء الصباغة (الدفتر، 16 مارس)",
               "صباغة الزرابي الثلاث", "ثلاث زرابي منتهية", "زرابي مبيعة (الدفتر، 2 و27 مارس)"],
    }["ar" if lang == "ar" else "fr"]
    carpets = [stock.Movement("Tapis", stock.IN, CARPETS_WOVEN_IN_MARCH, carpet_materials()),
               stock.Movement("Tapis", stock.OUT, CARPETS_SOLD_IN_MARCH)]
    return [stock.Movement(names[m.item], m.direction, m.quantity, m.unit_cost, m.day, text)
            for m, text in zip(_raw_moves() + carpets, label)]


# -- what each product left in March, over its materials (lesson 2 of bookkeeping)
def march_products(lang: str) -> list[ProductLine]:
    ar = lang == "ar"
    return [ProductLine("زربية" if ar else "Tapis", CARPETS_SOLD_IN_MARCH, CARPET_PRICE, carpet_materials()),
            ProductLine("وسادة" if ar else "Coussin", CUSHIONS_SOLD_IN_MARCH, CUSHION_PRICE, CUSHION_MATERIALS)]


# -- the year 2026, month by month (lesson 4 of bookkeeping, and the AGM's financial report)
# (carpets sold, cushions sold) each month: 20 carpets and 20 cushions in the year
SOLD = {1: (1, 1), 2: (0, 2), 3: (2, 2), 4: (3, 1), 5: (2, 2), 6: (1, 2),
        7: (3, 2), 8: (3, 3), 9: (0, 1), 10: (1, 1), 11: (1, 2), 12: (3, 1)}
# month: (materials bought, transport, delivery, other money out); what members paid comes from
# MEMBER_PAYMENTS (parts sociales are "other money in": capital, not a gain); March is the cash book's
_MONTHS = {
    1: (2060, 80, 40, 100),
    2: (600, 60, 35, 100),
    4: (1200, 90, 70, 100),
    5: (800, 60, 50, 100),
    6: (600, 60, 35, 100),
    7: (1400, 120, 105, 100),
    8: (1500, 120, 140, 100),
    9: (400, 40, 35, 100),
    10: (600, 60, 35, 100),
    11: (900, 60, 70, 100),
    12: (1430, 110, 140, 100),
}


def year_months() -> dict[int, Totals]:
    months = {}
    for month, (purchase, transport, delivery, other_out) in _MONTHS.items():
        carpets, cushions = SOLD[month]
        months[month] = Totals({"sale": carpets * CARPET_PRICE + cushions * CUSHION_PRICE,
                                "contribution": paid_in(month, "contribution"), "other_in": paid_in(month, "share")},
                               {"purchase": purchase, "transport": transport, "delivery": delivery,
                                "other_out": other_out})
    months[MARCH] = march_totals()
    return dict(sorted(months.items()))


# The accountant's net surplus of 2026 (excédent net): the cash surplus, less the wear of the looms,
# plus the stock that grew over the year. It is what the assembly allocates.
NET_SURPLUS = 14_000.0
# The board's proposal to the AGM: to the reserves, and to the members in proportion to the work
# each one did; the rest is carried forward.
PROPOSAL = (Allocation("reserve", 3_000), Allocation("members", 5_000))


def year(with_allocations: bool = True) -> YearSummary:
    """Nour's 2026, with the accountant's net surplus and (by default) the board's proposal."""
    return YearSummary(YEAR, OPENING_CASH, year_months(), PROPOSAL if with_allocations else (),
                       NAME["fr"], net_surplus=NET_SURPLUS)
